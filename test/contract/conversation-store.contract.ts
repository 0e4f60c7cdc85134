import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProfile, type ConversationStore, type TurnCommit, type UserProfile } from '../../src/storage/conversation-store.ts';

type Key = { conversation: string; user: string; channel: string };
type Current = Parameters<Parameters<ConversationStore['runTurn']>[1]>[0];

const key = (conversation: string, user = 'u1'): Key => ({ conversation, user, channel: 'webchat' });
const counterOf = (current: Current): number => (current.conversation?.state as { n?: number } | undefined)?.n ?? 0;

/** A commit that counts: state.n and profile.turns go up by one, the log says which turn this was. */
function increment(current: Current, text: string): TurnCommit {
  const profile: UserProfile = { ...current.profile, turns: current.profile.turns + 1, updatedAt: new Date().toISOString() };
  return {
    state: { n: counterOf(current) + 1 },
    log: { text, action: null, intent: 'product_search', confidence: 0.9, slots: {}, shown: [], reply: `turn ${text}` },
    profile,
  };
}

/** Increments with a pause inside the turn, so concurrent turns overlap unless the store serialises them. */
function countTurn(store: ConversationStore, k: Key, text: string): Promise<number> {
  return store.runTurn(k, async (current) => {
    const seen = counterOf(current);
    await sleep(Math.random() * 3);
    return { commit: increment(current, text), result: seen };
  });
}

/** Opens another store instance on one database; `lockTimeoutMs` as the store's option of that name. */
export type OpenStore = (options?: { lockTimeoutMs?: number }) => Promise<ConversationStore>;

/**
 * The behaviour every ConversationStore must show. `newDatabase` makes an empty database and returns an opener
 * for it: each call opens another store instance on that same database, as a second process or replica would.
 */
