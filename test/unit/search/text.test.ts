import { describe, expect, it } from 'vitest';
import { isStopword, normalize, stem, terms, words } from '../../../src/search/text.ts';

describe('normalize', () => {
  it('lower-cases and strips accents so "Café Crème" meets "cafe creme"', () => {
    expect(normalize('Café Crème BRÛLÉE')).toBe('cafe creme brulee');
  });

  it("spells out '&' so a brand typed with 'and' still matches", () => {
    expect(normalize('Lumen & Oak')).toBe('lumen and oak');
    expect(normalize('Salt&Pepper')).toBe('salt and pepper');
  });

  it('keeps prices readable and drops other punctuation', () => {
    expect(normalize('Sofa, under $49.99!')).toBe('sofa under $49.99');
    expect(normalize('less than $1,200 or 1,234,567')).toBe('less than $1200 or 1234567');
    expect(normalize('  two   spaces\tand\nlines ')).toBe('two spaces and lines');
  });
});

describe('words', () => {
  it('splits on spaces and hyphens and trims stray dots and dollar signs', () => {
    expect(words('Over-ear headphones. $')).toEqual(['over', 'ear', 'headphones']);
    expect(words('2.5 metres')).toEqual(['2.5', 'metres']);
  });
});

describe('stem', () => {
  it.each([
    ['sofas', 'sofa'],
    ['boxes', 'box'],
    ['batteries', 'battery'],
    ['benches', 'bench'],
    ['dishes', 'dish'],
    ['classes', 'class'],
    ['chairs', 'chair'],
  ])('folds the plural %s to %s', (plural, singular) => {
    expect(stem(plural)).toBe(singular);
  });

  it.each(['glass', 'bus', 'dress', 'sofa', 'box'])('leaves %s as it is', (word) => {
    expect(stem(word)).toBe(word);
  });

  it('leaves numbers and short words alone', () => {
    expect(stem('10s')).toBe('10s');
    expect(stem('its')).toBe('its');
  });
});

describe('terms', () => {
  it('drops stopwords and stems what is left, so singular and plural queries meet', () => {
    expect(terms('I want some Blue Sofas for the living room')).toEqual(['blue', 'sofa', 'living', 'room']);
    expect(terms('sofa')).toEqual(terms('SOFAS'));
    expect(terms('AA Batteries')).toEqual(terms('aa battery'));
  });

  it('has no content words for pure filler', () => {
    expect(terms('show me something please')).toEqual([]);
    expect(isStopword('the')).toBe(true);
    expect(isStopword('sofa')).toBe(false);
  });
});
