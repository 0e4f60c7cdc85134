import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHandoffStore } from '../../src/handoff/open-handoff-store.ts';
import { handoffStoreContract } from './handoff-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-handoffs-'));
let n = 0;

handoffStoreContract('SQLite', async () => {
  const path = join(dir, `conversations-${++n}.db`);
  return () => openHandoffStore(`sqlite:${path}`, dir);
}, async () => {
  rmSync(dir, { recursive: true, force: true });
});
