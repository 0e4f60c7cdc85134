import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_SHARE, QUERY_KINDS, loadEvalSet, parseEvalSet, splitOf } from '../../../bench/lib/eval-set.ts';

const QUERIES = path.resolve(import.meta.dirname, '../../../bench/eval/queries.jsonl');
const line = (o: object) => JSON.stringify(o);

describe('parseEvalSet', () => {
  it('reads one labelled query per line', () => {
    const text = `${line({ id: 'q1', query: 'sofa', kind: 'keyword', relevant: { category: 'Sofas' } })}\n\n`;
    expect(parseEvalSet(text)).toEqual([{ id: 'q1', query: 'sofa', kind: 'keyword', relevant: { category: 'Sofas' } }]);
  });

  it('names the line of an unknown kind, an unknown predicate or a duplicate id', () => {
    const ok = line({ id: 'q1', query: 'sofa', kind: 'keyword', relevant: { category: 'Sofas' } });
    expect(() => parseEvalSet(`${ok}\n${line({ id: 'q2', query: 'x', kind: 'fuzzy', relevant: { category: 'Sofas' } })}`)).toThrow(/line 2/);
    expect(() => parseEvalSet(line({ id: 'q1', query: 'x', kind: 'keyword', relevant: { colour: ['red'] } }))).toThrow(/line 1/);
    expect(() => parseEvalSet(`${ok}\n${ok}`)).toThrow(/line 2: duplicate id q1/);
  });
});

describe('splitOf', () => {
  it('is deterministic and puts roughly the dev share of ids in dev', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `q${i}`);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
    const dev = ids.filter((id) => splitOf(id) === 'dev').length / ids.length;
    expect(Math.abs(dev - DEV_SHARE)).toBeLessThan(0.04);
  });
});

describe('the shipped evaluation set', () => {
  const queries = loadEvalSet(QUERIES);

  it('has at least 220 queries spread over every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(220);
    const count = (kind: string) => queries.filter((q) => q.kind === kind).length;
    for (const kind of ['paraphrase', 'synonym', 'typo', 'attribute', 'long']) expect(count(kind)).toBeGreaterThanOrEqual(30);
    expect(count('price')).toBeGreaterThanOrEqual(20);
    expect(QUERY_KINDS.every((k) => count(k) > 0)).toBe(true);
  });

  it('splits into dev and test, which together are the whole set', () => {
    const dev = loadEvalSet(QUERIES, 'dev');
    const test = loadEvalSet(QUERIES, 'test');
    expect(dev.length + test.length).toBe(queries.length);
    expect(dev.length).toBeGreaterThan(queries.length * 0.2);
    expect(dev.length).toBeLessThan(queries.length * 0.4);
  });
});
