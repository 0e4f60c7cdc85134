import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/domain.ts';
import { preparedDepartments, type PreparedLeaf } from '../../../demo/departments.ts';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { compileTemplates, type Template } from '../../../demo/templates.ts';

const leaves = preparedDepartments().flatMap((department) => department.leaves);
const leafByPath = new Map(leaves.map((leaf) => [leaf.category.join(' > '), leaf]));

/** Matches any filling of a template: slots as any text, `[a|b]` as one of the choices, "a"/"an" either way. */
function templateSource(template: Template): string {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return template.parts
    .map((part) => (part.text !== undefined ? escape(part.text) : part.slot !== undefined ? '.+?' : `(?:${part.choices.map(escape).join('|')})`))
    .join('')
    .replace(/\b([Aa])n? /g, '$1n? ');
}

function anyOf(templates: readonly Template[]): string {
  return templates.map(templateSource).join('|');
}

function purposesOf(leaf: PreparedLeaf): Template[] {
  return [...leaf.purposes, ...[...leaf.purposesWhen.values()].flat()];
}

/** The words a product of `leaf` can carry, which are what `purposesWhen` keys may name. */
function leafTraits(leaf: PreparedLeaf): Set<string> {
  const spec = leaf.spec;
  const sizes = spec.sizes ?? [...(leaf.department.spec.sizes ?? []), ...Object.values(leaf.department.spec.sizesByGender ?? {}).flat()];
  return new Set([...spec.nouns, ...leaf.styles, ...leaf.features, ...spec.materials, ...sizes, ...leaf.attributes.flatMap(([, values]) => values)]);
}

describe('demo purposes', () => {
  let catalog: Product[];
  beforeAll(() => {
    catalog = generateDemoCatalog({ seed: 42, count: 20_000 });
  });

  it('gives every leaf 4–8 distinct purpose sentences, each one sentence', () => {
    expect(leaves).toHaveLength(151);
    for (const leaf of leaves) {
      const name = leaf.category.join(' > ');
      expect(leaf.purposes.length, name).toBeGreaterThanOrEqual(4);
      expect(leaf.purposes.length, name).toBeLessThanOrEqual(8);
      const texts = purposesOf(leaf).map((template) => template.text);
      expect(new Set(texts).size, name).toBe(texts.length);
      for (const text of texts) expect(text, name).toMatch(/^[^.!?]+[.!?]$/);
    }
  });

  it('keys narrower purposes only by words a product of the leaf can have', () => {
    const unknown = leaves.flatMap((leaf) => {
      const traits = leafTraits(leaf);
      return [...leaf.purposesWhen.keys()].filter((key) => !traits.has(key)).map((key) => `${leaf.category.join(' > ')}: ${key}`);
    });
    expect(unknown).toEqual([]);
  });

  it('says what each product is for right after its opening sentence, in one or two sentences', () => {
    const openers = (leaf: PreparedLeaf): string => anyOf([...leaf.department.openers, ...compileTemplates(['The {item} from {brand}.'])]);
    const checks = new Map(leaves.map((leaf) => [leaf, {
      early: new RegExp(`^(?:${openers(leaf)}) (?:${anyOf(purposesOf(leaf))})(?: |$)`, 'i'),
      each: purposesOf(leaf).map((template) => new RegExp(templateSource(template), 'gi')),
    }]));
    const problems: string[] = [];
    for (const product of catalog) {
      const { early, each } = checks.get(leafByPath.get(product.category.join(' > ')) as PreparedLeaf) as { early: RegExp; each: RegExp[] };
      const count = each.reduce((sum, pattern) => sum + (product.description.match(pattern)?.length ?? 0), 0);
      if (!early.test(product.description) || count < 1 || count > 2) problems.push(`${product.id} (${count}): ${product.description}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('describes needs in the words shoppers use, on the products that meet them', () => {
    const needs: [leaf: string, noun: string, words: RegExp][] = [
      ['Curtains', 'blackout curtain panel', /sun|dark/i],
      ['Mugs & Tumblers', 'insulated tumbler', /cold|hot/i],
      ['Dog Beds', 'orthopedic dog bed', /joints|hips/i],
      ['Smart Home Devices', 'video doorbell', /door/i],
      ['Smart Home Devices', 'smart thermostat', /heat|energy/i],
    ];
    for (const [leaf, noun, words] of needs) {
      const products = catalog.filter((product) => product.category.at(-1) === leaf && product.tags[0] === noun);
      expect(products.length, noun).toBeGreaterThan(10);
      const saying = products.filter((product) => words.test(product.description)).length;
      expect(saying / products.length, noun).toBeGreaterThan(0.8);
    }
  });
});
