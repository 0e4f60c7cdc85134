import { describe, expect, it } from 'vitest';
import { createFigures, hitAt, intraListDiversity, labelsRankedBy, ndcgAt, pairedDifference, reciprocalRank } from '../../../../src/rerank/eval/metrics.ts';

describe('ranking metrics (hand-computed)', () => {
  it('NDCG@10 uses graded gains 2^l - 1 and the ideal order of the same labels', () => {
    // DCG = 7/log2(3) + 1/log2(5) = 4.41650 + 0.43068; IDCG = 7/log2(2) + 1/log2(3) = 7 + 0.63093
    expect(ndcgAt([0, 3, 0, 1])).toBeCloseTo(4.847181 / 7.630930, 5);
    expect(ndcgAt([3, 1, 0, 0])).toBeCloseTo(1, 9);
    expect(ndcgAt([0, 0, 0])).toBe(0);
  });

  it('a positive below the cut-off counts for MRR only', () => {
    const labels = [...Array(10).fill(0), 2];
    expect(ndcgAt(labels)).toBe(0);
    expect(hitAt(labels)).toBe(0);
    expect(reciprocalRank(labels)).toBeCloseTo(1 / 11, 12);
    expect(hitAt([0, 0, 1])).toBe(1);
    expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3, 12);
  });

  it('one relevant item at rank 3 of 101 gives NDCG 1/log2(4) = 0.5', () => {
    const labels = Array(101).fill(0);
    labels[2] = 1;
    expect(ndcgAt(labels)).toBeCloseTo(0.5, 12);
  });

  it('intra-list diversity is the mean pairwise cosine distance of the top k', () => {
    const x = Float32Array.of(1, 0);
    const y = Float32Array.of(0, 1);
    expect(intraListDiversity([x, y])).toBeCloseTo(1, 6);
    expect(intraListDiversity([x, x, x])).toBeCloseTo(0, 6);
    // pairs (x,x)=0, (x,y)=1, (x,y)=1 → 2/3
    expect(intraListDiversity([x, x, y])).toBeCloseTo(2 / 3, 6);
    expect(intraListDiversity([x, undefined])).toBeNull();
    expect(intraListDiversity([x, x, y], 2)).toBeCloseTo(0, 6);
  });

  it('labelsRankedBy orders by score, ties by the given order', () => {
    expect(labelsRankedBy([0, 1, 2, 3], [0.1, 0.9, 0.5, 0.5])).toEqual([1, 2, 3, 0]);
  });

  it('createFigures averages per list', () => {
    const f = createFigures();
    f.add([1, 0]);
    f.add([0, 1]);
    const r = f.result();
    expect(r.lists).toBe(2);
    expect(r['hr@10']).toBe(1);
    expect(r.mrr).toBeCloseTo(0.75, 12);
    expect(r['ndcg@10']).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 12);
    expect(r['ild@10']).toBeUndefined();
  });

  it('pairedDifference: mean difference with a normal-approximation 95% interval over the same lists', () => {
    // differences 1, 0, 1, 0: mean 0.5, sd sqrt(1/3) = 0.577350, half-width 1.959964 * 0.577350 / 2 = 0.565793
    const d = pairedDifference([1, 1, 1, 1], [0, 1, 0, 1])!;
    expect(d.mean).toBeCloseTo(0.5, 12);
    expect(d.ci95[0]).toBeCloseTo(0.5 - 0.565793, 5);
    expect(d.ci95[1]).toBeCloseTo(0.5 + 0.565793, 5);
    expect(pairedDifference([1], [0])).toBeNull();
  });
});