export function conversationStoreContract(name: string, newDatabase: () => Promise<OpenStore>, cleanup?: () => Promise<void>): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let open: OpenStore;
    let store: ConversationStore;
    const extra: ConversationStore[] = [];
    beforeEach(async () => {
      open = await newDatabase();
      store = await open();
    });
    afterEach(async () => {
      for (const s of [store, ...extra.splice(0)]) await s.close();
    });
    if (cleanup) afterAll(cleanup);

    it('knows nothing of an unseen conversation or user', async () => {
      expect(await store.conversation('c1')).toBeUndefined();
      expect(await store.profile('u1')).toBeUndefined();
      expect(await store.turns('c1')).toEqual([]);
    });

    it('saves state, log and profile together and hands them to the next turn', async () => {
      const action = { kind: 'add_to_cart', productId: 'p1' };
      const slots = { productIds: ['p1'], filters: { priceMax: 100 } };
      const profile: UserProfile = { user: 'u1', viewed: ['p1'], carted: [], turns: 1, updatedAt: '2024-05-01T10:00:00.000Z' };
      const seenFirst = await store.runTurn(key('c1'), async (current) => ({
        commit: { state: { step: 'browsing', cart: ['p1'] }, profile,
          log: { text: 'blue sofa', action, intent: 'product_search', confidence: 0.82, slots, shown: ['p1', 'p2'], reply: 'Here are two.' } },
        result: current,
      }));
      expect(seenFirst).toEqual({ conversation: undefined, profile: emptyProfile('u1') });

      const conversation = await store.conversation('c1');
      expect(conversation).toMatchObject({ id: 'c1', user: 'u1', channel: 'webchat', state: { step: 'browsing', cart: ['p1'] }, version: 1 });
      expect(Date.parse(conversation!.createdAt)).not.toBeNaN();
      expect(await store.profile('u1')).toEqual(profile);
      const [turn] = await store.turns('c1');
      expect(turn).toEqual({ conversation: 'c1', user: 'u1', seq: 1, at: expect.any(String), text: 'blue sofa', action,
        intent: 'product_search', confidence: 0.82, slots, shown: ['p1', 'p2'], reply: 'Here are two.' });

      const seenSecond = await store.runTurn(key('c1'), async (current) => ({ commit: increment(current, 'two'), result: current }));
      expect(seenSecond.conversation).toEqual(conversation);
      expect(seenSecond.profile).toEqual(profile);
      expect(await store.conversation('c1')).toMatchObject({ version: 2, createdAt: conversation!.createdAt });
      expect((await store.turns('c1')).map((t) => [t.seq, t.text])).toEqual([[1, 'blue sofa'], [2, 'two']]);
    });

    it('keeps a null text and action, and numbers each conversation from 1', async () => {
      await store.runTurn(key('c1'), async (current) => ({ commit: { ...increment(current, 'x'), log: { ...increment(current, 'x').log, text: null } }, result: 0 }));
      await countTurn(store, key('c2'), 'a');
      await countTurn(store, key('c1'), 'b');
      expect((await store.turns('c1')).map((t) => [t.seq, t.text, t.action])).toEqual([[1, null, null], [2, 'b', null]]);
      expect((await store.turns('c2')).map((t) => t.seq)).toEqual([1]);
    });

    it('returns the newest `limit` turns, oldest first', async () => {
      for (const text of ['1', '2', '3', '4', '5']) await countTurn(store, key('c1'), text);
      expect((await store.turns('c1', 2)).map((t) => t.text)).toEqual(['4', '5']);
      expect((await store.turns('c1', 10)).map((t) => t.text)).toEqual(['1', '2', '3', '4', '5']);
      expect(await store.turns('c1', 0)).toEqual([]);
    });

    it('writes nothing when the turn throws, passes the error on untouched and lets the next turn run', async () => {
      // A code that looks like a socket error must not be mistaken for the database being down.
      const boom = Object.assign(new Error('search backend down'), { code: 'ECONNREFUSED' });
      const fail = () => store.runTurn(key('c1'), async () => { throw boom; });
      await expect(fail()).rejects.toBe(boom);
      expect(await store.conversation('c1')).toBeUndefined();
      expect(await store.profile('u1')).toBeUndefined();

      await countTurn(store, key('c1'), 'ok');
      await expect(fail()).rejects.toBe(boom);
      expect(await store.conversation('c1')).toMatchObject({ version: 1, state: { n: 1 } });
      expect(await store.turns('c1')).toHaveLength(1);
      expect(await store.profile('u1')).toMatchObject({ turns: 1 });
    });

    it("refuses to save another shopper's profile under this turn's user", async () => {
      const turn = store.runTurn(key('c1', 'u1'), async (current) => ({ commit: { ...increment(current, 'x'), profile: emptyProfile('u2') }, result: 0 }));
      await expect(turn).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(await store.conversation('c1')).toBeUndefined();
      expect(await store.profile('u2')).toBeUndefined();
    });

    it('runs concurrent turns of one conversation one after another, losing no update', async () => {
      let running = 0;
      let overlapped = false;
      const seen = await Promise.all(Array.from({ length: 20 }, () => store.runTurn(key('c1'), async (current) => {
        overlapped ||= ++running > 1;
        await sleep(Math.random() * 3);
        running--;
        return { commit: increment(current, 'x'), result: counterOf(current) };
      })));
      expect(overlapped).toBe(false);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(await store.conversation('c1')).toMatchObject({ version: 20, state: { n: 20 } });
      expect((await store.turns('c1')).map((t) => t.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.profile('u1')).toMatchObject({ turns: 20 });
    });

    it('does not make one conversation wait for another', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      const slow = store.runTurn(key('c1', 'u1'), async (current) => {
        await gate; // opened only once c2's turn has finished
        return { commit: increment(current, 'slow'), result: 'slow' };
      });
      const fast = await Promise.race([countTurn(store, key('c2', 'u2'), 'fast'), sleep(5000).then(() => 'blocked')]);
      release();
      expect(fast).toBe(0);
      expect(await slow).toBe('slow');
    });

    it('counts turns from two conversations of one shopper in the shared profile', async () => {
      await Promise.all(['c1', 'c2'].flatMap((c) => Array.from({ length: 4 }, (_, i) => countTurn(store, key(c), `${c}-${i}`))));
      expect(await store.profile('u1')).toMatchObject({ turns: 8 });
      expect(await store.conversation('c1')).toMatchObject({ version: 4, state: { n: 4 } });
      expect(await store.conversation('c2')).toMatchObject({ version: 4, state: { n: 4 } });
    });

    it('keeps everything across a close and reopen', async () => {
      for (const text of ['a', 'b', 'c']) await countTurn(store, key('c1'), text);
      const before = await store.conversation('c1');
      await store.close();
      store = await open();
      expect(await store.conversation('c1')).toEqual(before);
      expect(await store.profile('u1')).toMatchObject({ turns: 3 });
      expect(await countTurn(store, key('c1'), 'd')).toBe(3);
      expect(await store.conversation('c1')).toMatchObject({ version: 4 });
      expect((await store.turns('c1')).map((t) => [t.seq, t.text])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
    });

    it('serialises turns across two instances on one database, as two replicas would', async () => {
      const other = await open();
      extra.push(other);
      const stores = [store, other];
      // Two shoppers in one group conversation, one on each replica: only the conversation is shared.
      await Promise.all(Array.from({ length: 20 }, (_, i) => countTurn(stores[i % 2]!, key('c1', `u${i % 2}`), String(i))));
      expect(await other.conversation('c1')).toMatchObject({ version: 20, state: { n: 20 } });
      expect((await store.turns('c1')).map((t) => t.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.profile('u0')).toMatchObject({ turns: 10 });
      expect(await other.profile('u1')).toMatchObject({ turns: 10 });
    });

    it('refuses turns after close, once the turns already started have been saved', async () => {
      const started = countTurn(store, key('c1'), 'last');
      const closing = store.close();
      await expect(countTurn(store, key('c1'), 'late')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await closing;
      await started;
      store = await open();
      expect((await store.turns('c1')).map((t) => t.text)).toEqual(['last']);
    });

    it('gives up with BUSY when another turn holds the conversation past the lock timeout, and loses nothing', async () => {
      const patient = await open({ lockTimeoutMs: 150 });
      extra.push(patient);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      const holder = patient.runTurn(key('c1'), async (current) => {
        await gate;
        return { commit: increment(current, 'first'), result: 'first' };
      });
      const started = Date.now();
      let ran = false;
      const waiting = patient.runTurn(key('c1'), async (current) => {
        ran = true;
        return { commit: increment(current, 'second'), result: 'second' };
      });
      await expect(waiting).rejects.toMatchObject({ code: 'BUSY', message: expect.stringContaining('"c1"') });
      expect(Date.now() - started).toBeLessThan(2000);
      release();
      expect(await holder).toBe('first');
      expect(ran).toBe(false);
      expect((await patient.turns('c1')).map((t) => t.text)).toEqual(['first']);
      expect(await countTurn(patient, key('c1'), 'third')).toBe(1);
      expect(await patient.conversation('c1')).toMatchObject({ version: 2, state: { n: 2 } });
    });

    it("forgets a shopper: their profile, their conversations' turns and their own turns elsewhere, with counts", async () => {
      for (const text of ['a', 'b']) await countTurn(store, key('c1', 'u1'), text);
      await countTurn(store, key('c2', 'u1'), 'c');
      await countTurn(store, key('c3', 'u2'), 'd');
      // A group conversation last written by u2: it stays, without u1's turn.
      await countTurn(store, key('g', 'u1'), 'u1 in group');
      await countTurn(store, key('g', 'u2'), 'u2 in group');

      expect(await store.forgetUser('u1')).toEqual({ profiles: 1, conversations: 2, turns: 4 });
      expect(await store.profile('u1')).toBeUndefined();
      expect(await store.conversation('c1')).toBeUndefined();
      expect(await store.conversation('c2')).toBeUndefined();
      expect(await store.turns('c1')).toEqual([]);
      expect((await store.turns('g')).map((t) => [t.user, t.text])).toEqual([['u2', 'u2 in group']]);
      expect(await store.profile('u2')).toMatchObject({ turns: 2 });
      expect(await store.conversation('c3')).toMatchObject({ version: 1 });
      expect(await store.forgetUser('u1')).toEqual({ profiles: 0, conversations: 0, turns: 0 });
    });

    /** One turn that sets the shopper's viewed and carted lists, at a given time. */
    const browse = (k: Key, viewed: string[], carted: string[], updatedAt: string) => store.runTurn(k, async (current) => ({
      commit: { ...increment(current, 'browse'), profile: { ...current.profile, viewed, carted, turns: current.profile.turns + 1, updatedAt } },
      result: undefined,
    }));

    it('merges an anonymous shopper into a signed-in one: profile folded in, conversations and turns moved, once', async () => {
      await browse(key('c-shop', 'shop:s'), ['p2', 'p4'], [], '2026-01-01T10:00:00.000Z');
      await browse(key('c-anon', 'anon:a'), ['p1', 'p2'], ['p3'], '2026-01-02T10:00:00.000Z');
      await countTurn(store, key('c-anon', 'anon:a'), 'more');
      await countTurn(store, key('c-other', 'anon:b'), 'not me');

      expect(await store.mergeUser('anon:a', 'shop:s')).toEqual({ profiles: 1, conversations: 1, turns: 2 });
      expect(await store.profile('anon:a')).toBeUndefined();
      expect(await store.profile('shop:s')).toMatchObject({ user: 'shop:s', viewed: ['p1', 'p2', 'p4'], carted: ['p3'], turns: 3 });
      expect(await store.conversation('c-anon')).toMatchObject({ user: 'shop:s', state: { n: 2 } });
      expect((await store.turns('c-anon')).map((t) => t.user)).toEqual(['shop:s', 'shop:s']);
      expect(await store.profile('anon:b')).toMatchObject({ turns: 1 });
      expect(await store.mergeUser('anon:a', 'shop:s')).toEqual({ profiles: 0, conversations: 0, turns: 0 });

      // The signed-in shopper carries on in the merged conversation, and forgetting them takes the anonymous history too.
      expect(await countTurn(store, key('c-anon', 'shop:s'), 'signed in')).toBe(2);
      expect(await store.profile('shop:s')).toMatchObject({ turns: 4 });
      expect(await store.forgetUser('shop:s')).toEqual({ profiles: 1, conversations: 2, turns: 4 });
    });

    it('merges into a shopper without a profile, and loses no turn of theirs running meanwhile', async () => {
      await countTurn(store, key('c-anon', 'anon:a'), 'one');
      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => { entered = resolve; });
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let runs = 0;
      const slow = store.runTurn(key('c-shop', 'shop:s'), async (current) => {
        if (++runs === 1) {
          entered();
          await gate; // the merge commits while this turn holds what it read
        }
        return { commit: increment(current, 'while merging'), result: current.profile.turns };
      });
      await inside;
      expect(await store.mergeUser('anon:a', 'shop:s')).toMatchObject({ profiles: 1, conversations: 1 });
      release();
      expect(await slow).toBe(1); // rerun on the merged profile, which already counted the anonymous turn
      expect(await store.profile('shop:s')).toMatchObject({ turns: 2 });
    });

    it('purges turn-log rows logged before a time, keeping conversations and profiles', async () => {
      for (const text of ['a', 'b']) await countTurn(store, key('c1'), text);
      expect(await store.purgeTurns(new Date(Date.now() - 60_000))).toBe(0);
      expect(await store.purgeTurns(new Date(Date.now() + 60_000))).toBe(2);
      expect(await store.turns('c1')).toEqual([]);
      expect(await store.conversation('c1')).toMatchObject({ version: 2, state: { n: 2 } });
      expect(await store.profile('u1')).toMatchObject({ turns: 2 });
    });

    it('answers a ping while open, and refuses once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      const other = await open();
      await other.close();
      await expect(other.ping()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });
}
