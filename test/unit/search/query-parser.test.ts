import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { parseQuery } from '../../../src/search/query-parser.ts';

function item(id: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, id), ...fields };
}

const vocabulary = buildFacetVocabulary([
  item('sofa', { category: ['Furniture', 'Sofas'], colors: ['Blue', 'Grey'], materials: ['Linen'], brand: 'Nordhaus' }),
  item('armchair', { category: ['Furniture', 'Chairs'], colors: ['Red'], materials: ['Leather', 'Oak'], brand: 'Lumen & Oak' }),
  item('sneaker', { category: ['Apparel', 'Sneakers'], colors: ['White'], sizes: ['9', '10', '11'] }),
  item('shirt', { category: ['Apparel', 'Shirts'], colors: ['Navy Blue'], sizes: ['M', 'L', 'XL'], materials: ['Cotton'] }),
]);

const parse = (text: string) => parseQuery(text, vocabulary);

describe('buildFacetVocabulary', () => {
  it('knows each facet value under its match key, with the catalog label', () => {
    expect(vocabulary.get('sofa')).toMatchObject({ facet: 'category', label: 'Sofas' });
    expect(vocabulary.get('lumen oak')).toEqual({ facet: 'brand', label: 'Lumen & Oak' });
    expect(vocabulary.get('oak')).toMatchObject({ facet: 'material', label: 'Oak' });
    expect(vocabulary.get('xl')).toMatchObject({ facet: 'size', label: 'XL' });
  });
});

describe('parseQuery', () => {
  it('turns colour, material, category and price into filters and keeps the words to rank by', () => {
    const q = parse('a blue linen sofa under $900');
    expect(q.filters).toEqual({ colors: ['Blue'], materials: ['Linen'], categories: ['Sofas'], priceMax: 900 });
    expect(q.residual).toContain('blue linen sofa');
    expect(q.residual).not.toMatch(/900|under/);
    expect(q.text).toBe('a blue linen sofa under $900');
  });

  it('reads a thousands separator in a price as one number', () => {
    expect(parse('sofa less than $1,200').filters.priceMax).toBe(1200);
  });

  it('recognises a multi-word brand written with "&" instead of its last word as a material', () => {
    const q = parse('Lumen & Oak chair');
    expect(q.filters.brands).toEqual(['Lumen & Oak']);
    expect(q.filters.materials).toBeUndefined();
    expect(q.filters.categories).toEqual(['Chairs']);
    expect(parse('lumen and oak chair').filters.brands).toEqual(['Lumen & Oak']);
  });

  it('still reads "oak" alone as the material', () => {
    expect(parse('oak chair').filters).toEqual({ materials: ['Oak'], categories: ['Chairs'] });
  });

  it('turns "not leather" into an exclusion and drops it from the ranking words', () => {
    const q = parse('chair not leather');
    expect(q.filters.exclude).toEqual({ materials: ['Leather'] });
    expect(q.filters.materials).toBeUndefined();
    expect(q.residual).toBe('chair');
  });

  it('turns "no red" into a colour exclusion', () => {
    const q = parse('sofa no red');
    expect(q.filters.exclude).toEqual({ colors: ['Red'] });
    expect(q.filters.colors).toBeUndefined();
    expect(q.residual).not.toContain('red');
  });

  it('reads "in stock" as a stock filter, not as words to rank by', () => {
    const q = parse('blue sofa in stock');
    expect(q.filters.inStock).toBe(true);
    expect(q.residual).not.toContain('stock');
  });

  it('takes a number as a size only after the word "size"', () => {
    expect(parse('size 10 sneakers').filters.sizes).toEqual(['10']);
    expect(parse('10 sneakers').filters.sizes).toBeUndefined();
    expect(parse('2 seater sofa').filters).toEqual({ categories: ['Sofas'] });
  });

  it('takes a lettered size like XL without the word "size"', () => {
    expect(parse('xl shirt').filters).toEqual({ sizes: ['XL'], categories: ['Shirts'] });
  });

  it('matches grey and gray to the same colour', () => {
    expect(parse('grey sofa').filters.colors).toEqual(['Grey']);
    expect(parse('gray sofa').filters.colors).toEqual(['Grey']);
  });

  it('prefers the longest value: "navy blue" is one colour', () => {
    expect(parse('navy blue shirt').filters.colors).toEqual(['Navy Blue']);
  });

  it('leaves a query with no catalog words unfiltered', () => {
    expect(parse('something cosy for reading')).toMatchObject({ filters: {}, residual: 'something cosy for reading' });
  });
});

