import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExampleArrays } from '../../../src/rerank/example-arrays.ts';
import { FEATURE_COUNT } from '../../../src/rerank/features.ts';
import { isHeldOutUser } from '../../../src/rerank/split.ts';
import { DEFAULT_PLAN, planExamples, withoutNextItemTargets } from '../../../src/rerank/training-examples.ts';
import type { BehaviourEvent, EventKind } from '../../../src/storage/event-log.ts';

const T0 = Date.parse('2026-10-01T00:00:00Z');
const MIN = 60_000;
const ev = (user: string, product: string, kind: EventKind, minute: number, extra: Partial<BehaviourEvent> = {}): BehaviourEvent =>
  ({ user, product, kind, channel: 'cli', at: new Date(T0 + minute * MIN).toISOString(), ...extra });
const shown = (user: string, products: string[], minute: number, query = 'lamp') =>
  products.map((p, i) => ev(user, p, 'impression', minute, { query, position: i + 1, conversation: `${user}-${minute}` }));
const kept = Array.from({ length: 40 }, (_, i) => `u${i}`).filter((u) => !isHeldOutUser(u));
const heldOut = Array.from({ length: 100 }, (_, i) => `u${i}`).find(isHeldOutUser)!;

/** Ten searches, one a day by different users, each clicking its second product; p9 first appears on day 9. */
function sessionLog(): BehaviourEvent[] {
  return Array.from({ length: 10 }, (_, d) => {
    const user = kept[d]!;
    const products = d === 9 ? ['p1', 'p9', 'p3'] : ['p1', 'p2', 'p3'];
    return [...shown(user, products, d * 1440), ev(user, products[1]!, 'click', d * 1440 + 1)];
  }).flat();
}

describe('training examples from the event log', () => {
  it('turns logged searches into examples: shown products in order, sampled negatives after them, the latest by time validating', () => {
    const plan = planExamples(sessionLog(), { ...DEFAULT_PLAN, negatives: 2, validShare: 0.2 });
    expect(plan.mode).toBe('session');
    expect(plan.specs).toHaveLength(10);
    expect(plan.specs.map((s) => s.valid)).toEqual([...Array(8).fill(false), true, true]);
    const first = plan.specs[0]!;
    expect(first.candidates.slice(0, 3)).toEqual([{ id: 'p1', rank: 1, label: 0 }, { id: 'p2', rank: 2, label: 1 }, { id: 'p3', rank: 3, label: 0 }]);
    // Only three items are known before the cut, all shown: nothing is left to sample.
    expect(first.candidates).toHaveLength(3);
    expect([...plan.table.index.keys()].sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('learns the item table from before the validation cut only, so a later product is unseen', () => {
    const plan = planExamples(sessionLog(), { ...DEFAULT_PLAN, validShare: 0.2 });
    expect(plan.table.index.has('p9')).toBe(false);
    expect(plan.table.popularity.get('p2')).toBe(8);
  });

  it("leaves held-out shoppers' events out entirely", () => {
    const log = [...sessionLog(), ...shown(heldOut, ['p7', 'p8'], 100), ev(heldOut, 'p7', 'click', 101)];
    const plan = planExamples(log, DEFAULT_PLAN);
    expect(plan.specs.some((s) => s.user === heldOut)).toBe(false);
    expect(plan.table.index.has('p7')).toBe(false);
  });

  it('without impressions, makes one next-item example per run of events on a product after the first, among items the shopper never touched', () => {
    const user = kept[0]!;
    const others = kept.slice(1, 6).map((u, i) => ev(u, `q${i}`, 'click', i));
    const log = [
      ...others, ev(user, 'a', 'click', 10), ev(user, 'a', 'add_to_cart', 11), ev(user, 'b', 'click', 20), ev(user, 'b', 'purchase', 25),
      ev(user, 'c', 'detail_view', 40),
    ];
    const plan = planExamples(log, { ...DEFAULT_PLAN, negatives: 3, validShare: 0 });
    expect(plan.mode).toBe('next-item');
    const mine = plan.specs.filter((s) => s.user === user);
    expect(mine.map((s) => s.candidates.find((c) => c.label > 0))).toEqual([
      expect.objectContaining({ id: 'b', label: 3 }), expect.objectContaining({ id: 'c', label: 1 }),
    ]);
    for (const spec of mine) {
      expect(spec.candidates).toHaveLength(4);
      expect(spec.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
      expect(spec.candidates.filter((c) => c.label === 0).every((c) => c.id.startsWith('q'))).toBe(true);
    }
  });

  it("with the next-item holdout, leaves out each shopper's last two distinct items and all after the first of them", () => {
    const [a, b] = kept as [string, string];
    const log = [
      ev(a, 'x', 'click', 1), ev(a, 'y', 'click', 2), ev(a, 'x', 'purchase', 3), ev(a, 'v', 'click', 4), ev(a, 'w', 'click', 5),
      ev(a, 'y', 'impression', 6, { query: 'q', position: 1 }), ev(b, 'x', 'click', 1), ev(b, 'y', 'click', 2),
    ];
    const left = withoutNextItemTargets(log);
    // a: distinct items x, y, v, w → v (validation) and w (test) go, with everything from v's time on; b has two items: untouched.
    expect(left.filter((e) => e.user === a).map((e) => `${e.product}:${e.kind}`)).toEqual(['x:click', 'y:click', 'x:purchase']);
    expect(left.filter((e) => e.user === b)).toHaveLength(2);
    expect(planExamples(log, { ...DEFAULT_PLAN, holdout: 'next-item' }).events).toBe(5);
  });

  it('writes the arrays the trainer reads: labels, padding, history most recent first, popularity as of each training search', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-examples-'));
    try {
      const user = kept[0]!;
      const log = [...sessionLog(), ...shown(user, ['p1', 'p2'], 5 * 1440 + 5, 'again'), ev(user, 'p1', 'purchase', 5 * 1440 + 6)];
      const plan = planExamples(log, { ...DEFAULT_PLAN, negatives: 0, validShare: 0.2 });
      const meta = writeExampleArrays(dir, plan, { facts: () => undefined, vector: () => undefined, contentDim: 0, queryVectors: new Map(), historyLen: 4 });
      expect(meta).toMatchObject({ mode: 'session', searches: 11, candidates: 3, history_len: 4, content_dim: 0, features: FEATURE_COUNT, id_rows: 4, train: 8, valid: 3 });
      const bytes = (name: string) => {
        const b = readFileSync(path.join(dir, name));
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); // a small file's Buffer sits in a shared pool
      };
      const f32 = (name: string) => new Float32Array(bytes(name));
      const i64 = (name: string) => Array.from(new BigInt64Array(bytes(name)), Number);
      const label = f32('label.f32');
      const again = plan.specs.findIndex((s) => s.query === 'again');
      expect(Array.from(label.slice(again * 3, again * 3 + 3))).toEqual([3, 0, -1]);
      // The user's one earlier event (the click on p2 on day 0) fills the first slot: kind 1 (click).
      expect(i64('hist_kind.i64').slice(again * 4, again * 4 + 4)).toEqual([1, 0, 0, 0]);
      // p2 was clicked once a day on days 0-5 before this search: popularity feature ln(1 + 6) / 10.
      const feat = f32('cand_feat.f32');
      expect(feat[(again * 3 + 1) * FEATURE_COUNT + 5]).toBeCloseTo(Math.log1p(6) / 10, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
