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

  it.skipIf(process.getuid?.() === 0)('reports a read-only directory as UNAVAILABLE', () => {
    const readOnly = join(bad, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expectUnavailable(join(readOnly, 'catalog.db'), /writable/);
  });

  it('reports a file that is not a SQLite database as UNAVAILABLE', () => {
    const file = join(bad, 'notes.txt');
    writeFileSync(file, 'x'.repeat(4096));
    expectUnavailable(file, /Move the file away/);
  });
});