describe('parseQuery edge cases', () => {
  it('rules out a negated category instead of asking for it', () => {
    const q = parse('a chair, not a sofa');
    expect(q.filters.categories).toEqual(['Chairs']);
    expect(q.filters.exclude).toEqual({ categories: ['Sofas'] });
  });

  it('does not read a size or a head count as a price range', () => {
    expect(parse('size 8-10 sneakers').filters.priceMin).toBeUndefined();
    expect(parse('sofa for 2 to 4 people').filters).not.toHaveProperty('priceMax');
    expect(parse('sofa $200 to $400').filters).toMatchObject({ priceMin: 200, priceMax: 400 });
    expect(parse('sofa 200 to 400 dollars').filters).toMatchObject({ priceMin: 200, priceMax: 400 });
  });

  it('recognises one-letter sizes only after the word "size"', () => {
    expect(parse('size m shirt').filters.sizes).toEqual(['M']);
    expect(parse('m shirt').filters.sizes).toBeUndefined();
  });

  it('reads "no, show me" as a new request and "don\'t show me" as ruling out', () => {
    expect(parse('no, show me blue sofas').filters).toEqual({ categories: ['Sofas'], colors: ['Blue'] });
    expect(parse('no want red sofas').filters.colors).toEqual(['Red']);
    expect(parse("sofas, don't show me red").filters.exclude).toEqual({ colors: ['Red'] });
    expect(parse('sofas, do not want red').filters.exclude).toEqual({ colors: ['Red'] });
  });

  it('treats "anything but" as a negation, and a bare "but" as not', () => {
    expect(parse('sofa anything but red').filters).toMatchObject({ exclude: { colors: ['Red'] } });
    expect(parse('sofa anything but red').filters.colors).toBeUndefined();
    expect(parse('a sofa but in blue').filters.colors).toEqual(['Blue']);
  });
});

describe('basic colour words', () => {
  const shades = buildFacetVocabulary([item('a', { colors: ['Sky Blue', 'Matte Black'] })]);

  it('recognises "blue" when the catalog only has a shade of it, but not a shade modifier', () => {
    expect(parseQuery('blue lamp', shades).filters.colors).toEqual(['blue']);
    expect(parseQuery('matte lamp', shades).filters.colors).toBeUndefined();
    expect(parseQuery('red lamp', shades).filters.colors).toBeUndefined();
  });
});

describe('negation scope', () => {
  it('does not turn a negated size into a filter', () => {
    expect(parse('shirt no xl').filters.sizes).toBeUndefined();
  });

  it('does not reach across other words: "no, I want red" asks for red', () => {
    expect(parse('no, I want red').filters).toEqual({ colors: ['Red'] });
  });
});

