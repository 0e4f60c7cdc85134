import { describe, expect, it } from 'vitest';
import { createDialogServices } from '../../../src/conversation/dialog-services.ts';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { buildLexicalIndex } from '../../../src/index/lexical-index.ts';
import { createProductSearch } from '../../../src/search/product-search.ts';
import { lexicalDocument } from '../../../src/search/product-text.ts';

function sofa(id: string, color: string, material: string, price: number): StoredProduct {
  return { ...emptyProduct(id, `${id} sofa`), category: ['Sofas'], colors: [color], materials: [material], price, availability: 'in_stock', version: 1 };
}

const STORE = [sofa('moss', 'Green', 'Velvet', 450), sofa('harbor', 'Blue', 'Linen', 1200), sofa('fog', 'Grey', 'Linen', 380)];
const search = createProductSearch({ products: STORE, lexical: buildLexicalIndex(STORE.map(lexicalDocument)), vocabulary: buildFacetVocabulary(STORE) });
const services = createDialogServices(search, new Set(['sofa']));

describe('dialog services: searching', () => {
  it('returns a relaxed facet as an empty list, which keeps it relaxed when passed back', async () => {
    const first = await services.searchProducts('blue velvet sofa', {}, 10);
    expect(first.relaxed).toEqual(['colors']);
    expect(first.filters).toEqual({ colors: [], materials: ['Velvet'], categories: ['Sofas'] });
    expect(first.products.map((p) => p.id)).toEqual(['moss']);

    // A wider material: blue linen exists, but the colour stays out.
    const wider = await services.searchProducts('blue velvet sofa', { ...first.filters, materials: ['Linen'] }, 10);
    expect(wider.products.map((p) => p.id).sort()).toEqual(['fog', 'harbor']);
    expect(wider.filters.colors).toEqual([]);
  });

  it('does not report a facet the caller already left open as relaxed again', async () => {
    const page = await services.searchProducts('blue velvet sofa', { colors: [], categories: ['Sofas'], priceMax: 400 }, 10);
    expect(page.products.map((p) => p.id)).toEqual(['fog']);
    expect(page.relaxed).toEqual(['materials']);
    expect(page.filters).toMatchObject({ colors: [], materials: [] });
  });
});
