import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { Dialog, DialogServices } from '../../../src/conversation/dialog.ts';
import { createConversationEngine } from '../../../src/conversation/engine.ts';
import { MAX_LOGGED_CHARS } from '../../../src/conversation/turn-log-privacy.ts';
import type { Logger } from '../../../src/logger.ts';
import { conversationLockKey, openPostgresConversationStore } from '../../../src/storage/postgres-conversation-store.ts';
import { openSqliteConversationStore } from '../../../src/storage/sqlite-conversation-store.ts';
import { extractEmails, extractOrderNumbers } from '../../../src/understanding/identifiers.ts';
import type { Understand } from '../../../src/understanding/understand.ts';
import { captureLog } from '../../support/log-capture.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

/** Reads identifiers the way the real slot reader does, so the log sees what a support question would carry. */
const understand: Understand = async (text) => ({
  intent: 'order_status', confidence: 0.9, ranking: [], slots: { emails: extractEmails(text), orderNumbers: extractOrderNumbers(text) },
});

/** Searches once (20 ms) and repeats what it was told, identifiers included, as a support reply might. */
const echoDialog: Dialog<{ n: number }> = {
  initial: () => ({ n: 0 }),
  restore: (stored) => stored as { n: number },
  async step(state, turn, services) {
    await services.searchProducts('anything', {}, 3);
    return { replies: [{ text: `Noted: ${turn.kind === 'text' ? turn.text : 'a button'}` }], state: { n: state.n + 1 } };
  },
  shown: () => [],
  previousText: () => undefined,
};

const services: DialogServices = {
  searchProducts: async () => {
    await sleep(20);
    return { products: [], relaxed: [], filters: {} };
  },
  product: () => undefined,
  isCatalogTerm: () => false,
  support: async () => undefined,
};

const engineOver = (store: ConversationStore, log?: Logger) => createConversationEngine({ store, understand, dialog: echoDialog, services, log });

describe('conversation engine: what the turn log keeps', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-engine-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const openStore = (name: string) => openSqliteConversationStore(path.join(dir, `${name}.db`));

  it('masks e-mail addresses and order numbers in the logged text, reply and slots, not in the answer', async () => {
    const engine = engineOver(await openStore('mask'));
    const result = await engine.handle({ conversation: 'c1', user: 'u1', text: 'Where is order #10432? Write to Jo.Smith@mail.com' });
    expect(result.slots).toEqual({ emails: ['jo.smith@mail.com'], orderNumbers: ['10432'] });
    expect(result.replies[0]!.text).toContain('Jo.Smith@mail.com');

    const store = await openStore('mask');
    const [turn] = await store.turns('c1');
    expect(turn).toMatchObject({
      text: 'Where is order #[order]? Write to [email]',
      reply: 'Noted: Where is order #[order]? Write to [email]',
      slots: { emails: ['[email]'], orderNumbers: ['[order]'] },
    });
    await store.close();
    await engine.close();
  });

  it('answers a 1 MB message in words and keeps only its first characters in the log', async () => {
    const engine = engineOver(await openStore('long'));
    const text = 'sofa '.repeat(200_000);
    const result = await engine.handle({ conversation: 'c1', user: 'u1', text });
    expect(result.replies[0]!.text).toMatch(/characters long; I can read up to/);

    const store = await openStore('long');
    const [turn] = await store.turns('c1');
    expect(turn!.text!.length).toBeLessThan(MAX_LOGGED_CHARS + 100);
    expect(turn!.text!.startsWith(text.trim().slice(0, MAX_LOGGED_CHARS))).toBe(true);
    expect(turn!.text).toMatch(/cut: 999999 characters in all/);
    await store.close();
    await engine.close();
  });

  it("logs each turn once, with the request's id, a turn id and where the time went", async () => {
    const { log, lines } = captureLog();
    const engine = engineOver(await openStore('timings'), log);
    await engine.handle({ conversation: 'c1', user: 'u1', text: 'hello' }, { log: log.child({ req: 'request-7' }) });
    const turns = lines.filter((l) => l.msg === 'turn');
    expect(turns).toHaveLength(1);
    const [line] = turns;
    expect(line).toMatchObject({ level: 'info', req: 'request-7', conversation: 'c1', intent: 'order_status', turn: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { understanding, retrieval, dialog, store, total } = line!.ms;
    for (const ms of [understanding, retrieval, dialog, store, total]) expect(ms).toBeGreaterThanOrEqual(0);
    expect(retrieval).toBeGreaterThanOrEqual(15);
    expect(dialog).toBeLessThan(retrieval); // the search the dialog asked for is counted once, as retrieval
    expect(total).toBeGreaterThanOrEqual(understanding + retrieval + dialog);
    expect(JSON.stringify(line)).not.toContain('hello'); // what shoppers say stays out of the log
    await engine.close();
  });
});

describe('conversation engine: a conversation another PostgreSQL session holds', () => {
  const { newSchema, dropAll } = testSchemas();
  afterAll(dropAll);

  it('answers "still working" after the lock timeout, writes nothing, and takes the next turn once free', async () => {
    const schema = newSchema();
    const store = await openPostgresConversationStore(TEST_PG_URL, { schema, lockTimeoutMs: 300 });
    const { log, lines } = captureLog();
    const engine = engineOver(store, log);
    const other = new pg.Client({ connectionString: TEST_PG_URL });
    await other.connect();
    const lock = conversationLockKey(schema, 'c1');
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [lock]);
      const started = Date.now();
      const busy = await engine.handle({ conversation: 'c1', user: 'u1', text: 'anything new?' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(busy.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I'm still working on your previous message/)]);
      expect(await store.conversation('c1')).toBeUndefined();
      expect(await store.turns('c1')).toEqual([]);
      expect(lines.find((l) => l.level === 'warn')?.msg).toMatch(/busy/);

      await other.query('SELECT pg_advisory_unlock($1::bigint)', [lock]);
      const next = await engine.handle({ conversation: 'c1', user: 'u1', text: 'anything new?' });
      expect(next.replies[0]!.text).toBe('Noted: anything new?');
      expect(await store.turns('c1')).toHaveLength(1);
    } finally {
      await other.end();
      await engine.close();
    }
  });
});
