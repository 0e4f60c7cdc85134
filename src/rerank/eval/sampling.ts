// Deterministic sampling for the offline evaluation: the same log and seed give the same negatives and the same
// tie-breaks on every machine, so two runs (or two models) are compared on identical lists.
import { fnv1a32 } from '../../fnv1a.ts';
import { mulberry32 } from '../../seeded-random.ts';

/** Default seed of `aisle eval reranker`. */
export const EVAL_SEED = 13;

/** A generator seeded by a key (a user id) and the run's seed, independent of the order users are visited in. */
export function randomFor(key: string, seed = EVAL_SEED): () => number {
  return mulberry32(fnv1a32(key) ^ Math.imul(seed, 0x9e3779b1));
}

/**
 * `n` distinct items drawn uniformly from `universe`, none in `exclude`. Fewer when not enough remain.
 * Rejection sampling: cheap while `exclude` is a small part of `universe` (a user's items among a catalog's).
 */
export function sampleNegatives(universe: readonly string[], exclude: ReadonlySet<string>, n: number, random: () => number): string[] {
  const available = universe.length - countIn(universe, exclude);
  const want = Math.min(n, Math.max(0, available));
  if (want > available / 2) return shuffled(universe.filter((id) => !exclude.has(id)), random).slice(0, want);
  const picked = new Set<string>();
  while (picked.size < want) {
    const id = universe[Math.floor(random() * universe.length)]!;
    if (!exclude.has(id)) picked.add(id);
  }
  return [...picked];
}

function countIn(universe: readonly string[], exclude: ReadonlySet<string>): number {
  if (exclude.size * 4 < universe.length) return exclude.size; // exclusions are ids of the universe (caller's invariant) or few
  let n = 0;
  for (const id of universe) if (exclude.has(id)) n++;
  return n;
}

/** A Fisher–Yates shuffled copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
