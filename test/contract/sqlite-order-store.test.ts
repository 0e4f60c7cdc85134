import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteOrderStore } from '../../src/storage/sqlite-order-store.ts';
import { orderStoreContract } from './order-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-orders-'));
let n = 0;

orderStoreContract('SQLite', async () => {
  const path = join(dir, `conversations-${++n}.db`);
  return async () => openSqliteOrderStore(path);
}, async () => {
  rmSync(dir, { recursive: true, force: true });
});
