import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
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

  it('never reuses a number or loses an owner when entries are purged or forgotten', async () => {
    const log = await open();
    try {
      await log.logMessage('kept', 'anon:a', 'client-1', { text: 'sofas' });
      await log.logReplies('kept', 'anon:a', [{ text: 'Here are sofas' }]);
      await log.logMessage('gone', 'anon:b', 'client-1', { text: 'lamps' });
      expect(await log.purgeBefore(new Date(Date.now() + 60_000))).toBe(3);
      // A widget still holding seq 2 asks for what came after it: the next entry is 3, not 1 again.
      expect((await log.logMessage('kept', 'anon:a', 'client-2', { text: 'cheaper' })).entry.seq).toBe(3);
      expect((await log.after('kept', 2, 10)).map((e) => e.seq)).toEqual([3]);
      expect(await log.owner('kept')).toBe('anon:a');
      expect(await log.owner('gone')).toBe('anon:b');

      expect(await log.forgetUser('anon:b')).toBe(0);
      expect(await log.owner('gone')).toBeNull(); // nobody may resume a forgotten shopper's conversation
      expect((await log.logReplies('gone', 'anon:c', [{ text: 'x' }]))[0]!.seq).toBe(2);
    } finally {
      await log.close();
    }
  });

  it('merges an anonymous shopper\'s conversations and entries into a signed-in one, once', async () => {
    const log = await open();
    try {
      await log.logMessage('c-anon', 'anon:a', 'client-1', { text: 'sofas' });
      await log.logReplies('c-anon', 'anon:a', [{ text: 'Here are sofas' }]);
      await log.logMessage('c-shop', 'shop:s', 'client-1', { text: 'lamps' });
      await log.logMessage('c-other', 'anon:b', 'client-1', { text: 'rugs' });
      expect(await log.mergeUser('anon:a', 'shop:s')).toBe(1);
      expect(await log.mergeUser('anon:a', 'shop:s')).toBe(0);
      expect(await log.owner('c-anon')).toBe('shop:s');
      expect(await log.owner('c-other')).toBe('anon:b');
      // The merged entries are the signed-in shopper's now: forgetting them takes the anonymous history too.
      expect(await log.forgetUser('shop:s')).toBe(3);
      expect(await log.after('c-anon', 0, 10)).toEqual([]);
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

describe('a widget log written before conversations kept their numbers', () => {
  it('is upgraded on open: owners and highest numbers come from the entries (SQLite)', async () => {
    const file = path.join(dir, 'old.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE widget_entries (conversation TEXT NOT NULL, seq INTEGER NOT NULL, user TEXT NOT NULL,
      role TEXT NOT NULL, client_id TEXT, body TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
      INSERT INTO widget_entries VALUES ('c1', 1, 'anon:a', 'shopper', 'client-1', '{"text":"hi"}', '2026-01-01T00:00:00.000Z'),
        ('c1', 2, 'anon:a', 'aisle', NULL, '{"text":"hello"}', '2026-01-01T00:00:01.000Z');`);
    db.close();
    const log = openSqliteWidgetLog(file);
    try {
      expect(await log.owner('c1')).toBe('anon:a');
      expect((await log.logReplies('c1', 'anon:a', [{ text: 'again' }]))[0]!.seq).toBe(3);
    } finally {
      await log.close();
    }
  });

  it('is upgraded on open: owners and highest numbers come from the entries (PostgreSQL)', async () => {
    const schema = schemas.newSchema();
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}";
        CREATE TABLE "${schema}".widget_entries (conversation text COLLATE "C" NOT NULL, seq integer NOT NULL, "user" text NOT NULL,
          role text NOT NULL, client_id text, body jsonb NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (conversation, seq));
        INSERT INTO "${schema}".widget_entries VALUES ('c1', 1, 'anon:a', 'shopper', 'client-1', '{"text":"hi"}', now()),
          ('c1', 2, 'anon:a', 'aisle', NULL, '{"text":"hello"}', now());`);
    } finally {
      await client.end();
    }
    const log = await openPostgresWidgetLog(TEST_PG_URL, schema);
    try {
      expect(await log.owner('c1')).toBe('anon:a');
      expect((await log.logReplies('c1', 'anon:a', [{ text: 'again' }]))[0]!.seq).toBe(3);
    } finally {
      await log.close();
    }
  });
});
