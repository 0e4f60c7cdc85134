import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary, productTermsOf } from '../../../src/search/facet-vocabulary.ts';
import { parseQuery } from '../../../src/search/query-parser.ts';

function item(id: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, fields.title ?? id), ...fields };
}
/** `n` products of one kind, so title words count as the store's names for it. */
function many(n: number, id: string, fields: Partial<Product>): Product[] {
  return Array.from({ length: n }, (_, i) => item(`${id}-${i}`, fields));
}

const catalog: Product[] = [
  ...many(5, 'machine', { title: 'Compact Espresso Machine', category: ['Kitchen', 'Coffee Makers'], colors: ['Black'], materials: ['Stainless Steel'] }),
  item('table', { title: 'Coffee table', category: ['Furniture', 'Coffee Tables'], colors: ['Espresso'], materials: ['Walnut', 'Tempered Glass'] }),
  item('jacket', { title: 'Rain jacket', category: ['Apparel', 'Outerwear', 'Jackets'], colors: ['Red', 'Sage'], materials: ['Merino Wool'], sizes: ['S', 'M', 'L', '8'] }),
  item('foundation', { title: 'Foundation', category: ['Beauty', 'Makeup', 'Foundations'], colors: ['Light', 'Medium'] }),
  item('harness', { title: 'Dog harness', category: ['Pets', 'Harnesses'], colors: ['Navy Blue'], sizes: ['S', 'M', 'L'] }),
  item('nozzle', { title: 'Hose nozzle', category: ['Garden', 'Hose Nozzles'], materials: ['Brass'] }),
  item('lamp', { title: 'Desk lamp', category: ['Lighting', 'Desk Lamps'], colors: ['Brass'] }),
  item('skillet', { title: 'Skillet', category: ['Kitchen', 'Cookware', 'Skillets & Frying Pans'], sizes: ['10"', '12"'] }),
  item('planter', { title: 'Pot', category: ['Garden', 'Planters', 'Indoor Planters'], sizes: ['4 in', '10 in'] }),
  item('outdoor', { title: 'Trough', category: ['Garden', 'Planters', 'Outdoor Planters'], colors: ['Gray'] }),
  item('rug', { title: 'Rug', category: ['Home Decor', 'Rugs', 'Area Rugs'], sizes: ['5x8 ft', '8x10 ft'] }),
  item('doormat', { title: 'Mat', category: ['Home Decor', 'Rugs', 'Doormats'] }),
  item('sheets', { title: 'Sheet set', category: ['Bedding', 'Sheets', 'Sheet Sets'], sizes: ['Queen', 'King'] }),
  item('curtain', { title: 'Curtain panel', category: ['Home Decor', 'Window', 'Curtains'], sizes: ['50x84 in', '50x96 in'] }),
  item('shoe', { title: 'Runner', category: ['Shoes', 'Sneakers', 'Running Shoes'], sizes: ['US 11', 'Toddler 7', 'US 7'] }),
  item('bowl', { title: 'Bowl', category: ['Pets', 'Bowls & Feeders'], materials: ['Stainless Steel'] }),
  item('dogbed', { title: 'Bed', category: ['Pets', 'Dog', 'Dog Beds'] }),
  item('boot', { title: 'Boot', category: ['Shoes', 'Boots', 'Hiking Boots'], sizes: ['US 11'] }),
  item('office', { title: 'Office', category: ['Office', 'Desks'] }),
  item('frame', { title: 'Frame', category: ['Home Decor', 'Wall Art'], sizes: ['8x10 in'] }),
];
const vocabulary = buildFacetVocabulary(catalog);
const productTerms = productTermsOf(catalog);
const parse = (text: string) => parseQuery(text, vocabulary, { productTerms }).filters;

