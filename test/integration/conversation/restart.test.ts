import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { TurnResult } from '../../../src/conversation/turn.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { copyChatHome, openTestChat } from '../../support/chat-home.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { productsOf, textOf } from '../../support/transcript.ts';

type Chat = Awaited<ReturnType<typeof openTestChat>>;

const uniqueId = (what: string) => `${what}-${randomBytes(4).toString('hex')}`;
const say = (chat: Chat, conversation: string, user: string, text: string) => chat.engine.handle({ conversation, user, text, channel: 'test' });
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Reads the conversation store the way another process would: its own connection, opened from the config. */
async function withStore<T>(chat: Chat, fn: (store: ConversationStore) => Promise<T>): Promise<T> {
  const store = await openConversationStore(chat.config.db, chat.config.home);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Searches in one process, then refines and compares in a fresh one on the same home and database:
 * everything the second process knows about the conversation comes from the conversation store.
 */
async function restartScenario(open: () => Promise<Chat>, query: string, category: string): Promise<void> {
  const conversation = uniqueId('restart');
  const user = uniqueId('shopper');
  const inCategory = (chat: Chat, id: string) => chat.stack.search.product(id)!.category.includes(category);

  const first = await open();
  let search: TurnResult;
  try {
    search = await say(first, conversation, user, query);
    expect(search.intent).toBe('product_search');
    expect(productsOf(search).length).toBeGreaterThanOrEqual(2);
    expect(productsOf(search).every((p) => inCategory(first, p.id))).toBe(true);
  } finally {
    await first.close(true); // the process ends; its home and database stay
  }

  const second = await open();
  try {
    const cheaper = await say(second, conversation, user, 'cheaper');
    expect(cheaper.intent).toBe('refine_results');
    const cap = median(productsOf(search).map((p) => p.price!));
    const cheaperShown = productsOf(cheaper);
    expect(cheaperShown.length).toBeGreaterThanOrEqual(2);
    for (const p of cheaperShown) {
      expect(inCategory(second, p.id), `${p.title} is not in ${category}`).toBe(true);
      expect(p.price).toBeLessThanOrEqual(cap);
    }

    const compared = await say(second, conversation, user, 'compare the first two');
    expect(compared.intent).toBe('compare_products');
    const comparison = compared.replies.find((r) => r.comparison)?.comparison;
    expect(comparison?.products.map((p) => p.id)).toEqual(cheaperShown.slice(0, 2).map((p) => p.id));

    await withStore(second, async (store) => {
      const turns = await store.turns(conversation);
      expect(turns.map((t) => t.seq)).toEqual([1, 2, 3]);
      expect(turns.map((t) => t.text)).toEqual([query, 'cheaper', 'compare the first two']);
      expect(turns.map((t) => t.intent)).toEqual(['product_search', 'refine_results', 'compare_products']);
      expect(turns.map((t) => t.shown)).toEqual([productsOf(search), cheaperShown, comparison!.products].map((ps) => ps.map((p) => p.id)));
      expect(turns.every((t) => t.user === user)).toBe(true);
      expect(await store.conversation(conversation)).toMatchObject({ user, version: 3 });
      expect(await store.profile(user)).toMatchObject({ user, turns: 3 });
    });
  } finally {
    await second.close(true);
  }
}

describe('a conversation survives a restart', () => {
  it('on SQLite (the default): "cheaper" and "compare" read the search made before the restart', async () => {
    const home = copyChatHome();
    try {
      await restartScenario(() => openTestChat(home), 'show me sofas', 'Sofas');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('catalog and conversations in PostgreSQL', () => {
  const server = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `aisle_test_${randomBytes(4).toString('hex')}`;
  const db = `${server}${server.includes('?') ? '&' : '?'}schema=${schema}`;
  let home: string;
  const open = () => openTestChat(home, { AISLE_DB: db });

  beforeAll(async () => {
    home = tempHome();
    // Index files live in the home; products, conversations, turns and profiles in the schema.
    const built = await runCli(['demo', '--products', '400', '--home', home, '--db', db]);
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    rmSync(home, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  // The 400-product demo store has no sofas; streaming devices are one of its fuller categories.
  it('keeps a conversation across a restart', async () => {
    await restartScenario(open, 'streaming devices', 'Streaming Devices');
  });

  describe('concurrent turns', () => {
    const texts = ['streaming devices', 'cheaper', 'show more', 'hi', 'compare the first two',
      'only in stock', 'what can you do?', 'bird supplies', 'cheaper', 'thanks, that is all'];
    let replicas: Chat[] = [];
    beforeAll(async () => { replicas = [await open(), await open()]; });
    afterAll(async () => { for (const r of replicas) await r.close(true); });

    /** Fires every text at once, the i-th through `pick(i)`; all must answer, none with an apology. */
    async function fireAll(pick: (i: number) => Chat, conversationOf: (i: number) => string, user: string): Promise<TurnResult[]> {
      const results = await Promise.all(texts.map((text, i) => say(pick(i), conversationOf(i), user, text)));
      results.forEach((r, i) => expect(r.conversation).toBe(conversationOf(i)));
      expect(results.map(textOf).filter((t) => /something went wrong on my side/.test(t))).toEqual([]);
      return results;
    }

    async function expectGaplessLog(conversation: string, user: string): Promise<void> {
      await withStore(replicas[0]!, async (store) => {
        const turns = await store.turns(conversation);
        expect(turns.map((t) => t.seq)).toEqual(range(texts.length));
        expect(turns.map((t) => t.text).sort()).toEqual([...texts].sort());
        expect(await store.conversation(conversation)).toMatchObject({ version: texts.length });
        expect(await store.profile(user)).toMatchObject({ turns: texts.length });
      });
    }

    it('10 turns at once on one conversation in one process: all answered, logged 1..10', async () => {
      const [conversation, user] = [uniqueId('burst'), uniqueId('shopper')];
      await fireAll(() => replicas[0]!, () => conversation, user);
      await expectGaplessLog(conversation, user);
    });

    it('10 turns at once on one conversation across two replicas: all answered, logged 1..10', async () => {
      const [conversation, user] = [uniqueId('replicas'), uniqueId('shopper')];
      await fireAll((i) => replicas[i % 2]!, () => conversation, user);
      await expectGaplessLog(conversation, user);
    });

    it('one shopper in 10 conversations across two replicas: the profile counts every turn', async () => {
      const user = uniqueId('shopper');
      const conversations = texts.map(() => uniqueId('parallel'));
      await fireAll((i) => replicas[i % 2]!, (i) => conversations[i]!, user);
      await withStore(replicas[0]!, async (store) => {
        for (const c of conversations) expect((await store.turns(c)).map((t) => t.seq)).toEqual([1]);
        expect(await store.profile(user)).toMatchObject({ turns: texts.length });
      });
    });
  });
});
