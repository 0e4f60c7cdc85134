import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogWordsFor, openKinds, openLexicon, unsoldThing, type CatalogTerms } from '../../../src/search/lexicon.ts';
import { stem } from '../../../src/search/text.ts';

function lexiconOf(entries: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aisle-lexicon-'));
  writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify(entries));
  return openLexicon(dir)!;
}

const lexicon = lexiconOf({
  brolly: '0t|gamp|umbrella',
  telly: '0t|television|tv|receiver',
  thong: '1t|lash|flip-flop|sandal',
  fortune: '4|luck|wealth|destiny',
  college: '1|body|educational institution|building',
  mac: '0t|mackintosh|raincoat',
  r: '0|gas constant',
});
const known = new Map([['umbrella', 0.01], ['television', 0.01], ['tv', 0.01], ['sandal', 0.02], ['flip', 0.02], ['flop', 0.02], ['raincoat', 0.01], ['mac', 0.01], ['receiver', 0.5], ['gas', 0.01], ['constant', 0.01], ['luck', 0.01], ['body', 0.01], ['building', 0.01]].map(([w, s]) => [stem(w as string), s as number]));
const catalog: CatalogTerms = { knows: (t) => known.has(t), spread: (t) => known.get(t) ?? 0 };

describe('catalogWordsFor', () => {
  it("reaches the catalog's words from words it never uses", () => {
    expect(catalogWordsFor('a brolly for the school run', lexicon, catalog)).toEqual(['umbrella']);
    expect(catalogWordsFor('after some thongs for the beach', lexicon, catalog)).toEqual(['flip-flop', 'sandal']);
  });

  it('leaves out related words that half the catalog uses: they point at no kind of product', () => {
    expect(catalogWordsFor('new telly', lexicon, catalog)).toEqual(['television', 'tv']);
  });

  it("keeps a store's own word to its own meaning", () => {
    expect(catalogWordsFor('cheap mac', lexicon, catalog)).toEqual([]);
  });

  it('never looks up everyday words or chat shorthand', () => {
    expect(catalogWordsFor("i'm spending a fortune", lexicon, catalog)).toEqual([]);
    expect(catalogWordsFor('books r piled up', lexicon, catalog)).toEqual([]);
  });

  it('never looks up an everyday word for a person, place or idea: "college" is no body oil', () => {
    expect(catalogWordsFor('a laptop for college', lexicon, catalog)).toEqual([]);
  });

  it('is absent, not an error, when the lexicon directory is missing', () => {
    expect(openLexicon(path.join(tmpdir(), 'no-such-lexicon'))).toBeUndefined();
  });

  it('read lazily, reads the file at the first look-up, and still names the fix for a damaged one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aisle-lexicon-'));
    writeFileSync(path.join(dir, 'lexicon.json'), '{"brolly": "0|umbrel');
    expect(() => openLexicon(dir)).toThrow(/is not a lexicon: restore models\/aisle-lexicon-v1/);
    const lazy = openLexicon(dir, { lazy: true })!;
    expect(() => lazy.related('brolly')).toThrow(/is not a lexicon/);
    writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify({ brolly: '0|gamp|umbrella' }));
    expect(openLexicon(dir, { lazy: true })!.related('brollies')).toEqual(['gamp', 'umbrella']);
  });

  it('refuses a lexicon or kinds file whose entry count differs from its manifest, naming the fix', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aisle-lexicon-'));
    writeFileSync(path.join(dir, 'lexicon.json'), JSON.stringify({ brolly: '0|gamp|umbrella' }));
    writeFileSync(path.join(dir, 'kinds.json'), JSON.stringify({ pen: 'biro', sandal: 'flip-flop' }));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ entries: 1, kinds: { entries: 2 } }));
    expect(openLexicon(dir)!.related('brolly')).toEqual(['gamp', 'umbrella']);
    expect(openKinds(dir)!('pen')).toEqual(['biro']);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ entries: 2, kinds: { entries: 3 } }));
    expect(() => openLexicon(dir)).toThrow(/holds 1 lexicon entries but its manifest.json says 2: restore models\/aisle-lexicon-v1/);
    expect(() => openKinds(dir)).toThrow(/holds 2 kinds entries but its manifest.json says 3/);
  });
});

describe('unsoldThing', () => {
  const spelled = (ts: readonly string[]) => ts.filter((t) => known.has(t));
  const store = { ...catalog, spelled };
  const withNouns = lexiconOf({
    brolly: '0t|gamp', faucet: '1t|spigot', telly: '0t|television', sandal: '1t|shoe', wife: '1|spouse|partner', lamp: '2t|light',
  });

  it('names the thing a short request asks for when the catalog has no word for it', () => {
    expect(unsoldThing('a brolly', withNouns, store)).toBe('brolly');
    expect(unsoldThing('a cheap kitchen faucet', withNouns, store)).toBe('faucet');
  });

  it("stays quiet when a related word is the catalog's, the word is the catalog's, or the message is a story", () => {
    expect(unsoldThing('new telly', withNouns, store)).toBeUndefined();
    expect(unsoldThing('umbrella', withNouns, store)).toBeUndefined();
    expect(unsoldThing('my dog chewed the tap on the garden faucet', withNouns, store)).toBeUndefined();
    expect(unsoldThing('a zorblax', withNouns, store)).toBeUndefined();
  });

  it('never names a person, or a word too common to have been looked up', () => {
    expect(unsoldThing('a present for my wife', withNouns, store)).toBeUndefined();
    expect(unsoldThing('a bedside lamp', withNouns, store)).toBeUndefined();
  });
});
