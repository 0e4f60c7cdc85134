import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `count` products from the demo catalog, spread evenly across it, with a new title,
 * description and price: an ingest of this file makes `aisle index` re-embed exactly `count`.
 */
export function writeChangedProducts(home: string, count: number): string {
  const lines = readFileSync(path.join(home, 'demo', 'catalog.jsonl'), 'utf8').split('\n').filter(Boolean);
  const step = Math.max(1, Math.floor(lines.length / count));
  const changed = lines.filter((_, i) => i % step === 0).slice(0, count).map((line) => {
    const p = JSON.parse(line) as { title: string; description: string; price?: number };
    return JSON.stringify({
      ...p,
      title: `${p.title} (refreshed)`,
      description: `${p.description} New for this season, with a longer warranty.`,
      price: p.price !== undefined ? Math.round(p.price * 90) / 100 : p.price,
    });
  });
  const file = path.join(home, `changed-${count}.jsonl`);
  writeFileSync(file, changed.join('\n') + '\n');
  return file;
}
