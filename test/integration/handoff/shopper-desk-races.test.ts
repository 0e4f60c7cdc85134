import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHandoffStore, type HandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import { createMemoryBus } from '../../../src/handoff/relay-bus.ts';
import { createShopperDelivery } from '../../../src/handoff/shopper-delivery.ts';
import { createShopperDesk, DRAFT_TTL_MS, type ShopperDeskDeps } from '../../../src/handoff/shopper-desk.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-shopper-desk-'));
let n = 0;
const turn = (text: string) => ({ conversation: 'c1', user: 'anon:s1', channel: 'cli', text });
const ticket = { conversation: 'c1', user: 'anon:s1', channel: 'cli', reason: 'requested' as const, summary: 's' };

describe('the shopper desk on a real SQLite handoff store', () => {
  let store: HandoffStore;
  let deps: ShopperDeskDeps;
  beforeEach(async () => {
    store = await openHandoffStore(`sqlite:${join(dir, `c-${++n}.db`)}`, dir);
    deps = { queue: store.queue, delivery: createShopperDelivery(store.queue, createMemoryBus()) };
  });
  afterEach(() => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues a fresh draft ticket, but drops one left unfinished for over 30 minutes and lets the bot answer', async () => {
    const draft = await store.queue.draftTicket(ticket);
    const fresh = await createShopperDesk(deps).intercept(turn('The lid is cracked'));
    expect(fresh).toMatchObject({ hold: true });
    const later = createShopperDesk({ ...deps, now: () => new Date(Date.now() + DRAFT_TTL_MS + 60_000) });
    expect(await later.intercept(turn('a blue sofa'))).toBeUndefined();
    expect(await store.queue.draft('c1')).toBeUndefined();
    expect((await store.queue.tickets('closed')).map((t) => t.id)).toEqual([draft.id]);
  });

  it('passes a "cancel" on to the agent who claimed at the same moment, and does not say the bot is back', async () => {
    const { handoff } = await store.queue.open({ ...ticket, headline: 'h', context: { shown: [], cart: [] } });
    const changed: string[] = [];
    const delivery = { ...deps.delivery, changed: async (id: string) => void changed.push(id), state: async () => { throw new Error('no state change expected'); } };
    const held = await createShopperDesk({ ...deps, delivery }).intercept(turn('never mind'));
    await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
    await held!.after();
    expect((await store.queue.messages(handoff.id)).map((m) => [m.role, m.text])).toEqual([['shopper', 'never mind']]);
    expect(changed).toEqual([handoff.id]);
  });

  it('passes a "leave a message" on to the agent who claimed at the same moment, and does not say the bot is back', async () => {
    const { handoff } = await store.queue.open({ ...ticket, headline: 'h', context: { shown: [], cart: [] } });
    const changed: string[] = [];
    const delivery = { ...deps.delivery, changed: async (id: string) => void changed.push(id), state: async () => { throw new Error('no state change expected'); } };
    const held = await createShopperDesk({ ...deps, delivery }).intercept(turn('can I leave a message instead'));
    await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
    await held!.after();
    expect((await store.queue.messages(handoff.id)).map((m) => [m.role, m.text])).toEqual([['shopper', 'can I leave a message instead']]);
    expect(changed).toEqual([handoff.id]);
    expect(await store.queue.draft('c1')).toBeUndefined();
  });
});
