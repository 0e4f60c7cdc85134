import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve('.');

/**
 * What `npm ci` installs and `npx aisle` runs: the sources compiled by tsconfig.build.json, started by
 * bin/aisle.js. Built into a scratch copy of the package (no src/, so the compiled code is what runs),
 * so a source that compiles wrongly, or a file the build misses, fails the suite.
 */
describe('the compiled CLI', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aisle-compiled-'));
  const aisle = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [path.join(scratch, 'bin', 'aisle.js'), ...args], { cwd: scratch, env: { ...process.env, ...env }, maxBuffer: 16 * 2 ** 20 });

  beforeAll(async () => {
    await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(scratch, 'dist')], { cwd: ROOT });
    mkdirSync(path.join(scratch, 'bin'));
    for (const file of ['bin/aisle.js', 'bin/entry-point.js', 'package.json']) copyFileSync(path.join(ROOT, file), path.join(scratch, file));
    for (const dir of ['node_modules', 'models']) symlinkSync(path.join(ROOT, dir), path.join(scratch, dir));
    // The demo help centre is data the package ships beside the code (demo/help-centre), not compiled.
    mkdirSync(path.join(scratch, 'demo'));
    symlinkSync(path.join(ROOT, 'demo', 'help-centre'), path.join(scratch, 'demo', 'help-centre'));
    // Stamped last, as npm ci's build is: nothing in the package is newer than the build.
    writeFileSync(path.join(scratch, 'dist', 'BUILT'), new Date().toISOString());
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints the version from the compiled build', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await aisle(['--version'], { AISLE_DEBUG: '1' });
    expect(r.stdout).toBe(`aisle ${version}\n`);
    expect(r.stderr).toContain('running dist/');
  });

  it('builds a small demo store and searches it with the shipped models', async () => {
    const home = path.join(scratch, 'home');
    const demo = JSON.parse((await aisle(['demo', '--products', '150', '--home', home, '--json'])).stdout) as { index: { productCount: number }; helpCentre: { articles: number } };
    expect(demo.index.productCount).toBe(150);
    expect(demo.helpCentre.articles).toBeGreaterThan(20);
    const found = JSON.parse((await aisle(['search', 'a sofa for the living room', '--home', home, '--json'])).stdout) as { mode: string; results: { category: string }[] };
    expect(found.mode).toBe('hybrid');
    expect(found.results[0]?.category).toMatch(/^Furniture > Living Room/);
  }, 120_000);
});
