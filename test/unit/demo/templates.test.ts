import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../demo/random.ts';
import { compileTemplates, fillTemplate, fixArticles, toTitleCase, usableTemplates } from '../../../demo/templates.ts';

describe('demo templates', () => {
  it('uses only templates whose slots all have values', () => {
    const templates = compileTemplates(['{brand} {noun}', '{noun} in {color}']);
    const slots = new Map([['brand', 'Acme'], ['noun', 'sofa']]);
    expect(usableTemplates(templates, slots).map((template) => template.text)).toEqual(['{brand} {noun}']);
  });

  it('fills slots and picks one of the [a|b] choices', () => {
    const [template] = compileTemplates(['A {style} {noun} for [naps|reading].']);
    const text = fillTemplate(createRandom(1), template!, new Map([['style', 'ergonomic'], ['noun', 'chair']]));
    expect(['An ergonomic chair for naps.', 'An ergonomic chair for reading.']).toContain(text);
  });

  it('fixes articles without breaking "a one-year" or "a USB-C"', () => {
    expect(fixArticles('a ergonomic chair and a oak table')).toBe('an ergonomic chair and an oak table');
    expect(fixArticles('a one-year guarantee, a USB-C cable, a unique look')).toBe('a one-year guarantee, a USB-C cable, a unique look');
  });

  it('title-cases while keeping small words, units and capitals', () => {
    expect(toTitleCase('mid-century velvet sofa with removable covers')).toBe('Mid-Century Velvet Sofa with Removable Covers');
    expect(toTitleCase("women's 12 oz tumbler with USB-C charging")).toBe("Women's 12 oz Tumbler with USB-C Charging");
    expect(toTitleCase('brand on-ear headphones, 2-in-1 laptop')).toBe('Brand On-Ear Headphones, 2-in-1 Laptop');
  });
});
