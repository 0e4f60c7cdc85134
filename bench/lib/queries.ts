import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';

/** bench/eval/queries.jsonl, written for the quality benchmark; its `query` fields are reused here. */
export const EVAL_QUERIES = path.join(ROOT, 'bench', 'eval', 'queries.jsonl');

const NOUNS = ['sofa', 'duvet cover', 'wireless earbuds', 'running shoes', 'desk lamp', 'dog bed', 'chef knife', 'yoga mat',
  'rain jacket', 'office chair', 'area rug', 'coffee maker', 'tent', 'kids bike', 'face serum', 'garden hose',
  'throw pillow', 'laptop stand', 'board game', 'wool socks'];
const TEMPLATES = ['{n}', 'blue {n}', '{n} under $50', 'cheap {n}', 'leather {n}', '{n} for kids',
  'best {n} for a small apartment', 'black {n} under 100 dollars', 'waterproof {n}', 'a gift for my dad who likes {n}s'];

/** Up to `limit` query strings: the eval set when present, else 200 built-in ones (20 products × 10 phrasings). */
export function loadQueries(limit = 200): { source: string; queries: string[] } {
  if (existsSync(EVAL_QUERIES)) {
    const queries = readFileSync(EVAL_QUERIES, 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { query: string }).query);
    return { source: path.relative(ROOT, EVAL_QUERIES), queries: queries.slice(0, limit) };
  }
  const built = TEMPLATES.flatMap((t) => NOUNS.map((n) => t.replace('{n}', n)));
  return { source: 'built-in list', queries: built.slice(0, limit) };
}
