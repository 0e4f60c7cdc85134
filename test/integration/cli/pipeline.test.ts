import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

/** The whole command-line pipeline on a small demo store: demo → index → search → ingest → incremental index. */
describe('aisle CLI pipeline', () => {
  const home = tempHome();
  const common = ['--home', home, '--model', TINY_MODEL_DIR];
  const cli = (...args: string[]) => runCli([...args, ...common]);

  beforeAll(async () => {
    const r = await cli('demo', '--products', '400', '--seed', '3');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('builds an index whose manifest names the model, the catalog version and the counts', () => {
    const build = readFileSync(path.join(home, 'indexes', 'CURRENT'), 'utf8');
    const manifest = JSON.parse(readFileSync(path.join(home, 'indexes', build, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ productCount: 400, catalogVersion: 1, metric: 'cosine', embedder: { dimensions: 32 } });
    expect(manifest.embedder.id).toMatch(/^aisle-tiny-test@/);
    expect(Object.keys(manifest.files).sort()).toEqual(['categories-v2.json', 'hnsw-labels.json', 'hnsw.bin', 'lexical.json', 'names.json', 'vocabulary-v2.json']);
  });

  it('answers --json with the documented shape, filters applied', async () => {
    const r = await cli('search', 'headphones under $100', '--json', '--k', '5');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: 'headphones under $100', filters: { priceMax: 100 }, mode: 'hybrid' });
    expect(out.results.length).toBeGreaterThan(0);
    for (const hit of out.results) {
      expect(hit).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), score: expect.any(Number) }));
      expect(hit.price).toBeLessThanOrEqual(100);
    }
  });

  it('answers one JSON line per --jsonl request, keeping ids and reporting bad lines', async () => {
    const input = ['{"id":"q1","query":"something cozy for the living room","k":3}', 'not json', '{"id":"q3","query":"desk lamp","k":2,"mode":"lexical"}', ''].join('\n');
    const r = await runCli(['search', '--jsonl', ...common], {}, input);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', null, 'q3']);
    expect(lines[0].results).toHaveLength(3);
    expect(lines[1].error.code).toBe('BAD_INPUT');
    expect(lines[2]).toMatchObject({ mode: 'lexical' });
    expect(r.code).toBe(1);
  });

  it('ingests a CSV: stores good rows, reports bad ones with line numbers, and refuses the stale index until re-indexed', async () => {
    const csv = path.join(home, 'extra.csv');
    writeFileSync(csv, 'id,title,price,color\nX1,Moonlit velvet armchair,349,Midnight Blue\nX2,,10,Red\nX3,Broken price,abc,Red\n');
    const ingest = await cli('ingest', csv);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toContain('1 products accepted, 2 rows rejected');
    expect(ingest.stdout).toMatch(/line 3: .*title/);
    expect(ingest.stdout).toMatch(/line 4: .*price/);
    const report = readdirSync(path.join(home, 'reports')).find((f) => f.includes('extra.csv'))!;
    expect(JSON.parse(readFileSync(path.join(home, 'reports', report), 'utf8')).rejected.map((r: { line: number }) => r.line)).toEqual([3, 4]);

    const stale = await cli('search', 'armchair');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('run `aisle index`');

    const index = await cli('index');
    expect(index.stdout).toMatch(/Updated index .*: 401 products, 1 embedded, 0 removed/);
    const found = JSON.parse((await cli('search', 'moonlit velvet armchair', '--json', '--k', '3')).stdout);
    expect(found.results[0].id).toBe('X1');
    expect((await cli('index')).stdout).toContain('up to date');
  });

  it('re-ingesting the same file changes nothing', async () => {
    const again = await cli('ingest', path.join(home, 'extra.csv'));
    expect(again.stdout).toContain('0 new, 0 updated, 1 unchanged');
  });

  it('refuses an index built by another model, naming the fix', async () => {
    const r = await runCli(['search', 'sofa', '--home', home, '--model', 'none', '--mode', 'vector']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an embedding model');
    const lexicalOnly = await runCli(['search', 'sofa', '--home', home, '--model', 'none', '--json']);
    expect(JSON.parse(lexicalOnly.stdout).mode).toBe('lexical');
    const other = await runCli(['search', 'sofa', '--home', home, '--model', path.join(home, 'no-such-model')]);
    expect(other.stderr).toContain('aisle models pull');
  });

  it('rejects unknown commands and options with a pointer to help', async () => {
    const unknown = await cli('serch', 'sofa');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('Unknown command "serch"');
    const badFlag = await cli('search', 'sofa', '--colour', 'red');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('aisle help search');
    const badK = await cli('search', 'sofa', '--k', 'lots');
    expect(badK.stderr).toContain('--k must be a whole number');
  });

  it('refuses to overwrite a catalog with the demo store unless forced', async () => {
    const again = await cli('demo', '--products', '400', '--no-index');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('aisle demo --force');
  });

  it('notices a re-created catalog even at the same version, and rebuilds in full', async () => {
    const other = tempHome();
    const csv = path.join(other, 'c.csv');
    writeFileSync(csv, 'id,title,price\nA1,Walnut bookcase,300\n');
    const run = (...args: string[]) => runCli([...args, '--home', other, '--model', TINY_MODEL_DIR]);
    await run('ingest', csv);
    await run('index');
    rmSync(path.join(other, 'catalog.db'));
    writeFileSync(csv, 'id,title,price\nB2,Rattan armchair,200\n');
    await run('ingest', csv);
    const stale = await run('search', 'armchair');
    expect(stale.stderr).toContain('another catalog');
    expect((await run('index')).stdout).toMatch(/^Built index/);
    expect(JSON.parse((await run('search', 'armchair', '--json')).stdout).results.map((r: { id: string }) => r.id)).toEqual(['B2']);
    rmSync(other, { recursive: true, force: true });
  });

  it('keeps the home self-contained', () => {
    expect(readdirSync(home).sort()).toEqual(expect.arrayContaining(['catalog.db', 'demo', 'indexes', 'reports']));
    expect(existsSync(path.join(home, 'demo', 'catalog.jsonl'))).toBe(true);
  });
});
