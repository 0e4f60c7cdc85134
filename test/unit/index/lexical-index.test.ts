import { describe, expect, it } from 'vitest';
import { buildLexicalIndex, loadLexicalIndex, type LexicalDocument } from '../../../src/index/lexical-index.ts';
import { lexicalDocument } from '../../../src/search/product-text.ts';
import { CATALOG } from '../search/catalog-fixture.ts';

function doc(id: string, fields: Partial<LexicalDocument>): LexicalDocument {
  return { id, title: '', brand: '', category: '', facets: '', description: '', ...fields };
}

const docs = [
  doc('title-match', { title: 'Walnut side table', description: 'A small table for a reading corner.' }),
  doc('description-only', { title: 'Reading lamp', description: 'Sits well on any walnut side table.' }),
  doc('headphones', { title: 'Wireless headphones', category: 'Electronics Audio', description: 'Over-ear, 30 hour battery.' }),
  doc('sofa', { title: 'Linen sofa', category: 'Furniture Sofas', facets: 'Blue Linen' }),
  doc('sofa-bed', { title: 'Sofa bed', category: 'Furniture Sofas', facets: 'Grey' }),
  doc('batteries', { title: 'AA batteries', category: 'Electronics' }),
];
const index = buildLexicalIndex(docs);
const ids = (query: string, k = 10, accept?: (id: string) => boolean) => index.search(query, k, accept).map((h) => h.id);

describe('buildLexicalIndex', () => {
  it('ranks a product that names the words in its title above one that only mentions them', () => {
    expect(ids('walnut table')).toEqual(['title-match', 'description-only']);
  });

  it('finds products through plurals and singulars', () => {
    expect(ids('sofas')).toEqual(expect.arrayContaining(['sofa', 'sofa-bed']));
    expect(ids('battery')).toContain('batteries');
  });

  it('still finds the product when the shopper misspells a word', () => {
    expect(ids('wireless hedphones')[0]).toBe('headphones');
    expect(ids('sofaa')).toEqual(expect.arrayContaining(['sofa', 'sofa-bed']));
  });

  it('ranks an exact match above a typo match', () => {
    const typo = index.search('sofaa', 1)[0]!;
    const exact = index.search('sofa', 1)[0]!;
    expect(typo.score).toBeLessThan(exact.score);
  });

  it('returns nothing for words no product has', () => {
    expect(index.search('trampoline', 10)).toEqual([]);
    expect(index.search('', 10)).toEqual([]);
  });

  it('filters with accept before cutting to k', () => {
    expect(ids('sofa', 1, (id) => id === 'sofa-bed')).toEqual(['sofa-bed']);
    expect(ids('walnut table', 1, (id) => id !== 'title-match')).toEqual(['description-only']);
  });

  it('returns at most k hits, best first', () => {
    const hits = index.search('sofa table walnut linen', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.size).toBe(docs.length);
  });
});

describe('loadLexicalIndex', () => {
  it('answers exactly as the built index after a JSON round trip', () => {
    const built = buildLexicalIndex(CATALOG.map(lexicalDocument));
    const loaded = loadLexicalIndex(JSON.parse(JSON.stringify(built.toJSON())));
    expect(loaded.size).toBe(built.size);
    for (const query of ['linen sofa', 'wireless hedphones', 'oak chair', 'batteries', 'glass mug', 'nothing here']) {
      expect(loaded.search(query, 10)).toEqual(built.search(query, 10));
    }
  });
});
