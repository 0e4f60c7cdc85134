// Query understanding: per-slot precision and recall of the filters read from shoppers' words, on
// hand-labelled queries (bench/eval/query-slots.jsonl, written apart from the parser), over the demo store.
// Usage: node --import tsx bench/query-slots.ts [--eval bench/eval/query-slots.jsonl] [--part tune|holdout] [--misses 25]
// --part splits the set by a hash of each query's text: 2/3 tune (look at its failures), 1/3 holdout (scores only).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { demoSlotSources } from '../demo/demo-slot-sources.ts';
import { facetKey } from '../src/search/filters.ts';
import { extractSlots } from '../src/understanding/slot-extractor.ts';
import type { Slots } from '../src/understanding/slots.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({ eval: { type: 'string', default: 'bench/eval/query-slots.jsonl' }, part: { type: 'string', default: 'all' }, misses: { type: 'string', default: '25' } });
if (!['all', 'tune', 'holdout'].includes(flags.part)) {
  process.stderr.write(`--part must be all, tune or holdout, got "${flags.part}"\n`);
  process.exit(2);
}

/** The fixed split: a query is holdout when the first byte of its text's SHA-256 falls in the last third. */
function partOf(query: string): 'tune' | 'holdout' {
  return createHash('sha256').update(query).digest()[0]! % 3 === 2 ? 'holdout' : 'tune';
}

interface Expected {
  categories?: string[]; colors?: string[]; materials?: string[]; brands?: string[]; sizes?: string[];
  priceMin?: number; priceMax?: number; currency?: string; audience?: string[];
  exclude?: { colors?: string[]; materials?: string[]; brands?: string[]; categories?: string[] };
}
const LIST_SLOTS = ['categories', 'colors', 'materials', 'brands', 'sizes'] as const;

/** Each slot as a set of comparable strings, so precision and recall count values, not queries. */
function valuesOf(e: Expected): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const put = (slot: string, v: string) => (out.get(slot) ?? out.set(slot, new Set()).get(slot)!).add(v);
  for (const slot of LIST_SLOTS) for (const v of e[slot] ?? []) put(slot, facetKey(v));
  for (const slot of LIST_SLOTS) for (const v of e.exclude?.[slot as keyof NonNullable<Expected['exclude']>] ?? []) put('exclude', `${slot}:${facetKey(v)}`);
  if (e.priceMin !== undefined) put('price', `min:${e.priceMin}`);
  if (e.priceMax !== undefined) put('price', `max:${e.priceMax}`);
  if (e.currency) put('currency', e.currency.toUpperCase());
  for (const a of e.audience ?? []) put('audience', a);
  return out;
}

function readOf(slots: Slots): Expected {
  const { audience, ...f } = slots.filters ?? {};
  return { ...f, exclude: f.exclude, currency: slots.foreignPrice?.currency, audience: audience ? [audience] : undefined };
}

const lines = readFileSync(flags.eval, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { query: string; expect: Expected })
  .filter(({ query }) => flags.part === 'all' || partOf(query) === flags.part);
// Holdout failures are never printed: they must not steer the parser.
const missLimit = flags.part === 'holdout' ? 0 : Number(flags.misses);
const sources = demoSlotSources();
const counts = new Map<string, { tp: number; fp: number; fn: number }>();
let exact = 0;
const misses: Row[] = [];
for (const { query, expect } of lines) {
  const want = valuesOf(expect);
  const got = valuesOf(readOf(extractSlots(query, sources)));
  let same = true;
  for (const slot of new Set([...want.keys(), ...got.keys()])) {
    const c = counts.get(slot) ?? counts.set(slot, { tp: 0, fp: 0, fn: 0 }).get(slot)!;
    const w = want.get(slot) ?? new Set(), g = got.get(slot) ?? new Set();
    for (const v of g) (w.has(v) ? c.tp++ : c.fp++);
    for (const v of w) if (!g.has(v)) c.fn++;
    if (w.size !== g.size || [...w].some((v) => !g.has(v))) same = false;
  }
  if (same) exact++;
  else if (misses.length < missLimit) misses.push({ query, expected: JSON.stringify(Object.fromEntries([...want].map(([k, v]) => [k, [...v]]))), read: JSON.stringify(Object.fromEntries([...got].map(([k, v]) => [k, [...v]]))) });
}
const rows: Row[] = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([slot, c]) => ({
  slot, expected: c.tp + c.fn, read: c.tp + c.fp,
  precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1, recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1,
}));
const all = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
rows.push({ slot: 'all', expected: all.tp + all.fn, read: all.tp + all.fp, precision: all.tp / Math.max(1, all.tp + all.fp), recall: all.tp / Math.max(1, all.tp + all.fn) });
const partName = flags.part === 'all' ? '' : ` (${flags.part} part)`;
publish('query-slots', [
  { title: `Filters read from ${lines.length} labelled queries${partName} (exactly right: ${(exact / lines.length).toFixed(3)})`, rows, digits: 3 },
  ...(misses.length ? [{ title: 'First misreadings', rows: misses }] : []),
], { queries: lines.length, part: flags.part, exact: exact / lines.length, slots: Object.fromEntries(counts) });
