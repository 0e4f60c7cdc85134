import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/domain.ts';
import { demoVocabulary, generateDemoCatalog } from '../../../demo/generate-catalog.ts';

const REQUIRED_DEPARTMENTS = [
  'Furniture', 'Apparel', 'Shoes', 'Electronics', 'Kitchen', 'Home Decor', 'Outdoor', 'Toys', 'Beauty', 'Sports', 'Office', 'Pets',
];
const AVAILABILITIES = new Set(['in_stock', 'out_of_stock', 'preorder', 'backorder']);

/** Sentences as a reader counts them: text ending in . ! or ? followed by a space or the end. */
function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => /[.!?]$/.test(sentence)).length;
}

describe('generateDemoCatalog', () => {
  let catalog: Product[];
  beforeAll(() => {
    catalog = generateDemoCatalog({ seed: 42, count: 20_000 });
  });

  it('returns exactly the requested number of products with unique ids', () => {
    expect(catalog).toHaveLength(20_000);
    expect(new Set(catalog.map((product) => product.id)).size).toBe(20_000);
    expect(catalog[0]?.id).toBe('P000001');
    expect(catalog.at(-1)?.id).toBe('P020000');
    expect(generateDemoCatalog({ seed: 1, count: 100 })).toHaveLength(100);
    expect(generateDemoCatalog({ seed: 1, count: 0 })).toEqual([]);
  });

  it('is byte-identical for the same seed and count, and differs for another seed', () => {
    const again = generateDemoCatalog({ seed: 42, count: 20_000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(catalog));
    const other = generateDemoCatalog({ seed: 43, count: 200 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(catalog.slice(0, 200)));
  }, 30_000);

  it('gives a smaller catalog as a prefix of a larger one with the same seed', () => {
    expect(generateDemoCatalog({ seed: 42, count: 500 })).toEqual(catalog.slice(0, 500));
  });

  it('covers at least 12 departments, each with at least 500 products', () => {
    const counts = new Map<string, number>();
    for (const product of catalog) counts.set(product.category[0] as string, (counts.get(product.category[0] as string) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(12);
    for (const department of REQUIRED_DEPARTMENTS) expect(counts.get(department) ?? 0).toBeGreaterThanOrEqual(500);
    for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(500);
  });

  it('gives every product a title, a description of 2+ sentences, a price and a known category path', () => {
    const leafPaths = new Set(demoVocabulary().categories.map((category) => category.path.join(' > ')));
    const problems: string[] = [];
    for (const product of catalog) {
      const why = [
        product.title.trim() === '' && 'empty title',
        sentenceCount(product.description) < 2 && `description "${product.description}"`,
        !(typeof product.price === 'number' && product.price > 0) && `price ${product.price}`,
        Math.round((product.price ?? 0) * 100) / 100 !== product.price && `price ${product.price} has more than 2 decimals`,
        !leafPaths.has(product.category.join(' > ')) && `category ${product.category.join(' > ')}`,
        (product.category.length < 2 || product.category.length > 3) && 'category depth',
      ].filter(Boolean);
      if (why.length > 0) problems.push(`${product.id}: ${why.join(', ')}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('writes varied titles and descriptions', () => {
    expect(new Set(catalog.map((product) => product.title)).size / catalog.length).toBeGreaterThanOrEqual(0.9);
    expect(new Set(catalog.map((product) => product.description)).size / catalog.length).toBeGreaterThanOrEqual(0.95);
    // Titles are not all built the same way: many start with the brand, many do not.
    const brandFirst = catalog.filter((product) => product.brand && product.title.startsWith(product.brand)).length;
    expect(brandFirst / catalog.length).toBeGreaterThan(0.3);
    expect(brandFirst / catalog.length).toBeLessThan(0.9);
  });

  it('fills the shop fields: USD, links, ratings 1–5, stock and availability', () => {
    const problems = catalog.flatMap((product) => {
      const why = [
        product.currency !== 'USD' && `currency ${product.currency}`,
        product.imageUrl !== `/images/${product.id}.svg` && `imageUrl ${product.imageUrl}`,
        product.url !== `/products/${product.id}` && `url ${product.url}`,
        !product.brand && 'no brand',
        !AVAILABILITIES.has(product.availability) && `availability ${product.availability}`,
        product.rating !== undefined && (product.rating < 1 || product.rating > 5) && `rating ${product.rating}`,
        product.availability === 'in_stock' && !((product.stock ?? 0) > 0) && `in stock with stock ${product.stock}`,
        product.tags.length < 3 && `tags ${product.tags.join(', ')}`,
      ].filter(Boolean);
      return why.length > 0 ? [`${product.id}: ${why.join(', ')}`] : [];
    });
    expect(problems.slice(0, 10)).toEqual([]);
    const unrated = catalog.filter((product) => product.rating === undefined).length;
    const soldOut = catalog.filter((product) => product.availability === 'out_of_stock').length;
    const rated = catalog.filter((product) => product.rating !== undefined);
    const typical = rated.filter((product) => (product.rating as number) >= 3.5 && (product.rating as number) <= 4.8).length;
    expect(unrated).toBeGreaterThan(0);
    expect(soldOut).toBeGreaterThan(0);
    expect(typical / rated.length).toBeGreaterThan(0.75);
    expect(catalog.some((product) => product.availability === 'preorder')).toBe(true);
    expect(catalog.some((product) => product.availability === 'backorder')).toBe(true);
    expect(catalog.filter((product) => product.price?.toFixed(2).endsWith('.99')).length / catalog.length).toBeGreaterThan(0.3);
  });

  it('adds department-specific attributes', () => {
    const withAttribute = (department: string, name: string): number =>
      catalog.filter((product) => product.category[0] === department && product.attributes[name] !== undefined).length;
    expect(withAttribute('Apparel', 'gender')).toBeGreaterThan(500);
    expect(withAttribute('Apparel', 'fit')).toBeGreaterThan(500);
    expect(withAttribute('Shoes', 'width')).toBeGreaterThan(500);
    expect(withAttribute('Shoes', 'heel_height')).toBeGreaterThan(500);
    expect(withAttribute('Toys', 'age_range')).toBeGreaterThan(500);
    expect(withAttribute('Pets', 'pet_type')).toBeGreaterThan(500);
    expect(withAttribute('Furniture', 'assembly_required')).toBeGreaterThan(500);
    expect(withAttribute('Furniture', 'dimensions')).toBeGreaterThan(300);
    expect(withAttribute('Electronics', 'connectivity')).toBeGreaterThan(300);
    expect(withAttribute('Electronics', 'battery_life')).toBeGreaterThan(300);
  });

  it('gives some apparel and shoes color × size variants with their own SKUs', () => {
    const wearables = catalog.filter((product) => product.category[0] === 'Apparel' || product.category[0] === 'Shoes');
    const withVariants = wearables.filter((product) => product.variants.length > 0);
    expect(withVariants.length / wearables.length).toBeGreaterThan(0.08);
    expect(withVariants.length / wearables.length).toBeLessThan(0.2);
    for (const product of withVariants) {
      expect(product.variants).toHaveLength(product.colors.length * product.sizes.length);
      expect(new Set(product.variants.map((variant) => variant.sku)).size).toBe(product.variants.length);
      expect(product.price).toBe(Math.min(...product.variants.map((variant) => variant.price as number)));
      expect(product.stock).toBe(product.variants.reduce((sum, variant) => sum + (variant.stock ?? 0), 0));
    }
    expect(catalog.filter((product) => product.variants.length > 0).every((product) => wearables.includes(product))).toBe(true);
  });

  it('uses the sizes each department calls for', () => {
    const sizesOf = (leaf: string): Set<string> =>
      new Set(catalog.filter((product) => product.category.at(-1) === leaf).flatMap((product) => product.sizes));
    expect([...sizesOf('T-Shirts')]).toEqual(expect.arrayContaining(['S', 'M', 'L', 'XL']));
    expect(sizesOf('Running Shoes').has('US 9')).toBe(true);
    expect(sizesOf('Sheet Sets').has('Queen')).toBe(true);
    expect(sizesOf('Mugs & Tumblers').has('12 oz')).toBe(true);
  });

  it('rejects a count or seed that is not a usable integer', () => {
    expect(() => generateDemoCatalog({ seed: 1, count: -1 })).toThrow(/count/);
    expect(() => generateDemoCatalog({ seed: 1, count: 2.5 })).toThrow(/count/);
    expect(() => generateDemoCatalog({ seed: Number.NaN, count: 10 })).toThrow(/seed/);
  });
});
