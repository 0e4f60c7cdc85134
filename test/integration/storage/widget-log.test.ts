import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresWidgetLog } from '../../../src/storage/postgres-widget-log.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-widget-log-'));
const schemas = testSchemas();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schemas.dropAll();
});

const stores: [string, () => Promise<WidgetLog>][] = [
  ['SQLite', async () => openSqliteWidgetLog(path.join(dir, `${Math.random()}.db`))],
  ['PostgreSQL', () => openPostgresWidgetLog(TEST_PG_URL, schemas.newSchema())],
];

describe.each(stores)('the widget log on %s', (_name, open) => {
  it('numbers entries per conversation, logs a message once, and replays what came after', async () => {
    const log = await open();
    try {
      expect(await log.owner('c1')).toBeUndefined();
      const first = await log.logMessage('c1', 'anon:a', 'client-1', { text: 'sofas' });
      expect(first).toMatchObject({ fresh: true, entry: { seq: 1, role: 'shopper', clientId: 'client-1', body: { text: 'sofas' } } });
      expect(await log.logMessage('c1', 'anon:a', 'client-1', { text: 'sofas' })).toMatchObject({ fresh: false, entry: { seq: 1 } });
      const replies = await log.logReplies('c1', 'anon:a', [{ text: 'Here are sofas' }, { text: 'Anything else?' }]);
      expect(replies.map((e) => [e.seq, e.role])).toEqual([[2, 'aisle'], [3, 'aisle']]);
      expect((await log.logMessage('c2', 'anon:b', 'client-1', { text: 'lamps' })).entry.seq).toBe(1);
      expect((await log.after('c1', 1, 200)).map((e) => e.seq)).toEqual([2, 3]);
      expect((await log.after('c1', 0, 2)).map((e) => e.seq)).toEqual([2, 3]); // the newest, in order
      expect(await log.owner('c1')).toBe('anon:a');
    } finally {
      await log.close();
    }
  });

  it('forgets a shopper\'s entries and purges old ones', async () => {
    const log = await open();
    try {
      await log.logMessage('mine', 'anon:a', 'client-1', { text: 'my words' });
      await log.logReplies('mine', 'anon:a', [{ text: 'reply' }]);
      await log.logMessage('theirs', 'anon:b', 'client-1', { text: 'their words' });
      expect(await log.forgetUser('anon:a')).toBe(2);
      expect(await log.after('mine', 0, 10)).toEqual([]);
      expect(await log.purgeBefore(new Date(Date.now() - 60_000))).toBe(0);
      expect(await log.purgeBefore(new Date(Date.now() + 60_000))).toBe(1);
      expect(await log.after('theirs', 0, 10)).toEqual([]);
    } finally {
      await log.close();
    }
  });

  it('gives concurrent appends distinct, gapless numbers', async () => {
    const log = await open();
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? log.logReplies('c', 'u', [{ i }]) : log.logMessage('c', 'u', `client-${i}`, { i }))));
      expect((await log.after('c', 0, 100)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await log.close();
    }
  });
});
