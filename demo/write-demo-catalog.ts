/** Writes the demo catalog to disk as JSONL, one Product per line. */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { generateDemoCatalog, type DemoCatalogOptions } from './generate-catalog.ts';

/** Lines per write: large enough to be fast, small enough to keep memory flat at 200k products. */
const CHUNK = 1000;

/** Generates the catalog and writes it to `path` (parent folders created); resolves to the product count. */
export async function writeDemoCatalogJsonl(path: string, options: DemoCatalogOptions): Promise<number> {
  const products = generateDemoCatalog(options);
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  for (let start = 0; start < products.length; start += CHUNK) {
    const lines = products.slice(start, start + CHUNK).map((product) => `${JSON.stringify(product)}\n`);
    if (!out.write(lines.join(''))) await Promise.race([once(out, 'drain'), finished]);
  }
  out.end();
  await finished;
  return products.length;
}
