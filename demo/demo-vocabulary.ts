/** The words the demo store is built from, for writing evaluation queries and parser tests. */
import { DEMO_BRANDS, type DemoBrand } from './brands.ts';
import { preparedDepartments } from './departments.ts';

/** One leaf category: its full path and the words its products use. */
export interface DemoCategory {
  /** Department first, e.g. ['Furniture', 'Living Room', 'Sofas']. */
  path: string[];
  /** Lower-case nouns; the first is the plain name, the rest synonyms. */
  nouns: string[];
  colors: string[];
  materials: string[];
  sizes: string[];
  styles: string[];
  /** Attribute name → the values products may have. */
  attributes: Record<string, string[]>;
  /** USD range products are priced in (endings may stray a few cents). */
  price: [number, number];
}

export interface DemoVocabulary {
  departments: string[];
  categories: DemoCategory[];
  /** Every color used anywhere, lower-case, sorted. */
  colors: string[];
  /** Every material (or key ingredient), lower-case, sorted. */
  materials: string[];
  brands: DemoBrand[];
}

/** A fresh copy of the demo vocabulary; callers may change it freely. */
export function demoVocabulary(): DemoVocabulary {
  const departments = preparedDepartments();
  const categories: DemoCategory[] = departments.flatMap((department) =>
    department.leaves.map((leaf) => {
      const spec = department.spec;
      const sizes = leaf.spec.sizes ?? [...(spec.sizes ?? []), ...Object.values(spec.sizesByGender ?? {}).flat()];
      return {
        path: leaf.category.slice(),
        nouns: leaf.spec.nouns.slice(),
        colors: leaf.palette.slice(),
        materials: leaf.spec.materials.slice(),
        sizes: [...new Set(sizes)],
        styles: leaf.styles.slice(),
        attributes: Object.fromEntries(leaf.attributes.map(([name, values]) => [name, [...new Set(values)]])),
        price: [leaf.spec.price[0], leaf.spec.price[1]],
      };
    }),
  );
  return {
    departments: departments.map((department) => department.spec.name),
    categories,
    colors: [...new Set(categories.flatMap((category) => category.colors))].sort(),
    materials: [...new Set(categories.flatMap((category) => category.materials))].sort(),
    brands: DEMO_BRANDS.map((brand) => ({ name: brand.name, departments: brand.departments.slice() })),
  };
}
