// Product questions answered from the record (bench/eval/product-questions.jsonl, labelled by hand
// from demo products): how often the answer is right, and how often it claims what the label does not.
// Usage: node --import tsx bench/product-questions.ts [--eval bench/eval/product-questions.jsonl] [--misses 60] [--part tune|holdout]
// --part splits a set by product (FNV-1a of the product id, mod 3: 0 is held out) so a set tuned on keeps a
// part that is looked at only as a figure: the held-out part prints no misses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answerFromFields } from '../src/conversation/product-facts.ts';
import { demoSlotSources } from '../demo/demo-slot-sources.ts';
import { generateDemoCatalog } from '../demo/generate-catalog.ts';
import type { Product } from '../src/domain.ts';
import { extractSlots, type SlotSources } from '../src/understanding/slot-extractor.ts';
import { int, readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';
import { fnv1a32 } from '../src/fnv1a.ts';

const flags = readFlags({
  eval: { type: 'string', default: 'bench/eval/product-questions.jsonl' },
  misses: { type: 'string', default: '60' },
  part: { type: 'string', default: 'all' },
});
if (!['all', 'tune', 'holdout'].includes(flags.part)) throw new Error('--part must be all, tune or holdout');

type Expect = 'yes' | 'no' | 'unknown' | 'value';
interface Example { seed: number; products: number; productId: string; question: string; expect: Expect; value?: string }
interface Outcome extends Example { answer: string; claim: Expect; correct: boolean; wrongClaim: boolean }

const examples: Example[] = readFileSync(flags.eval, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
  const e = JSON.parse(line) as Example;
  if (!['yes', 'no', 'unknown', 'value'].includes(e.expect) || (e.expect !== 'unknown' && !e.value)) {
    throw new Error(`${flags.eval}:${i + 1}: expect must be yes|no|unknown|value, with a value unless unknown`);
  }
  return e;
}).filter((e) => flags.part === 'all' || (heldOut(e.productId) ? 'holdout' : 'tune') === flags.part);

/** A third of the products, fixed by their id alone: FNV-1a hash mod 3 is 0. */
function heldOut(productId: string): boolean {
  return fnv1a32(productId) % 3 === 0;
}

/** One demo catalog (and the slot vocabulary a store of it would have) per seed and size named in the set. */
const stores = new Map<string, { products: Map<string, Product>; sources: SlotSources }>();
function storeOf(e: Example) {
  const key = `${e.seed}/${e.products}`;
  let store = stores.get(key);
  if (!store) {
    const catalog = generateDemoCatalog({ seed: e.seed, count: e.products });
    store = { products: new Map(catalog.map((p) => [p.id, p])), sources: demoSlotSources(e.products, e.seed) };
    stores.set(key, store);
  }
  return store;
}

/** Compared without case, spaces or hyphens: "pre-order" quotes the record's "preorder". */
function loose(text: string): string {
  return text.toLowerCase().replace(/[-\s]+/g, '');
}

/** What the answer claims: unknown when it says the record lacks it, else yes, no or a value. */
function claimOf(text: string, known: boolean): Expect {
  if (!known) return 'unknown';
  return /^Yes\b/.test(text) ? 'yes' : /^No\b/.test(text) ? 'no' : 'value';
}

const outcomes: Outcome[] = examples.map((e) => {
  const store = storeOf(e);
  const product = store.products.get(e.productId);
  if (!product) throw new Error(`${e.productId} is not in the seed ${e.seed} catalog of ${e.products}`);
  const { text, known } = answerFromFields(product, e.question, extractSlots(e.question, store.sources).filters);
  const claim = claimOf(text, known);
  const holds = e.value === undefined || loose(text).includes(loose(e.value));
  const correct = claim === e.expect && holds;
  // Quoting the right value without the yes/no is a miss, not a false claim.
  const hedged = claim === 'value' && (e.expect === 'yes' || e.expect === 'no') && holds;
  return { ...e, answer: text, claim, correct, wrongClaim: claim !== 'unknown' && !correct && !hedged };
});

/** A label's value must be in the record (as stored, or as shown: "Seats: 6", "$849.00"): a generator change shows up here. */
function labelInRecord(e: Example): boolean {
  const p = storeOf(e).products.get(e.productId)!;
  const shown = Object.entries(p.attributes).map(([name, value]) => `${name.replace(/_/g, ' ')}: ${value}`);
  const record = [JSON.stringify(p).replace(/\\"/g, '"'), ...shown, p.price?.toFixed(2), p.availability.replace(/_/g, ' '), p.rating?.toFixed(1)].join(' ');
  return e.value === undefined || record.toLowerCase().includes(e.value.toLowerCase());
}
const stale = examples.filter((e) => !labelInRecord(e));

const rate = (list: Outcome[], test: (o: Outcome) => boolean) => (list.length ? list.filter(test).length / list.length : 0);
const summary: Row[] = [
  { measure: 'correct', value: rate(outcomes, (o) => o.correct), target: '≥ 0.90' },
  { measure: 'wrong claims (yes/no/value the label does not hold)', value: rate(outcomes, (o) => o.wrongClaim), target: '≤ 0.02' },
];
const counts = [
  `${outcomes.length} questions about ${new Set(outcomes.map((o) => `${o.seed}/${o.productId}`)).size} products; `
    + `wrong claims: ${outcomes.filter((o) => o.wrongClaim).length}, other misses: ${outcomes.filter((o) => !o.correct && !o.wrongClaim).length}`,
  stale.length ? `${stale.length} labels whose value is no longer in the record: ${stale.map((e) => `${e.productId} "${e.value}"`).join(', ')}` : 'every labelled value is in its product record',
];
const perLabel: Row[] = (['yes', 'no', 'value', 'unknown'] as const).map((expect) => {
  const list = outcomes.filter((o) => o.expect === expect);
  return { label: expect, n: list.length, correct: rate(list, (o) => o.correct), 'wrong claims': rate(list, (o) => o.wrongClaim) };
});
const misses = flags.part === 'holdout' ? [] : outcomes.filter((o) => !o.correct);
const missRows: Row[] = misses.slice(0, int(flags.misses, 'misses')).map((o) => ({
  product: o.productId, question: o.question, expected: `${o.expect}${o.value ? ` "${o.value}"` : ''}`,
  answer: o.answer.replace(/\|/g, '/'), 'wrong claim': o.wrongClaim ? 'yes' : '',
}));
const name = path.basename(flags.eval, '.jsonl') + (flags.part === 'all' ? '' : `-${flags.part}`);
publish(name, [
  { title: 'Answers from the product record', rows: summary, digits: 3, notes: counts },
  { title: 'By label', rows: perLabel, digits: 3 },
  { title: `Misses (${misses.length})`, rows: missRows, notes: misses.length > missRows.length ? [`${misses.length - missRows.length} more in the JSON`] : [] },
], { eval: flags.eval, part: flags.part, outcomes: flags.part === 'holdout' ? outcomes.map(({ answer, ...o }) => ({ ...o, answer: '(held out)' })) : outcomes });
