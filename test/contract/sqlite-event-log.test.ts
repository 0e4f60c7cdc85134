import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventLog } from '../../src/storage/sqlite-event-log.ts';
import { eventLogContract } from './event-log.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-events-'));
let n = 0;

eventLogContract('SQLite', async () => {
  const path = join(dir, `conversations-${++n}.db`);
  return async () => openSqliteEventLog(path);
}, async () => {
  rmSync(dir, { recursive: true, force: true });
});
