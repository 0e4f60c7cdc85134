import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDist } from '../../../bin/build.js';
import { chooseEntry } from '../../../bin/entry-point.js';

describe('npm run build (bin/build.js)', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
  const checkout = () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'aisle-build-'));
    roots.push(root);
    for (const file of ['src/cli/main.ts', 'dist/src/removed.js', 'dist/BUILT']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
    return root;
  };
  const compileTo = (root: string) => {
    mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'src', 'cli', 'main.js'), '');
  };

  it('is the script package.json runs', () => {
    expect((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.build).toBe('node bin/build.js');
  });

  it('compiles into an empty dist/, so a module whose source is gone does not linger', () => {
    const root = checkout();
    buildDist(root, () => {
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
      compileTo(root);
    });
    expect(existsSync(path.join(root, 'dist', 'src', 'removed.js'))).toBe(false);
    expect(chooseEntry(root, {})).toEqual({ kind: 'dist' });
  });

  it('dates the stamp to when the compile started, so a source edited during the build counts as newer', async () => {
    const root = checkout();
    const before = Date.now();
    buildDist(root, () => {
      compileTo(root);
      const until = Date.now() + 20;
      while (Date.now() < until); // tsc takes a while; the edit lands after the build began
      writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'edited');
    });
    const stamped = statSync(path.join(root, 'dist', 'BUILT')).mtimeMs;
    expect(stamped).toBeGreaterThanOrEqual(before - 1);
    expect(stamped).toBeLessThan(statSync(path.join(root, 'src', 'cli', 'main.ts')).mtimeMs);
    expect(chooseEntry(root, {})).toMatchObject({ kind: 'sources', why: expect.stringContaining('main.ts changed after the build') });
  });

  it('writes no stamp when the compile fails', () => {
    const root = checkout();
    expect(() => buildDist(root, () => { throw new Error('tsc failed'); })).toThrow('tsc failed');
    expect(existsSync(path.join(root, 'dist', 'BUILT'))).toBe(false);
  });
});
