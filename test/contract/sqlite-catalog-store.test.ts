import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { openSqliteCatalogStore } from '../../src/storage/sqlite-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-contract-'));
let n = 0;

catalogStoreContract('SQLite', async () => openSqliteCatalogStore(join(dir, `catalog-${++n}.db`)), async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteCatalogStore failures', () => {
  const bad = mkdtempSync(join(tmpdir(), 'aisle-sqlite-bad-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  function expectUnavailable(path: string, hint: RegExp): void {
    let caught: unknown;
    try {
      openSqliteCatalogStore(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'UNAVAILABLE' });
    expect((caught as AppError).message).toContain(path);
    expect((caught as AppError).message).toMatch(hint);
    expect((caught as AppError).cause).toBeDefined();
  }

  it('reports a missing directory as UNAVAILABLE, naming the path', () => {
    expectUnavailable(join(bad, 'no-such-dir', 'catalog.db'), /Create the directory/);
  });

  it('reports an unwritable location as UNAVAILABLE', () => {
    const file = join(bad, 'a-file');
    writeFileSync(file, 'not a directory');
    expectUnavailable(join(file, 'catalog.db'), /writable/);
  });

  it('reports a read-only directory as UNAVAILABLE', () => {
    const readOnly = join(bad, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    asUnprivileged(bad, () => expectUnavailable(join(readOnly, 'catalog.db'), /writable/));
  });

  it('reports a file that is not a SQLite database as UNAVAILABLE', () => {
    const file = join(bad, 'notes.txt');
    writeFileSync(file, 'x'.repeat(4096));
    expectUnavailable(file, /Move the file away/);
  });
});

/**
 * Root writes through any mode bits, and CI runs as root, where a skip would fail the run (test/README.md).
 * So as root the call runs with the effective ids of `nobody`; the saved ids stay root, which lets us return.
 */
function asUnprivileged(dir: string, call: () => void): void {
  if (process.getuid?.() !== 0) return call();
  chmodSync(dir, 0o755); // mkdtemp makes it 0700: nobody could not even look inside.
  process.setegid!(65534);
  process.seteuid!(65534);
  try {
    call();
  } finally {
    process.seteuid!(0);
    process.setegid!(0);
  }
}
