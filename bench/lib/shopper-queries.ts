import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/seeded-random.ts';
import { ROOT } from './cli.ts';

/** Files of shopper search phrasings and the field each line keeps its text in. */
const SOURCES = [
  { file: 'bench/eval/queries.jsonl', field: 'query' },
  { file: 'bench/eval/needs.jsonl', field: 'query' },
  { file: 'bench/eval/query-slots.jsonl', field: 'query' },
  { file: 'bench/dev/not-sold.jsonl', field: 'query' },
  { file: 'bench/eval/intents.jsonl', field: 'text', intent: 'product_search' },
  { file: 'bench/eval/intents-styled.jsonl', field: 'text', intent: 'product_search' },
] as const;

/**
 * Every distinct search phrasing in the labelled sets (about 1,200: keywords, needs, facets,
 * typos, chatty messages), in a seeded shuffle so neighbouring requests differ in style.
 */
export function shopperQueries(seed = 10): string[] {
  const texts = new Set<string>();
  for (const source of SOURCES) {
    const file = path.join(ROOT, source.file);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Record<string, string>;
      if ('intent' in source && row.intent !== source.intent) continue;
      const text = row[source.field]?.trim();
      if (text) texts.add(text);
    }
  }
  const random = mulberry32(seed);
  const list = [...texts];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
