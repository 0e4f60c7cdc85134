import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildCategoryIndex, loadCategoryIndex, type SerializedCategoryIndex } from '../../../src/search/category-index.ts';
import { leadWithCategories, rankCategories } from '../../../src/search/category-step.ts';
import type { FusedHit } from '../../../src/search/fusion.ts';
import { terms } from '../../../src/search/text.ts';

function item(id: string, leaf: string, title: string, description: string): Product {
  return { ...emptyProduct(id, title), category: ['Home', leaf], description };
}

const products = [
  item('mug1', 'Mugs & Tumblers', 'Insulated Tumbler', 'Keeps coffee hot for six hours on the commute. Fits a car cup holder.'),
  item('mug2', 'Mugs & Tumblers', 'Travel Mug', 'Keeps coffee hot for six hours on the commute. Leak-proof lid for a bag.'),
  item('jar1', 'Food Storage', 'Food Jar', 'Keeps soup hot until lunch at work. Wide mouth for stews.'),
  item('brush', 'Hair Tools', 'Hot Brush', 'Dries and styles hair in one pass. Hot air with three heat settings.'),
  item('lamp', 'Desk Lamps', 'LED Desk Lamp', 'Lights the keyboard for late work. Dimmable warm light.'),
];
const index = buildCategoryIndex(products);
const categoryOf = (id: string) => products.find((p) => p.id === id)?.category.at(-1);
const hit = (id: string, score = 0): FusedHit => ({ id, score, components: {} });

describe('buildCategoryIndex', () => {
  it('scores a need against what each whole category is for', () => {
    const scores = index.score(terms('something to keep my coffee hot on the way to work'));
    const best = index.categories[scores.indexOf(Math.max(...scores))];
    expect(best).toBe('Mugs & Tumblers');
  });

  it('counts a sentence a category repeats once, so a big templated category does not win by volume', () => {
    const repeated = buildCategoryIndex([...products, ...Array.from({ length: 50 }, (_, i) => item(`m${i}`, 'Mugs & Tumblers', 'Travel Mug', 'Keeps coffee hot for six hours on the commute.'))]);
    expect(repeated.score(terms('coffee'))).toEqual(index.score(terms('coffee')));
  });

  it('measures strength in telling words, and knows which terms the catalog uses', () => {
    expect(index.strength(terms('the weather tomorrow'))).toBe(0);
    expect(index.strength(terms('soup for lunch at work'))).toBeGreaterThan(1);
    expect(index.knows('soup')).toBe(true);
    expect(index.knows('umbrella')).toBe(false);
    expect(index.spread('hot')).toBeCloseTo(3 / 4);
  });

  it("answers to the kinds a category's name covers, without counting them as the catalog's words", () => {
    const kinds = (noun: string) => ({ tumblers: ['sippy cup'], mugs: ['stein', 'tankard'] } as Record<string, string[]>)[noun] ?? [];
    const withKinds = buildCategoryIndex(products, kinds);
    const scores = withKinds.score(terms('a tankard'));
    expect(withKinds.categories[scores.indexOf(Math.max(...scores))]).toBe('Mugs & Tumblers');
    expect(Math.max(...index.score(terms('a tankard')))).toBe(0);
    expect(withKinds.knows('tankard')).toBe(false);
    // Written by `aisle index` and read back the same.
    const reread = loadCategoryIndex(JSON.parse(JSON.stringify(withKinds)) as SerializedCategoryIndex);
    expect(reread.score(terms('a tankard'))).toEqual(scores);
  });

  it('knows the words of uncategorised products and of brands and facet values, without making them a kind', () => {
    const loose = { ...emptyProduct('x', 'Wingback Armchair'), description: 'A tall chair.' };
    const branded = { ...item('b', 'Desk Lamps', 'Lamp', 'Bright.'), brand: 'Lumenfold', materials: ['Rattan'] };
    const withLoose = buildCategoryIndex([...products, loose, branded]);
    expect(withLoose.knows('armchair')).toBe(true);
    expect(withLoose.knows('lumenfold')).toBe(true);
    expect(withLoose.knows('rattan')).toBe(true);
    expect(withLoose.categories).not.toContain('');
    expect(Math.max(...withLoose.score(terms('armchair')))).toBe(0);
  });

  it('reads a misspelt term as the words the categories use', () => {
    expect(index.spelled(terms('keybaord lamp'))).toEqual(['keyboard', 'lamp']);
  });
});

describe('rankCategories and leadWithCategories', () => {
  it('shows the best product of each close category first when several kinds answer a need', async () => {
    const ranking = rankCategories(index, terms('keep soup or coffee hot'), [[hit('jar1'), hit('mug1'), hit('brush')], [hit('mug1'), hit('jar1')]], categoryOf);
    const close = ranking.filter((c) => c.score >= 0.6 * ranking[0]!.score).map((c) => c.category);
    expect(close).toEqual(expect.arrayContaining(['Mugs & Tumblers', 'Food Storage']));
    const fused = [hit('brush', 3), hit('mug1', 2), hit('mug2', 1)];
    const led = await leadWithCategories(fused, ranking, categoryOf, async (c) => (c === 'Food Storage' ? hit('jar1') : undefined));
    expect(led.slice(0, 2).map((h) => categoryOf(h.id)).sort()).toEqual(['Food Storage', 'Mugs & Tumblers']);
    expect(led.map((h) => h.id)).toContain('brush');
    expect(led[0]!.components.category).toBeGreaterThan(0);
  });

  it('leaves the order alone when one kind clearly wins and is already shown', async () => {
    const fused = [hit('lamp', 2), hit('mug1', 1)];
    const ranking = [{ category: 'Desk Lamps', score: 3 }, { category: 'Mugs & Tumblers', score: 0.5 }];
    expect(await leadWithCategories(fused, ranking, categoryOf, async () => undefined)).toEqual(fused);
  });

  it('brings the clear winner forward when none of its products made the first places', async () => {
    const fused = [hit('brush', 2), hit('mug1', 1), hit('mug2', 0.5)];
    const ranking = [{ category: 'Food Storage', score: 3 }, { category: 'Hair Tools', score: 0.5 }];
    const led = await leadWithCategories(fused, ranking, categoryOf, async () => hit('jar1'));
    expect(led[0]!.id).toBe('jar1');
  });
});
