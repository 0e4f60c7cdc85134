import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary, productTermsOf } from '../../../src/search/facet-vocabulary.ts';
import type { IntentClassifier } from '../../../src/understanding/intent-classifier.ts';
import { createProductNameIndex } from '../../../src/understanding/product-names.ts';
import { createUnderstanding } from '../../../src/understanding/understand.ts';

const products: Product[] = [{ ...emptyProduct('s1', 'Linen sofa'), category: ['Furniture', 'Sofas'] }, { ...emptyProduct('p1', 'Eau de parfum'), category: ['Beauty', 'Perfume'], tags: ['eau de parfum'] }];
/** The model's reading is fixed: the test is about the flag understanding adds. */
const model: IntentClassifier = { classify: async () => ({ intent: 'cancel_flow', confidence: 0.6, ranking: [] }) } as unknown as IntentClassifier;
const understand = createUnderstanding(model, { vocabulary: buildFacetVocabulary(products), names: createProductNameIndex(products), productTerms: productTermsOf(products) });

describe('a message with no English in it', () => {
  it.each(['gracias', 'más baratas', 'la quiero', 'danke', 'de mujer'])('"%s" is flagged, too short to call a language alone', async (text) => {
    const u = await understand(text, { shown: [] });
    expect(u.noEnglish).toBe(true);
    expect(u.language).toBeUndefined();
  });

  it.each(['thanks', 'cheaper please', 'sofa', 'sofas', '9', '👍'])('"%s" is not: English words, a word the store uses, or no letters', async (text) => {
    expect((await understand(text, { shown: [] })).noEnglish).toBeUndefined();
  });
});
