/** The demo store's departments, prepared once for fast generation (templates parsed, lists merged). */
import type { DepartmentSpec, LeafSpec } from './vocab-types.ts';
import { compileTemplates, type Template } from './templates.ts';
import { brandsByDepartment } from './brands.ts';
import { GENERIC_SENTENCES } from './vocab-shared.ts';
import { FURNITURE } from './vocab-furniture.ts';
import { BEDDING } from './vocab-bedding.ts';
import { KITCHEN } from './vocab-kitchen.ts';
import { HOME_DECOR } from './vocab-home-decor.ts';
import { APPAREL } from './vocab-apparel.ts';
import { SHOES } from './vocab-shoes.ts';
import { ELECTRONICS } from './vocab-electronics.ts';
import { OFFICE } from './vocab-office.ts';
import { OUTDOOR } from './vocab-outdoor.ts';
import { GARDEN } from './vocab-garden.ts';
import { SPORTS } from './vocab-sports.ts';
import { TOYS } from './vocab-toys.ts';
import { BEAUTY } from './vocab-beauty.ts';
import { PETS } from './vocab-pets.ts';

/** Every department, in a fixed order (generation cycles through them). */
export const DEMO_DEPARTMENTS: readonly DepartmentSpec[] = [
  FURNITURE, APPAREL, SHOES, ELECTRONICS, KITCHEN, HOME_DECOR, OUTDOOR, TOYS, BEAUTY, SPORTS, OFFICE, PETS, BEDDING, GARDEN,
];

/** A leaf with its department's lists merged in. */
export interface PreparedLeaf {
  spec: LeafSpec;
  department: PreparedDepartment;
  /** Full category path, department first. */
  category: string[];
  styles: string[];
  features: string[];
  uses: string[];
  care: string[];
  /** What every product of the leaf is for. */
  purposes: Template[];
  /** Trait (noun, style, feature, size, material or attribute value) → what products with that trait are for. */
  purposesWhen: ReadonlyMap<string, Template[]>;
  palette: string[];
  /** Attribute name → values, department's first, leaf's overriding. */
  attributes: [string, string[]][];
  sizeRun: boolean;
}

export interface PreparedDepartment {
  spec: DepartmentSpec;
  brands: string[];
  titles: Template[];
  openers: Template[];
  /** Department sentences followed by the generic ones. */
  sentences: Template[];
  leaves: PreparedLeaf[];
}

let prepared: PreparedDepartment[] | undefined;

/** The departments ready for generation; built on first use, then shared (treat as read-only). */
export function preparedDepartments(): readonly PreparedDepartment[] {
  prepared ??= prepareAll();
  return prepared;
}

function prepareAll(): PreparedDepartment[] {
  const brands = brandsByDepartment();
  return DEMO_DEPARTMENTS.map((spec) => {
    const department: PreparedDepartment = {
      spec,
      brands: brands.get(spec.name) ?? [],
      titles: compileTemplates(spec.titles),
      openers: compileTemplates(spec.openers),
      sentences: compileTemplates([...spec.sentences, ...GENERIC_SENTENCES]),
      leaves: [],
    };
    if (department.brands.length === 0) throw new Error(`demo department ${spec.name} has no brands`);
    department.leaves = spec.leaves.map((leaf) => prepareLeaf(department, leaf));
    return department;
  });
}

function prepareLeaf(department: PreparedDepartment, leaf: LeafSpec): PreparedLeaf {
  const spec = department.spec;
  return {
    spec: leaf,
    department,
    category: [spec.name, ...leaf.path],
    styles: [...spec.styles, ...(leaf.styles ?? [])],
    features: leaf.features ?? spec.features,
    uses: leaf.uses ?? spec.uses,
    care: leaf.care ?? spec.care,
    purposes: compileTemplates(leaf.purposes),
    purposesWhen: new Map(Object.entries(leaf.purposesWhen ?? {}).map(([trait, texts]) => [trait, compileTemplates(texts)])),
    palette: leaf.colors ?? spec.palette,
    attributes: Object.entries({ ...spec.attributes, ...(leaf.attributes ?? {}) }),
    sizeRun: leaf.sizeRun ?? spec.sizeRun ?? false,
  };
}
