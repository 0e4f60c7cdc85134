// Needs, goals, gifts and slang ("something to keep soup hot at work", "brolly") over the demo store:
// does the message reach a search, and is the right kind of product in the top 3? Queries in
// bench/eval/needs.jsonl were written from the category list alone, never from the generator.
// Usage: node --import tsx bench/needs.ts --home <indexed demo home> [--model default]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { namesSomething } from '../dialogs/search-dialog.ts';
import { openChatStack } from '../src/cli/chat-stack.ts';
import { loadConfig } from '../src/config.ts';
import type { SearchMode } from '../src/search/search.ts';
import { createProductNameIndex } from '../src/understanding/product-names.ts';
import { createUnderstanding } from '../src/understanding/understand.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flags = readFlags({ home: { type: 'string', default: '.aisle' }, model: { type: 'string', default: 'default' }, eval: { type: 'string', default: 'bench/eval/needs.jsonl' } });
type Need = { query: string; sold: true; categories: string[] } | { query: string; sold: false; what: string };
const needs = readFileSync(flags.eval, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Need);

const config = loadConfig(process.env, { home: flags.home, model: flags.model }, ROOT, process.cwd());
const stack = await openChatStack(config);
const { search } = stack;
const { language } = stack;
const understand = createUnderstanding(stack.classifier, { ...language, names: stack.names! });
/** The dialog's own test: a refinement with nothing on screen searches only when it names something. */
const catalog = { isCatalogTerm: (t: string) => language.productTerms.has(t) };
const modes: SearchMode[] = search.mode === 'hybrid' ? ['lexical', 'vector', 'hybrid'] : ['lexical'];
const hits = Object.fromEntries(modes.map((m) => [m, 0]));
let sold = 0, searched = 0, notSoldSearched = 0, wholeTurn = 0, notSoldTold = 0, soldTold = 0;
const misses: Row[] = [];
for (const need of needs) {
  const u = await understand(need.query, { shown: [] });
  // What the main dialog searches for: a search, a refinement with nothing on screen that names something, or "not sure" with store words.
  const toSearch = u.intent === 'product_search' || (u.intent === 'refine_results' && namesSomething(need.query, u.slots, catalog))
    || (u.intent === 'not_sure' && u.catalogWords === true);
  // "This store doesn't seem to sell …": the search names a thing the catalog has no word for.
  const told = toSearch && (await search.search(need.query, { k: 3 })).unsold !== undefined;
  if (!need.sold) { notSoldSearched += toSearch && !told ? 1 : 0; notSoldTold += told ? 1 : 0; continue; }
  soldTold += told ? 1 : 0;
  sold++;
  searched += toSearch ? 1 : 0;
  for (const mode of modes) {
    const result = await search.search(need.query, { k: 3, mode });
    const ok = result.results.some((h) => need.categories.includes(h.product.category[h.product.category.length - 1] ?? ''));
    if (ok) hits[mode]!++;
    if (ok && toSearch && mode === search.mode) wholeTurn++;
    else if (mode === search.mode && misses.length < 30) misses.push({ query: need.query, expected: need.categories.join(', '), top3: result.results.map((h) => h.product.category.at(-1)).join(', '), intent: u.intent });
  }
}
await stack.close();
const rows: Row[] = [
  { measure: 'need-style queries sold here', value: sold },
  { measure: 'read as a search (product_search, or "not sure" with store words)', value: searched / sold },
  ...modes.map((m) => ({ measure: `right kind of product in the top 3 (${m} search)`, value: hits[m]! / sold })),
  { measure: 'right kind of product in the top 3 through the whole turn (read as a search, then the default search)', value: wholeTurn / sold },
  { measure: 'not-sold needs answered with products (read as a search, no "doesn\'t seem to sell")', value: notSoldSearched / Math.max(1, needs.length - sold) },
  { measure: 'not-sold needs told "this store doesn\'t seem to sell …"', value: notSoldTold / Math.max(1, needs.length - sold) },
  { measure: 'sold needs wrongly told "doesn\'t seem to sell …"', value: soldTold / sold },
];
publish('needs', [
  { title: `Need-style queries (${needs.length}: ${sold} sold, ${needs.length - sold} not sold)`, rows, digits: 3, notes: ['Target: right kind of product in the top 3 ≥ 0.85 (through the whole turn).'] },
  { title: 'First misses (default mode)', rows: misses },
], { sold, searched, hits, wholeTurn, notSoldSearched });
