import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseEntry } from '../../../bin/entry-point.js';

/** A checkout whose every file and folder dates from 100 s ago; `build` adds dist/BUILT from 50 s ago. */
function checkout(options: { build: boolean; sources?: boolean }): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aisle-entry-'));
  const files = options.sources === false ? [] : ['src/cli/main.ts', 'dialogs/main-dialog.ts', 'tsconfig.json', 'tsconfig.build.json'];
  if (options.build) files.push('dist/src/cli/main.js', 'dist/BUILT');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  const folders = files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/')));
  for (const p of new Set([...files, ...folders])) setAge(root, p, p === 'dist/BUILT' ? 50 : 100);
  return root;
}

function setAge(root: string, p: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path.join(root, p), t, t);
}

describe('which code bin/aisle.js runs', () => {
  const roots: string[] = [];
  const made = (options: Parameters<typeof checkout>[0]) => roots[roots.push(checkout(options)) - 1]!;
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('runs the build when it is newer than every source', () => {
    expect(chooseEntry(made({ build: true }), {})).toEqual({ kind: 'dist' });
  });

  it('runs the sources, saying how to build, when there is no build', () => {
    expect(chooseEntry(made({ build: false }), {})).toEqual({ kind: 'sources', why: expect.stringContaining('npm run build') });
  });

  it('runs the sources after a source file changed, or a file was added or removed', () => {
    const edited = made({ build: true });
    setAge(edited, 'dialogs/main-dialog.ts', 1);
    expect(chooseEntry(edited, {})).toEqual({ kind: 'sources', why: expect.stringContaining('dialogs/main-dialog.ts changed after the build') });
    const removed = made({ build: true });
    rmSync(path.join(removed, 'src/cli/main.ts'));
    expect(chooseEntry(removed, {})).toMatchObject({ kind: 'sources', why: expect.stringContaining(`src${path.sep}cli changed`) });
    const configured = made({ build: true });
    setAge(configured, 'tsconfig.json', 1);
    expect(chooseEntry(configured, {}).kind).toBe('sources');
  });

  it('runs the sources when AISLE_DEV=1, and the build where no sources ship', () => {
    expect(chooseEntry(made({ build: true }), { AISLE_DEV: '1' })).toEqual({ kind: 'sources', why: 'AISLE_DEV=1' });
    expect(chooseEntry(made({ build: true, sources: false }), {})).toEqual({ kind: 'dist' });
  });
});
