import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentDesk } from '../../../src/handoff/agent-desk.ts';
import type { Agent } from '../../../src/handoff/agent-directory.ts';
import type { HandoffStatus } from '../../../src/handoff/handoff-queue.ts';
import { openHandoffStore, type HandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import { createMemoryBus } from '../../../src/handoff/relay-bus.ts';
import { createShopperDelivery } from '../../../src/handoff/shopper-delivery.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-agent-desk-'));
let n = 0;
const sam: Agent = { email: 'sam@shop.test', name: 'Sam', role: 'agent', createdAt: '' };

describe('an agent reply racing a resolve or a transfer (real SQLite store)', () => {
  let store: HandoffStore;
  beforeEach(async () => { store = await openHandoffStore(`sqlite:${join(dir, `c-${++n}.db`)}`, dir); });
  afterEach(() => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A desk whose read of the handoff is followed, before the reply goes on, by `meanwhile` (another console's action). */
  async function racing(from: HandoffStatus, meanwhile: (id: string) => Promise<unknown>) {
    const { handoff } = await store.queue.open({ conversation: 'c1', user: 'anon:s', channel: 'cli', reason: 'requested', summary: 's', headline: 'h', context: { shown: [], cart: [] } });
    await store.queue.transition(handoff.id, { from: ['waiting'], to: from, agent: sam.email });
    const queue = { ...store.queue, get: async (id: string) => { const seen = await store.queue.get(id); await meanwhile(id); return seen; } };
    const desk = createAgentDesk({ queue, agents: store.agents, delivery: createShopperDelivery(store.queue, createMemoryBus()), conversations: { turns: async () => [] }, title: () => undefined });
    return { id: handoff.id, reply: () => desk.reply(handoff.id, sam, 'Yes, it ships tomorrow.') };
  }

  it.each(['assigned', 'active'] as const)('is refused, not sent, when the %s handoff was resolved meanwhile', async (from) => {
    const race = await racing(from, (id) => store.queue.transition(id, { from: ['assigned', 'active'], to: 'resolved' }));
    await expect(race.reply()).rejects.toMatchObject({ code: 'BUSY' });
    expect((await store.queue.messages(race.id)).filter((m) => m.role === 'agent')).toEqual([]);
  });

  it('is refused, not sent, when the handoff was transferred to another agent meanwhile', async () => {
    const race = await racing('active', (id) => store.queue.transition(id, { from: ['assigned', 'active'], to: 'assigned', agent: 'kim@shop.test' }));
    await expect(race.reply()).rejects.toMatchObject({ code: 'BUSY' });
    expect(await store.queue.get(race.id)).toMatchObject({ status: 'assigned', agent: 'kim@shop.test' });
    expect((await store.queue.messages(race.id)).filter((m) => m.role === 'agent')).toEqual([]);
  });
});
