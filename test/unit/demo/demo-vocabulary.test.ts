import { describe, expect, it } from 'vitest';
import { demoVocabulary } from '../../../demo/demo-vocabulary.ts';

describe('demoVocabulary', () => {
  const vocabulary = demoVocabulary();

  it('lists at least 12 departments and 80 leaf categories with 2–3 level paths', () => {
    expect(vocabulary.departments.length).toBeGreaterThanOrEqual(12);
    expect(vocabulary.categories.length).toBeGreaterThanOrEqual(80);
    for (const category of vocabulary.categories) {
      expect(category.path.length).toBeGreaterThanOrEqual(2);
      expect(category.path.length).toBeLessThanOrEqual(3);
      expect(vocabulary.departments).toContain(category.path[0]);
      expect(category.nouns.length).toBeGreaterThanOrEqual(3);
      expect(category.price[0]).toBeGreaterThan(0);
      expect(category.price[1]).toBeGreaterThan(category.price[0]);
    }
    const paths = vocabulary.categories.map((category) => category.path.join(' > '));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('has about 150 unique brands, each in 1–3 known departments, and several brands per department', () => {
    const names = vocabulary.brands.map((brand) => brand.name);
    expect(names.length).toBeGreaterThanOrEqual(140);
    expect(new Set(names).size).toBe(names.length);
    for (const brand of vocabulary.brands) {
      expect(brand.departments.length).toBeGreaterThanOrEqual(1);
      expect(brand.departments.length).toBeLessThanOrEqual(3);
      for (const department of brand.departments) expect(vocabulary.departments).toContain(department);
    }
    for (const department of vocabulary.departments) {
      expect(vocabulary.brands.filter((brand) => brand.departments.includes(department)).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('includes a realistic palette and material list', () => {
    expect(vocabulary.colors).toEqual(expect.arrayContaining(['navy', 'charcoal', 'sage', 'terracotta', 'ivory']));
    expect(vocabulary.materials).toEqual(
      expect.arrayContaining(['linen', 'velvet', 'leather', 'oak', 'walnut', 'stainless steel', 'cotton', 'merino wool', 'recycled polyester']),
    );
    const sofas = vocabulary.categories.find((category) => category.path.join('/') === 'Furniture/Living Room/Sofas');
    expect(sofas?.nouns).toEqual(expect.arrayContaining(['sofa', 'couch', 'loveseat']));
  });

  it('returns a fresh copy each time', () => {
    const mine = demoVocabulary();
    mine.departments.push('Nope');
    mine.categories[0]?.nouns.push('nope');
    expect(demoVocabulary().departments).not.toContain('Nope');
    expect(demoVocabulary().categories[0]?.nouns).not.toContain('nope');
  });
});
