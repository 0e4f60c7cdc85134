// Checks the hand-written product-question files without running any answering code: every line is a JSON object
// with the expected fields, the product exists, and every labelled `value` is an exact (case-sensitive) substring of
// its product's record text, built as bench/product-questions.ts builds it (the stored record, plus attributes as
// shown "name: value", the price with two decimals, the availability in words and the rating with one decimal).
// Also reports label counts and, for the fresh part, that its products do not appear in the main file.
// Usage: node --import tsx bench/check-product-question-labels.ts [file ...]
import { readFileSync } from 'node:fs';
import { generateDemoCatalog } from '../demo/generate-catalog.ts';
import type { Product } from '../src/domain.ts';

const MAIN = 'bench/eval/product-questions.jsonl';
const FRESH = 'bench/eval/product-questions-fresh.jsonl';
const files = process.argv.slice(2).length ? process.argv.slice(2) : [MAIN, FRESH];
const LABELS = ['yes', 'no', 'value', 'unknown'];

const catalogs = new Map<string, Map<string, Product>>();
function productOf(seed: number, count: number, id: string): Product | undefined {
  const key = `${seed}/${count}`;
  if (!catalogs.has(key)) catalogs.set(key, new Map(generateDemoCatalog({ seed, count }).map((p) => [p.id, p])));
  return catalogs.get(key)!.get(id);
}

function recordText(p: Product): string {
  const shown = Object.entries(p.attributes).map(([name, value]) => `${name.replace(/_/g, ' ')}: ${value}`);
  return [JSON.stringify(p).replace(/\\"/g, '"'), ...shown, p.price?.toFixed(2), p.availability.replace(/_/g, ' '), p.rating?.toFixed(1)].join(' ');
}

interface Line { seed: number; products: number; productId: string; question: string; expect: string; value?: string }
const productsIn = new Map<string, Set<string>>();
let failures = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rows = text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  const ids = new Set<string>();
  const fail = (n: number, why: string) => { failures++; console.log(`${file}:${n} ${why}`); };
  rows.forEach((raw, i) => {
    const n = i + 1;
    let e: Line;
    try { e = JSON.parse(raw); } catch { return fail(n, 'not valid JSON'); }
    if (typeof e !== 'object' || e === null) return fail(n, 'not an object');
    for (const k of ['seed', 'products']) if (typeof (e as any)[k] !== 'number') fail(n, `missing number ${k}`);
    for (const k of ['productId', 'question', 'expect']) if (typeof (e as any)[k] !== 'string' || !(e as any)[k]) fail(n, `missing ${k}`);
    const extra = Object.keys(e).filter((k) => !['seed', 'products', 'productId', 'question', 'expect', 'value'].includes(k));
    if (extra.length) fail(n, `unexpected fields ${extra.join(', ')}`);
    if (!LABELS.includes(e.expect)) fail(n, `bad expect "${e.expect}"`);
    if (e.expect === 'unknown' && e.value !== undefined) fail(n, 'unknown label with a value');
    if (e.expect !== 'unknown' && (typeof e.value !== 'string' || !e.value)) fail(n, `${e.expect} label without a value`);
    counts[e.expect] = (counts[e.expect] ?? 0) + 1;
    const dup = `${e.productId}\u0000${e.question}`;
    if (seen.has(dup)) fail(n, `duplicate question "${e.question}"`);
    seen.add(dup);
    ids.add(e.productId);
    const p = productOf(e.seed, e.products, e.productId);
    if (!p) return fail(n, `no product ${e.productId} in seed ${e.seed} / ${e.products}`);
    if (e.value !== undefined && !recordText(p).includes(e.value)) fail(n, `value "${e.value}" is not in ${e.productId}'s record`);
  });
  productsIn.set(file, ids);
  const total = rows.length;
  const parts = LABELS.map((l) => `${counts[l] ?? 0} ${l}`).join(', ');
  console.log(`${file}: ${total} lines, ${ids.size} products; ${parts}; unknown ${(((counts.unknown ?? 0) / total) * 100).toFixed(1)}%`);
}
const main = productsIn.get(MAIN);
const fresh = productsIn.get(FRESH);
if (main && fresh) {
  const shared = [...fresh].filter((id) => main.has(id));
  if (shared.length) { failures++; console.log(`${FRESH} reuses products of ${MAIN}: ${shared.join(', ')}`); }
  else console.log(`${FRESH} uses no product of ${MAIN}`);
}
console.log(failures ? `${failures} problem(s)` : 'all lines valid; every value is an exact substring of its product record');
process.exit(failures ? 1 : 0);
