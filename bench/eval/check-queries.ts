/**
 * Checks the evaluation set against a generated catalog: every query needs at least MIN_RELEVANT
 * fully relevant products, and synonym/paraphrase queries should lean on words the catalog lacks.
 *
 *   node --import tsx bench/eval/check-queries.ts --catalog /tmp/evalhome/demo/catalog.jsonl [--verbose]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Product } from '../../src/domain.ts';
import { terms } from '../../src/search/text.ts';
import { QUERY_KINDS, loadEvalSet, splitOf } from '../lib/eval-set.ts';
import { gradeProduct } from '../lib/metrics.ts';

const MIN_RELEVANT = 3;

const { values } = parseArgs({
  options: {
    catalog: { type: 'string', default: '.aisle/demo/catalog.jsonl' },
    queries: { type: 'string', default: 'bench/eval/queries.jsonl' },
    verbose: { type: 'boolean', default: false },
  },
});

const products = readFileSync(values.catalog!, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Product);
const vocabulary = new Set(products.flatMap((p) => terms([p.title, p.description, p.brand ?? '', p.category.join(' '),
  p.tags.join(' '), p.colors.join(' '), p.materials.join(' '), Object.values(p.attributes).join(' ')].join(' '))));
const queries = loadEvalSet(values.queries!);

let problems = 0;
for (const q of queries) {
  const grades = products.map((p) => gradeProduct(p, q.relevant));
  const full = grades.filter((g) => g === 2).length;
  const partial = grades.filter((g) => g === 1).length;
  const unseen = terms(q.query).filter((t) => !vocabulary.has(t));
  const tooFew = full < MIN_RELEVANT;
  if (tooFew) problems++;
  if (tooFew || values.verbose) {
    const flag = tooFew ? 'TOO FEW ' : '';
    console.log(`${flag}${q.id} [${q.kind}/${splitOf(q.id)}] ${full} full, ${partial} partial; unseen: ${unseen.join(' ') || '-'} | ${q.query}`);
  }
}

const byKind = QUERY_KINDS.map((k) => `${k} ${queries.filter((q) => q.kind === k).length}`).join(', ');
const dev = queries.filter((q) => splitOf(q.id) === 'dev').length;
console.log(`${queries.length} queries (${byKind}); dev ${dev}, test ${queries.length - dev}; ${problems} with fewer than ${MIN_RELEVANT} relevant products`);
process.exitCode = problems > 0 ? 1 : 0;
