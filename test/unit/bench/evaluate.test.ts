import { describe, expect, it } from 'vitest';
import type { EvalQuery } from '../../../bench/lib/eval-set.ts';
import { evaluate, gradeCatalog, meanScores } from '../../../bench/lib/evaluate.ts';
import { markdownTable, summarize } from '../../../bench/lib/quality-report.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

const sofa = (id: string, colors: string[]): Product => ({ ...emptyProduct(id, `Sofa ${id}`), category: ['Furniture', 'Sofas'], colors });
const products = [sofa('a', ['navy']), sofa('b', ['sage']), sofa('c', ['navy']), { ...emptyProduct('d', 'Lamp'), category: ['Lamps'] }];
const navySofa: EvalQuery = { id: 'q1', query: 'navy sofa', kind: 'attribute', relevant: { category: 'Sofas', colors: ['navy'] } };

describe('gradeCatalog', () => {
  it('keeps non-zero grades, the ideal top grades and the grade-2 total', () => {
    const { grades, ideal, fullyRelevant } = gradeCatalog(products, navySofa);
    expect(Object.fromEntries(grades)).toEqual({ a: 2, b: 1, c: 2 });
    expect(ideal).toEqual([2, 2, 1]);
    expect(fullyRelevant).toBe(2);
  });
});

describe('evaluate', () => {
  it('scores each mode from the ids it returns', async () => {
    const rankings = { lexical: ['a', 'c', 'b'], vector: ['d', 'b', 'a'] } as const;
    const outcomes = await evaluate([navySofa], products, ['lexical', 'vector'], async (_q, _k, mode) => [...rankings[mode as 'lexical' | 'vector']]);
    expect(outcomes[0]!.relevant).toBe(2);
    expect(outcomes[0]!.modes.lexical).toMatchObject({ ndcg: 1, recall: 1 });
    // vector: grades [0, 1, 2] → DCG = 1/log2(3) + 3/2; ideal [2, 2, 1] → 3 + 3/log2(3) + 1/2; one of two found.
    const expected = (1 / Math.log2(3) + 1.5) / (3.5 + 3 / Math.log2(3));
    expect(outcomes[0]!.modes.vector!.ndcg).toBeCloseTo(expected, 6);
    expect(outcomes[0]!.modes.vector!.recall).toBe(0.5);
    expect(meanScores(outcomes, 'vector').n).toBe(1);
    const table = markdownTable(summarize(outcomes, ['lexical', 'vector']), ['lexical', 'vector']);
    expect(table).toContain('| attribute | 1 | 1.000 | 1.000 |');
    expect(table).toContain('| **all** | 1 |');
  });
});
