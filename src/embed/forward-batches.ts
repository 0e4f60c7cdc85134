/**
 * Splits texts into forward passes that waste little on padding. A pass is padded to its longest
 * text and on a CPU costs about its padded token count, so one pass over mixed queries (a 60-token
 * message beside 8-token ones) costs more per text than running them one by one; sorted by length
 * and cut where padding would pass `maxPadding` of the real length, passes cost less per text
 * than single runs (docs/benchmarks.md, issue 10).
 *
 * `lengths` are any measure that grows with token count (characters, capped at the model's limit).
 * Returns indices into `lengths`, each exactly once, shortest texts first.
 */
export function forwardBatches(lengths: readonly number[], maxBatch: number, maxPadding = 0.25): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const batches: number[][] = [];
  let batch: number[] = [];
  let total = 0;
  for (const i of order) {
    const length = Math.max(lengths[i]!, 1);
    // Sorted ascending, so this text is the longest yet: the batch would be padded to its length.
    const padded = length * (batch.length + 1);
    if (batch.length === maxBatch || (batch.length > 0 && padded > (1 + maxPadding) * (total + length))) {
      batches.push(batch);
      batch = [];
      total = 0;
    }
    batch.push(i);
    total += length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
