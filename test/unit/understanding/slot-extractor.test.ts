import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { parseQuery } from '../../../src/search/query-parser.ts';
import { createProductNameIndex } from '../../../src/understanding/product-names.ts';
import { productTermsOf } from '../../../src/search/facet-vocabulary.ts';
import { extractSlots, messageTags, type SlotSources } from '../../../src/understanding/slot-extractor.ts';

function item(id: string, title: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, title), ...fields };
}

const CATALOG: Product[] = [
  item('sofa-harbor', 'Harbor Linen Sofa', { category: ['Furniture', 'Sofas'], colors: ['Navy Blue'], materials: ['Linen'], brand: 'Nordhaus', tags: ['couch'] }),
  item('sofa-chester', 'Chesterfield Leather Sofa', { category: ['Furniture', 'Sofas'], colors: ['Brown'], materials: ['Leather'], brand: 'Lumen & Oak' }),
  item('chair-bistro', 'Bistro Metal Chair', { category: ['Furniture', 'Chairs'], colors: ['Red'], materials: ['Steel'], brand: 'Casa' }),
  item('lamp-arc', 'Arc Floor Lamp', { category: ['Lighting', 'Lamps'], colors: ['Black'], materials: ['Steel'], brand: 'Lumo' }),
  item('sneaker-trail', 'Trail Sneakers', { category: ['Apparel', 'Sneakers'], colors: ['Green'], sizes: ['9', '10', '11'], brand: 'Stride' }),
];
const sources: SlotSources = {
  vocabulary: buildFacetVocabulary(CATALOG),
  names: createProductNameIndex(CATALOG),
  productTerms: productTermsOf(CATALOG),
};
const slots = (text: string, shown: { id: string; title: string }[] = []) => extractSlots(text, sources, shown);
/** The slots besides the words to rank by, which every message with words has. */
const read = (text: string) => {
  const { residual: _words, ...rest } = slots(text);
  return rest;
};

describe('extractSlots', () => {
  it('reads price bounds', () => {
    expect(slots('a sofa under $900').filters).toMatchObject({ priceMax: 900 });
    expect(slots('between 50 and 200 dollars').filters).toEqual({ priceMin: 50, priceMax: 200 });
    expect(slots('lamps over $40').filters).toEqual({ priceMin: 40, categories: ['Lamps'] });
  });

  it('reads colours, brands and categories as the catalog spells them', () => {
    expect(slots('red chairs').filters).toEqual({ colors: ['Red'], categories: ['Chairs'] });
    expect(slots('a blue sofa').filters).toEqual({ colors: ['blue'], categories: ['Sofas'] });
    expect(slots('anything from nordhaus').filters).toEqual({ brands: ['Nordhaus'] });
    expect(slots('lumen & oak sofas').filters).toEqual({ brands: ['Lumen & Oak'], categories: ['Sofas'] });
  });

  it('turns "not leather" and "no red" into exclusions, not wishes', () => {
    expect(slots('not leather').filters).toEqual({ exclude: { materials: ['Leather'] } });
    expect(slots('no red').filters).toEqual({ exclude: { colors: ['Red'] } });
    expect(slots('a sofa but not brown').filters).toEqual({ categories: ['Sofas'], exclude: { colors: ['Brown'] } });
  });

  it('reads sizes only when said as sizes', () => {
    expect(slots('size 10 sneakers').filters).toEqual({ sizes: ['10'], categories: ['Sneakers'] });
    expect(slots('10 sneakers').filters?.sizes).toBeUndefined();
  });

  it('takes order numbers and e-mails out before reading prices', () => {
    // Read as a search, each of these would carry a price range.
    for (const text of ['my orders from 10432 to 10440', 'around 88123', 'my email is max+100@example.com']) {
      const asSearch = parseQuery(text, sources.vocabulary).filters;
      expect(asSearch.priceMin ?? asSearch.priceMax).toBeDefined();
      expect(slots(text).filters).toBeUndefined();
    }
    expect(read('my orders from 10432 to 10440')).toEqual({ orderNumbers: ['10432', '10440'] });
    expect(read('where is order #10432? Jo@Mail.com')).toEqual({ orderNumbers: ['10432'], emails: ['jo@mail.com'] });
    expect(read('order no. SO-2024-0042 was over 100 dollars')).toEqual({ orderNumbers: ['SO-2024-0042'], filters: { priceMin: 100 } });
  });

  it('reads positions, and names products by title or by an on-screen word', () => {
    expect(read('compare the first two')).toEqual({ ordinals: { positions: [1, 2] } });
    expect(slots('tell me about the chesterfield leather').productIds).toEqual(['sofa-chester']);
    const shown = [{ id: 'sofa-harbor', title: 'Harbor Linen Sofa' }, { id: 'sofa-chester', title: 'Chesterfield Leather Sofa' }];
    expect(slots('the harbor one', shown).productIds).toEqual(['sofa-harbor']);
  });

  it('leaves out every slot a message does not hold', () => {
    expect(read('hello there')).toEqual({});
  });

  it('hands on the words to rank by, without prices, negated phrases or order numbers', () => {
    expect(slots('red chairs under $50 not leather').residual).toBe('red chairs');
    expect(slots('where is order #10432').residual).not.toContain('10432');
  });
});

describe('messageTags', () => {
  it('tags the kinds of slot and whether the store sells what was named', () => {
    const text = 'red couch under $300';
    expect(messageTags(text, slots(text), sources).sort()).toEqual(['catalog-words', 'filter:colors', 'filter:price']);
    expect(messageTags('see ya', slots('see ya'), sources)).toEqual([]);
  });
});
