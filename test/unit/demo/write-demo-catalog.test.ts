import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { writeDemoCatalogJsonl } from '../../../demo/write-demo-catalog.ts';

describe('writeDemoCatalogJsonl', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes one product per line, creating missing folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aisle-demo-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'deeper', 'catalog.jsonl');
    const written = await writeDemoCatalogJsonl(path, { seed: 5, count: 2500 });
    expect(written).toBe(2500);
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const products = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(products).toEqual(generateDemoCatalog({ seed: 5, count: 2500 }));
  });
});