describe('words read in their context', () => {
  const contextual = buildFacetVocabulary([
    item('flat', { category: ['Shoes', 'Flats'], colors: ['Black'], sizes: ['S', 'M'] }),
    item('bed', { category: ['Furniture', 'Beds'], materials: ['Oak'] }),
    item('sheet', { category: ['Bedding', 'Sheets'], sizes: ['Queen', 'King'], materials: ['Cotton', 'Plastic'] }),
    item('sofa', { category: ['Furniture', 'Sofas'], colors: ['Grey'] }),
    item('rug', { category: ['Home Decor', 'Rugs'], colors: ['Blue'] }),
  ]);
  const productTerms = new Set(['flat', 'bed', 'sheet', 'sofa', 'rug', 'lamp']);
  const read = (text: string, storeCurrency = 'USD') => parseQuery(text, contextual, { productTerms, storeCurrency });

  it('does not read the shopper\'s own things as what they want: "for my flat"', () => {
    expect(read('a sofa for my flat').filters.categories).toEqual(['Sofas']);
    expect(read('my flat is small, any rugs?').filters.categories).toEqual(['Rugs']);
  });

  it('reads the thing a product fits as its setting, keeping the size: "sheets for a king bed"', () => {
    const f = read('sheets for a king bed').filters;
    expect(f.categories).toEqual(['Sheets']);
    expect(f.sizes).toEqual(['King']);
  });

  it('keeps "for the kitchen"-style settings when nothing else names the product', () => {
    expect(read('something for the bed').filters.categories).toEqual(['Beds']);
  });

  it('keeps a colour said with "in", drops one that describes another thing', () => {
    expect(read('rugs in blue').filters.colors).toEqual(['Blue']);
    expect(read('a rug to match my grey sofa').filters).toEqual({ categories: ['Rugs'] });
  });

  it('does not read contractions as sizes: "what\'s", "where\'s"', () => {
    expect(read("what's the price of the flat one").filters.sizes).toBeUndefined();
    expect(read("where's my order").filters).toEqual({});
  });

  it('reads "X free" as an attribute: a material is ruled out, other words name no facet', () => {
    expect(read('plastic-free sheets').filters).toEqual({ categories: ['Sheets'], exclude: { materials: ['Plastic'] } });
    expect(read('sugar free sofa').filters).toEqual({ categories: ['Sofas'] });
  });

  it('says back a budget in another currency instead of converting it', () => {
    const parsed = read('a rug under £50');
    expect(parsed.filters).toEqual({ categories: ['Rugs'] });
    expect(parsed.foreignPrice).toEqual({ currency: 'GBP', bounds: { max: 50 } });
    expect(read('a rug under 50 euros').foreignPrice?.currency).toBe('EUR');
  });

  it('reads the store\'s own currency as money', () => {
    expect(read('a rug under £50', 'GBP').filters.priceMax).toBe(50);
    expect(read('a rug under $50', 'GBP').foreignPrice?.currency).toBe('USD');
    expect(read('a 5 pound bag of something').foreignPrice).toBeUndefined();
  });
});

describe('categories named by the words of titles', () => {
  const titled = (id: string, title: string, leaf: string) => item(id, { title, category: ['Store', leaf] });
  const many = (n: number, title: string, leaf: string) => Array.from({ length: n }, (_, i) => titled(`${leaf}${i}`, title, leaf));
  const words = buildFacetVocabulary([...many(6, 'Glowhaus Vegan Hot Brush in White', 'Hair Tools'), ...many(6, 'Modern Cold Brew Maker', 'Coffee Makers'), ...many(6, 'Harbor Linen Couch - Navy', 'Sofas')]);

  it('reads the head noun of a title as its category', () => {
    expect(words.get('couch')).toEqual({ facet: 'category', label: 'Sofas' });
    expect(words.get('hot brush')).toEqual({ facet: 'category', label: 'Hair Tools' });
  });

  it('never reads a word that only describes a product as a category ("keep my coffee hot")', () => {
    expect(words.get('hot')).toBeUndefined();
    expect(words.get('cold')).toBeUndefined();
    expect(parseQuery('keep my coffee hot on the commute', words).filters.categories).toBeUndefined();
  });
});

describe('a plural product noun that is also a shade', () => {
  const lights = buildFacetVocabulary([item('light', { category: ['Sports', 'Bike Accessories'], colors: ['Light'] })]);
  const productTerms = new Set(['bike', 'light', 'accessori']);

  it('"bike lights" names the thing, not the colour Light; "light" alone is still a shade', () => {
    expect(parseQuery('bike lights then', lights, { productTerms }).filters.colors).toBeUndefined();
    expect(parseQuery('a light hoodie', lights, { productTerms }).filters.colors).toEqual(['Light']);
  });
});
