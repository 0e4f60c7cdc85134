import { describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { catalogVocabulary, loadCatalogVocabulary } from '../../../src/search/catalog-vocabulary.ts';
import { buildFacetVocabulary, productTermsOf, storeCurrencyOf } from '../../../src/search/facet-vocabulary.ts';

describe('the catalog vocabulary aisle index writes', () => {
  it('reads back as the very vocabulary, product words and currency start-up used to build, order included', () => {
    const products = generateDemoCatalog({ count: 1500, seed: 7 });
    const loaded = loadCatalogVocabulary(JSON.parse(JSON.stringify(catalogVocabulary(products))));
    expect([...loaded.vocabulary]).toEqual([...buildFacetVocabulary(products)]);
    expect([...loaded.productTerms]).toEqual([...productTermsOf(products)]);
    expect(loaded.currency).toBe(storeCurrencyOf(products));
    expect(loaded.vocabulary.get('sofa')).toMatchObject({ facet: 'category' });
  });
});
