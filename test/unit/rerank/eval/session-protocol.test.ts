import { describe, expect, it } from 'vitest';
import { isHeldOutUser } from '../../../../src/rerank/split.ts';
import { runSessionProtocol, sessionSplit } from '../../../../src/rerank/eval/session-protocol.ts';
import { modelRanker, type ScoringModel } from '../../../../src/rerank/eval/rankers.ts';
import { someUsers, tasteLog, vectorOf } from './fixtures.ts';

const users = someUsers(40, 6);
const events = tasteLog(users);

describe('session protocol split', () => {
  const split = sessionSplit(events);

  it('tests only held-out shoppers in the final time slice', () => {
    expect(split.test.length).toBeGreaterThan(0);
    for (const s of split.test) {
      expect(isHeldOutUser(s.user)).toBe(true);
      expect(s.at.getTime()).toBeGreaterThanOrEqual(split.testFrom.getTime());
    }
  });

  it('tunes only on other shoppers, before the slice', () => {
    expect(split.tune.length).toBeGreaterThan(0);
    for (const s of split.tune) {
      expect(isHeldOutUser(s.user)).toBe(false);
      expect(s.at.getTime()).toBeLessThan(split.testFrom.getTime());
    }
  });

  it('gives each search only history from before it', () => {
    for (const s of [...split.test, ...split.tune]) for (const h of s.history) expect(h.at.getTime()).toBeLessThan(s.at.getTime());
    expect(split.test.every((s) => s.history.length > 0)).toBe(true);
  });
});

describe('session protocol end to end', () => {
  it('the history-mean baseline beats the logged order when shoppers keep to their taste', async () => {
    const result = await runSessionProtocol(events, { vectorOf });
    const logged = result.rankers['non-personalised']!;
    const personal = result.rankers['history-mean boost']!;
    expect(result.searches).toBe(split().test.length);
    expect(result.baselineWeight).toBeGreaterThan(0);
    expect(logged['hr@10']).toBe(1); // every list has 10 items
    expect(personal['ndcg@10']).toBeGreaterThan(logged['ndcg@10'] + 0.2);
    expect(personal.mrr).toBeCloseTo(1, 6);
    expect(logged['ild@10']).toBeGreaterThan(0);
    const gain = result.ndcgGain['history-mean boost']!['vs non-personalised']!;
    expect(gain.mean).toBeCloseTo(personal['ndcg@10'] - logged['ndcg@10'], 9);
    expect(gain.ci95[0]).toBeGreaterThan(0);
  });

  it('scores a model through its batch call; the served blend keeps the logged order without history', async () => {
    const calls: number[] = [];
    const model: ScoringModel = {
      version: 'v-test',
      score: async () => { throw new Error('batch expected'); },
      scoreBatch: async (reqs) => {
        calls.push(reqs.length);
        return reqs.map((r) => Float32Array.from(r.candidates, (c) => (vectorOf(c.id)![0]! > 0.5 ? 1 : 0)));
      },
    };
    const raw = modelRanker(model, { mode: 'raw', batchSize: 4 });
    const lists = [{ user: 'u', at: new Date(), products: ['b1', 'a1'], history: [] }];
    expect(Array.from((await raw.score(lists))[0]!)).toEqual([0, 1]);
    const served = modelRanker(model, { mode: 'served' });
    const [blend] = await served.score(lists);
    expect(blend![0]).toBeGreaterThan(blend![1]!); // h = 0: the logged order stands
    const result = await runSessionProtocol(events, { vectorOf, models: [raw] });
    expect(calls.slice(2).every((n) => n <= 4)).toBe(true);
    expect(result.rankers[raw.name]!.lists).toBe(result.searches);
  });
});

function split() {
  return sessionSplit(events);
}
