import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildCategoryIndex } from '../../../src/search/category-index.ts';
import { buildFacetVocabulary, productTermsOf } from '../../../src/search/facet-vocabulary.ts';
import type { IntentClassifier } from '../../../src/understanding/intent-classifier.ts';
import { createProductNameIndex } from '../../../src/understanding/product-names.ts';
import { createUnderstanding } from '../../../src/understanding/understand.ts';

const item = (id: string, leaf: string, description: string): Product => ({ ...emptyProduct(id, `${leaf} ${id}`), category: ['Office', leaf], description });
const products = [
  item('m1', 'Keyboards & Mice', 'A vertical mouse that eases wrist ache from a trackpad. Ergonomic grip for long days at the desk.'),
  item('m2', 'Keyboards & Mice', 'A wrist rest for the keyboard. Soft memory foam.'),
  item('l1', 'Desk Lamps', 'Lights the desk for late work. Dimmable warm light.'),
  item('c1', 'Office Chairs', 'Lumbar support for a sore back. Adjustable arms.'),
];
/** The model's reading is fixed, so the test is about what understanding does with it. */
const offTopic: IntentClassifier = { classify: async () => ({ intent: 'out_of_scope', confidence: 0.8, ranking: [] }) } as unknown as IntentClassifier;
const understand = createUnderstanding(offTopic, {
  vocabulary: buildFacetVocabulary(products), names: createProductNameIndex(products), productTerms: productTermsOf(products), categories: buildCategoryIndex(products),
});

describe('needs read as off-topic', () => {
  it("are searched when they say what one of the store's kinds of product is for", async () => {
    const u = await understand('my wrist aches from using the trackpad all day', { shown: [] });
    expect(u).toMatchObject({ intent: 'product_search', need: true });
  });

  it('stay declined when they share only a word with the store', async () => {
    const u = await understand('what time does the desk museum open on sunday', { shown: [] });
    expect(u.intent).toBe('out_of_scope');
  });

  it('stay declined when the store has nothing of the kind', async () => {
    const u = await understand('what is the weather in Lisbon tomorrow', { shown: [] });
    expect(u.intent).toBe('out_of_scope');
    expect(u.need).toBeUndefined();
  });
});

describe("needs the model reads as off-topic but also as a possible search", () => {
  /** Off-topic first, with a search as its second reading at `search`. */
  const reading = (search: number): IntentClassifier => ({
    classify: async () => ({ intent: 'out_of_scope', confidence: 0.7, ranking: [{ intent: 'out_of_scope', probability: 0.7 }, { intent: 'product_search', probability: search }] }),
  }) as unknown as IntentClassifier;
  const sources = { vocabulary: buildFacetVocabulary(products), names: createProductNameIndex(products), productTerms: productTermsOf(products), categories: buildCategoryIndex(products) };
  // Fewer telling words than the need route alone asks for.
  const message = 'my lower back is sore by the evening';

  it('are searched when the model gives a search a real chance', async () => {
    expect(sources.categories.strength(['lower', 'back', 'sore', 'evening'])).toBeLessThan(2.6);
    expect(await createUnderstanding(reading(0.3), sources)(message, { shown: [] })).toMatchObject({ intent: 'product_search', need: true });
  });

  it('stay declined when it does not', async () => {
    expect((await createUnderstanding(reading(0.05), sources)(message, { shown: [] })).intent).toBe('out_of_scope');
  });

  it('stay declined without telling words, whatever the model says second', async () => {
    expect((await createUnderstanding(reading(0.3), sources)('what is the weather in Lisbon tomorrow', { shown: [] })).intent).toBe('out_of_scope');
  });
});
