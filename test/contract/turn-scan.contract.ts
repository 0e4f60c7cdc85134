import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore, TurnLogEntry, TurnOutcome } from '../../src/storage/conversation-store.ts';

type Key = { conversation: string; user: string; channel: string };

/** Commits one turn saying `text`, with `outcome` when given. */
function logTurn(store: ConversationStore, key: Key, text: string, outcome?: TurnOutcome): Promise<void> {
  return store.runTurn(key, async (current) => ({
    commit: { state: {}, profile: current.profile,
      log: { text, action: null, intent: 'product_search', confidence: 0.9, slots: {}, shown: [], reply: `re ${text}`, ...(outcome ? { outcome } : {}) } },
    result: undefined,
  }));
}

/** Every page of a scan, joined. */
async function scanAll(store: ConversationStore, range: { from?: Date; to?: Date }, size: number): Promise<{ turns: TurnLogEntry[]; pages: number }> {
  const turns: TurnLogEntry[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await store.scanTurns(range, { size, ...(after ? { after } : {}) });
    turns.push(...page.turns);
    after = page.next;
    pages++;
  } while (after);
  return { turns, pages };
}

/** `scanTurns` and the turn outcome, as every ConversationStore must keep them (`open` makes a store on a fresh database). */
export function turnScanContract(name: string, open: () => Promise<ConversationStore>): void {
  describe(`ConversationStore scanTurns and outcome: ${name}`, () => {
    let store: ConversationStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('keeps a turn\'s outcome as written, and none when none was given', async () => {
      const outcome: TurnOutcome = { handoff: 'requested', offeredPerson: true, answer: { id: 'returns#1', citations: ['/help/returns'] }, search: { text: 'blue sofa', results: 0 } };
      await logTurn(store, { conversation: 'c1', user: 'u1', channel: 'cli' }, 'a', outcome);
      await logTurn(store, { conversation: 'c1', user: 'u1', channel: 'cli' }, 'b');
      const [first, second] = await store.turns('c1');
      expect(first!.outcome).toEqual(outcome);
      expect(second).not.toHaveProperty('outcome');
    });

    it('reads every conversation\'s turns in time order, page by page, each once', async () => {
      const texts = ['1', '2', '3', '4', '5', '6', '7'];
      for (const [i, text] of texts.entries()) await logTurn(store, { conversation: `c${i % 3}`, user: `u${i % 2}`, channel: 'cli' }, text);
      const { turns, pages } = await scanAll(store, {}, 2);
      // Turns in the same millisecond come in conversation order, so only the set is fixed, and the order below.
      expect(turns.map((t) => t.text).sort()).toEqual(texts);
      expect(pages).toBe(4);
      const keys = turns.map((t) => [t.at, t.conversation, t.seq] as const);
      expect([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]))).toEqual(keys);
      expect((await store.scanTurns({}, { size: 100 })).next).toBeUndefined();
    });

    it('narrows to a time range: from inclusive, to exclusive', async () => {
      for (const text of ['a', 'b', 'c', 'd']) await logTurn(store, { conversation: 'c1', user: 'u1', channel: 'cli' }, text);
      const all = (await store.scanTurns({})).turns;
      const third = new Date(all[2]!.at);
      const from = (await scanAll(store, { from: third }, 1)).turns;
      expect(from.map((t) => t.text)).toEqual(all.filter((t) => t.at >= all[2]!.at).map((t) => t.text));
      const before = (await store.scanTurns({ to: third })).turns;
      expect(before.map((t) => t.text)).toEqual(all.filter((t) => t.at < all[2]!.at).map((t) => t.text));
      expect((await store.scanTurns({ from: new Date(Date.now() + 60_000) })).turns).toEqual([]);
    });

    it('refuses a cursor it did not hand out', async () => {
      await expect(store.scanTurns({}, { after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/next/) });
    });
  });
}
