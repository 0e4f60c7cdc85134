// The model's item table: which products get a learned id embedding (items.tsv, contract "Model directory").
// Built from the training window only, so an item first seen later is "unseen" (index 0, zero embedding) in
// validation exactly as a new product is when serving.
import { writeFileSync } from 'node:fs';
import type { EventKind } from '../storage/event-log.ts';
import { fnv1a32 } from '../fnv1a.ts';
import type { ItemTable } from './features.ts';

/** Distinct items above which ids are hashed into this many buckets (manifest `max_items`). */
export const DEFAULT_MAX_ITEMS = 100_000;
/** Kinds that count towards an item's popularity (a detail view or an impression does not). */
export const POPULARITY_KINDS: ReadonlySet<EventKind> = new Set(['click', 'add_to_cart', 'purchase']);

/** Vocabulary (by popularity, then id) or hashed ids over the products of `events`, with their popularity. */
export function buildItemTable(events: Iterable<{ product: string; kind: EventKind }>, maxItems = DEFAULT_MAX_ITEMS): ItemTable {
  const popularity = new Map<string, number>();
  for (const e of events) {
    const count = popularity.get(e.product) ?? 0;
    popularity.set(e.product, count + (POPULARITY_KINDS.has(e.kind) ? 1 : 0));
  }
  const ids = [...popularity.keys()].sort((a, b) => popularity.get(b)! - popularity.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const mode = ids.length > maxItems ? 'hashed' : 'vocab';
  const index = new Map(ids.map((id, i) => [id, mode === 'hashed' ? 1 + (fnv1a32(id) % maxItems) : i + 1]));
  return { mode, maxItems, index, popularity };
}

/** Rows of the model's id embedding: index 0 (unseen, padding) plus one per vocabulary item or hash bucket. */
export function idRows(table: ItemTable): number {
  return 1 + (table.mode === 'hashed' ? table.maxItems : table.index.size);
}

/** Writes items.tsv: `product_id<TAB>index<TAB>popularity`, one line per item seen in training, with a header. */
export function writeItemsTsv(file: string, table: ItemTable): void {
  const lines = ['product_id\tindex\tpopularity'];
  for (const [id, index] of table.index) {
    // Tabs and newlines in an imported id would break the file's columns; such an id serves as unseen.
    if (/[\t\r\n]/.test(id)) continue;
    lines.push(`${id}\t${index}\t${table.popularity.get(id) ?? 0}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}