describe('a colour, material or size word fits the kind of product asked for', () => {
  it('drops a shade the kind never comes in: "a light jacket" is no shade Light', () => {
    expect(parse('a light jacket')).toEqual({ categories: ['Jackets'] });
    expect(parse('light foundation')).toEqual({ categories: ['Foundations'], colors: ['Light'] });
  });

  it('keeps a basic colour word as said, even where the kind lacks it', () => {
    expect(parse('blue jacket').colors).toEqual(['blue']);
  });

  it('reads the other facet under the same word where the first does not fit: "brass hose nozzle"', () => {
    expect(parse('brass hose nozzle')).toEqual({ categories: ['Hose Nozzles'], materials: ['Brass'] });
    expect(parse('brass desk lamp')).toEqual({ categories: ['Desk Lamps'], colors: ['Brass'] });
  });

  it('reads letter sizes said in words, only beside a kind that comes in them', () => {
    expect(parse('a medium harness')).toEqual({ categories: ['Harnesses'], sizes: ['M'] });
    expect(parse('jacket, large').sizes).toEqual(['L']);
    expect(parse('medium foundation')).toEqual({ categories: ['Foundations'], colors: ['Medium'] });
    expect(parse('a large rug').sizes).toBeUndefined();
    expect(parse('something small').sizes).toBeUndefined();
  });

  it('gives a measured size in the kind\'s own notation', () => {
    expect(parse('skillet 10 inch').sizes).toEqual(['10"']);
    expect(parse('a 4 inch pot').sizes).toEqual(['4 in']);
    expect(parse('rug 8x10').sizes).toEqual(['8x10 ft']);
    expect(parse('5x8 rug').sizes).toEqual(['5x8 ft']);
    expect(parse('curtains 96 inch').sizes).toEqual(['50x96 in']);
  });

  it('reads a bare number as a size only where the kind comes in it and nothing counts it', () => {
    expect(parse('mens 11 running shoes').sizes).toEqual(['US 11']);
    expect(parse('toddler running shoes size 7').sizes).toEqual(['Toddler 7']);
    expect(parse('running shoes for 2 people').sizes).toBeUndefined();
    expect(parse('a 12 year old running shoes').sizes).toBeUndefined();
  });

  it('reads "sage green" as the one shade', () => {
    expect(parse('sage green jacket').colors).toEqual(['Sage']);
  });

  it('reads a material by its first word only before a product noun: "merino jacket"', () => {
    expect(parse('merino jacket').materials).toEqual(['Merino Wool']);
    expect(parse('merino').materials).toBeUndefined();
  });
});

describe('the kind of product read as narrowly as the words allow', () => {
  it('reads a group as the one leaf its word names', () => {
    expect(parse('rugs').categories).toEqual(['Area Rugs']);
    expect(parse('king sheets').categories).toEqual(['Sheet Sets']);
  });

  it('keeps a department as broad as said', () => {
    expect(parse('shoes').categories).toEqual(['Shoes']);
  });

  it('narrows a group to the one leaf that carries the other values read', () => {
    expect(parse('a 4 inch planter').categories).toEqual(['Indoor Planters']);
    expect(parse('planters').categories).toEqual(['Planters']);
  });

  it('answers to each half of a name joined with "&": "dog bowl" is Bowls & Feeders, the dog only its modifier', () => {
    expect(parse('stainless steel dog bowl')).toEqual({ categories: ['Bowls & Feeders'], materials: ['Stainless Steel'] });
  });

  it('does not read a colour word that is part of the store\'s name for a product: "espresso machine"', () => {
    expect(parse('espresso machine')).toEqual({ categories: ['Coffee Makers'] });
    expect(parse('espresso coffee table')).toEqual({ categories: ['Coffee Tables'], colors: ['Espresso'] });
  });

  it('reads the setting named by two words as the setting: "a rug for my home office"', () => {
    expect(parse('a rug for my home office').categories).toEqual(['Area Rugs']);
    expect(parse('rug to go under the coffee table').categories).toEqual(['Area Rugs']);
  });
});

describe('exclusions said at a distance', () => {
  it('reads "don\'t show me" and "don\'t want anything made of" as ruling out', () => {
    expect(parse("a rug, just don't show me doormats").exclude).toEqual({ categories: ['Doormats'] });
    expect(parse("a coffee table, I don't want anything made of walnut").exclude).toEqual({ materials: ['Walnut'] });
  });
});
