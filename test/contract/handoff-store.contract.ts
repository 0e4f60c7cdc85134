import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffStore } from '../../src/handoff/open-handoff-store.ts';
import type { NewHandoff } from '../../src/handoff/handoff-queue.ts';

const request = (conversation: string, user = 'anon:s1'): NewHandoff => ({
  conversation, user, channel: 'widget', reason: 'requested', summary: 'Searching for "blue sofa".', headline: 'Asked for a person',
  context: { search: 'blue sofa', shown: ['p1', 'p2'], cart: [{ productId: 'p1', title: 'Blue sofa', quantity: 1 }] },
});

/**
 * The behaviour every handoff store must show. `newDatabase` makes an empty database and returns an opener for it:
 * each call opens another store on that same database, as a second process would.
 */
export function handoffStoreContract(name: string, newDatabase: () => Promise<() => Promise<HandoffStore>>, cleanup?: () => Promise<void>): void {
  describe(`HandoffStore contract: ${name}`, () => {
    let open: () => Promise<HandoffStore>;
    let store: HandoffStore;
    beforeEach(async () => {
      open = await newDatabase();
      store = await open();
    });
    afterEach(() => store.close());
    if (cleanup) afterAll(cleanup);

    it('queues a handoff once per conversation, with its context, and tells each its place in line', async () => {
      const first = await store.queue.open(request('c1'));
      expect(first.created).toBe(true);
      expect(first.handoff).toMatchObject({ status: 'waiting', conversation: 'c1', reason: 'requested', agent: null, context: { search: 'blue sofa' } });
      const again = await store.queue.open(request('c1'));
      expect(again).toMatchObject({ created: false, handoff: { id: first.handoff.id } });
      const second = await store.queue.open(request('c2', 'anon:s2'));
      expect(await store.queue.position(first.handoff.id)).toBe(1);
      expect(await store.queue.position(second.handoff.id)).toBe(2);
      expect((await store.queue.list(['waiting'])).map((h) => h.conversation)).toEqual(['c1', 'c2']);
      expect(await store.queue.current('c1')).toMatchObject({ id: first.handoff.id });
    });

    it('moves waiting → assigned → active → resolved, only from the states allowed and only for the owner', async () => {
      const { handoff } = await store.queue.open(request('c1'));
      const second = await store.queue.open(request('c2'));
      const claimed = await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
      expect(claimed).toMatchObject({ status: 'assigned', agent: 'sam@shop.test' });
      expect(claimed!.claimedAt).not.toBeNull();
      expect(await store.queue.position(second.handoff.id)).toBe(1);
      expect(await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'kim@shop.test' })).toBeUndefined();
      expect(await store.queue.transition(handoff.id, { from: ['assigned', 'active'], to: 'resolved', owner: 'kim@shop.test' })).toBeUndefined();
      expect(await store.queue.transition(handoff.id, { from: ['assigned'], to: 'active', owner: 'sam@shop.test' })).toMatchObject({ status: 'active' });
      const resolved = await store.queue.transition(handoff.id, { from: ['assigned', 'active'], to: 'resolved', owner: 'sam@shop.test' });
      expect(resolved).toMatchObject({ status: 'resolved', agent: 'sam@shop.test' });
      expect(resolved!.endedAt).not.toBeNull();
      expect(await store.queue.current('c1')).toBeUndefined();
      // A resolved conversation may be handed over again later: a new handoff.
      expect((await store.queue.open(request('c1'))).handoff.id).not.toBe(handoff.id);
    });

    it('lets exactly one of several agents, on separate connections, claim a handoff', async () => {
      const { handoff } = await store.queue.open(request('c1'));
      const others = await Promise.all([open(), open(), open()]);
      try {
        const agents = ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'f@x.test'];
        const stores = [store, ...others];
        const claims = await Promise.all(agents.map((agent, i) => stores[i % stores.length]!.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent })));
        const won = claims.filter((c) => c !== undefined);
        expect(won).toHaveLength(1);
        expect((await store.queue.get(handoff.id))!.agent).toBe(won[0]!.agent);
      } finally {
        await Promise.all(others.map((o) => o.close()));
      }
    });

    it('keeps messages in order, and those the shopper has not had yet until marked delivered', async () => {
      const { handoff } = await store.queue.open(request('c1'));
      const shopper = await store.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text: 'hello?', delivered: true });
      const agent = await store.queue.post({ handoff: handoff.id, role: 'agent', author: 'sam@shop.test', text: 'Hi, Sam here', delivered: false });
      await store.queue.post({ handoff: handoff.id, role: 'note', author: 'sam@shop.test', text: 'VIP', delivered: true });
      expect((await store.queue.messages(handoff.id)).map((m) => [m.role, m.text])).toEqual([['shopper', 'hello?'], ['agent', 'Hi, Sam here'], ['note', 'VIP']]);
      expect((await store.queue.messages(handoff.id, shopper.id)).map((m) => m.text)).toEqual(['Hi, Sam here', 'VIP']);
      expect((await store.queue.undelivered('c1')).map((m) => m.id)).toEqual([agent.id]);
      await store.queue.markDelivered([agent.id]);
      expect(await store.queue.undelivered('c1')).toEqual([]);
    });

    it("appends a shopper's relayed message only while the handoff is open, never to a resolved or abandoned one", async () => {
      const { handoff } = await store.queue.open(request('c1'));
      expect(await store.queue.relayShopper(handoff.id, 'hello?')).toMatchObject({ role: 'shopper', text: 'hello?', delivered: true });
      await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
      const other = await open();
      try {
        // The resolve comes from another connection, as from the agent's process.
        await other.queue.transition(handoff.id, { from: ['assigned'], to: 'resolved' });
        expect(await store.queue.relayShopper(handoff.id, 'one more thing')).toBeUndefined();
      } finally {
        await other.close();
      }
      const dropped = (await store.queue.open(request('c2'))).handoff;
      await store.queue.transition(dropped.id, { from: ['waiting'], to: 'abandoned' });
      expect(await store.queue.relayShopper(dropped.id, 'still there?')).toBeUndefined();
      expect((await store.queue.messages(handoff.id)).map((m) => m.text)).toEqual(['hello?']);
      expect(await store.queue.messages(dropped.id)).toEqual([]);
    });

    it('keeps one draft ticket per conversation until it is sent, then lists it', async () => {
      const draft = await store.queue.draftTicket({ conversation: 'c1', user: 'anon:s1', channel: 'widget', reason: 'requested', summary: 's' });
      expect((await store.queue.draftTicket({ conversation: 'c1', user: 'anon:s1', channel: 'widget', reason: 'requested', summary: 's' })).id).toBe(draft.id);
      await store.queue.updateTicket(draft.id, { message: 'My parcel never came' });
      await store.queue.updateTicket(draft.id, { email: 'ann@example.com', status: 'open' });
      expect(await store.queue.draft('c1')).toBeUndefined();
      expect(await store.queue.tickets('open')).toMatchObject([{ id: draft.id, message: 'My parcel never came', email: 'ann@example.com' }]);
    });

    it('forgets a shopper: handoffs, messages and tickets', async () => {
      const { handoff } = await store.queue.open(request('c1', 'anon:gone'));
      await store.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text: 'my address is …', delivered: true });
      await store.queue.draftTicket({ conversation: 'c9', user: 'anon:gone', channel: 'cli', reason: 'requested', summary: 's' });
      await store.queue.open(request('c2', 'anon:stays'));
      expect(await store.queue.forgetUser('anon:gone')).toBe(3);
      expect(await store.queue.get(handoff.id)).toBeUndefined();
      expect(await store.queue.list(['waiting'])).toHaveLength(1);
    });

    it('keeps one reply address per conversation (the latest), readable from another connection, forgotten with the shopper', async () => {
      const reference = { serviceUrl: 'https://smba.trafficmanager.net/teams/', conversation: { id: 'a:1' }, channelId: 'msteams', user: { id: '29:1' } };
      await store.addresses.save('a:1', 'teams:t:u1', reference);
      await store.addresses.save('a:1', 'teams:t:u1', { ...reference, activityId: 'latest' });
      const other = await open();
      try {
        expect((await other.addresses.get('a:1'))?.address).toEqual({ ...reference, activityId: 'latest' });
        expect(await other.addresses.get('a:2')).toBeUndefined();
      } finally {
        await other.close();
      }
      expect(await store.queue.forgetUser('teams:t:u1')).toBe(1);
      expect(await store.addresses.get('a:1')).toBeUndefined();
    });

    it('merges an anonymous shopper into the signed-in one: handoffs (with their messages) and tickets, then forgotten with them', async () => {
      const { handoff } = await store.queue.open(request('c1', 'anon:b1'));
      await store.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text: 'my address is …', delivered: true });
      await store.queue.draftTicket({ conversation: 'c9', user: 'anon:b1', channel: 'widget', reason: 'requested', summary: 's' });
      await store.queue.open(request('c2', 'anon:other'));
      expect(await store.queue.mergeUser('anon:b1', 'shop:9')).toBe(2);
      expect(await store.queue.mergeUser('anon:b1', 'shop:9')).toBe(0);
      expect(await store.queue.get(handoff.id)).toMatchObject({ user: 'shop:9' });
      expect(await store.queue.forgetUser('anon:b1')).toBe(0);
      expect(await store.queue.forgetUser('shop:9')).toBe(3);
      expect((await store.queue.list(['waiting'])).map((h) => h.user)).toEqual(['anon:other']);
    });

    it('purges handoffs that ended before the cut-off with their messages, closed tickets and abandoned drafts; open ones stay', async () => {
      const done = (await store.queue.open(request('old'))).handoff;
      await store.queue.post({ handoff: done.id, role: 'shopper', author: null, text: 'hi', delivered: true });
      await store.queue.transition(done.id, { from: ['waiting'], to: 'abandoned' });
      const live = (await store.queue.open(request('live'))).handoff;
      const closed = await store.queue.draftTicket({ conversation: 't1', user: 'anon:s1', channel: 'cli', reason: 'requested', summary: 's' });
      await store.queue.updateTicket(closed.id, { status: 'closed' });
      const open = await store.queue.draftTicket({ conversation: 't2', user: 'anon:s1', channel: 'cli', reason: 'requested', summary: 's' });
      await store.queue.updateTicket(open.id, { message: 'm', email: 'a@b.co', status: 'open' });
      const abandoned = await store.queue.draftTicket({ conversation: 't3', user: 'anon:s1', channel: 'cli', reason: 'requested', summary: 's' });
      expect(Date.parse(abandoned.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await store.queue.purgeBefore(new Date(Date.now() - 60_000))).toBe(0);
      expect(await store.queue.purgeBefore(new Date(Date.now() + 60_000))).toBe(4);
      expect(await store.queue.draft('t3')).toBeUndefined();
      expect(await store.queue.get(done.id)).toBeUndefined();
      expect(await store.queue.get(live.id)).toBeDefined();
      expect((await store.queue.tickets('open')).map((t) => t.id)).toEqual([open.id]);
    });

    it('keeps agent accounts and sessions; a password reset ends the sessions', async () => {
      await store.agents.add({ email: 'Sam@Shop.test', name: 'Sam', role: 'agent', passwordHash: 'h1' });
      await expect(store.agents.add({ email: 'sam@shop.test', name: 'Sam', role: 'agent', passwordHash: 'h2' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(await store.agents.find('SAM@shop.test')).toMatchObject({ email: 'sam@shop.test', passwordHash: 'h1' });
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      await store.agents.startSession({ tokenHash: 't1', email: 'sam@shop.test', csrf: 'c1', expiresAt });
      await store.agents.startSession({ tokenHash: 'old', email: 'sam@shop.test', csrf: 'c0', expiresAt: new Date(Date.now() - 1000).toISOString() });
      expect(await store.agents.session('t1')).toMatchObject({ agent: { email: 'sam@shop.test', name: 'Sam' }, csrf: 'c1' });
      expect(await store.agents.session('old')).toBeUndefined();
      // Online: a live session used since the time asked about; an expired one never counts.
      expect(await store.agents.online(new Date(Date.now() - 60_000))).toBe(1);
      expect(await store.agents.online(new Date(Date.now() + 60_000))).toBe(0);
      const before = (await store.agents.session('t1'))!.lastSeen;
      await new Promise((r) => setTimeout(r, 5));
      await store.agents.seen('t1');
      expect((await store.agents.session('t1'))!.lastSeen > before).toBe(true);
      await store.agents.add({ email: 'sam@shop.test', name: 'Samantha', role: 'admin', passwordHash: 'h3' }, { replace: true });
      expect(await store.agents.session('t1')).toBeUndefined();
      expect((await store.agents.list()).map((a) => [a.email, a.role])).toEqual([['sam@shop.test', 'admin']]);
      expect(await store.agents.remove('sam@shop.test')).toBe(true);
      expect(await store.agents.find('sam@shop.test')).toBeUndefined();
    });

    it("puts a removed agent's conversations back in line for another agent; others' stay where they are", async () => {
      await store.agents.add({ email: 'sam@shop.test', name: 'Sam', role: 'agent', passwordHash: 'h' });
      const held = (await store.queue.open(request('c1'))).handoff;
      const active = (await store.queue.open(request('c2'))).handoff;
      const kims = (await store.queue.open(request('c3'))).handoff;
      await store.queue.transition(held.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
      await store.queue.transition(active.id, { from: ['waiting'], to: 'active', agent: 'sam@shop.test' });
      await store.queue.transition(kims.id, { from: ['waiting'], to: 'assigned', agent: 'kim@shop.test' });
      expect(await store.agents.remove('sam@shop.test')).toBe(true);
      expect(await store.queue.get(held.id)).toMatchObject({ status: 'waiting', agent: null, claimedAt: null });
      expect(await store.queue.get(active.id)).toMatchObject({ status: 'waiting', agent: null });
      expect(await store.queue.get(kims.id)).toMatchObject({ status: 'assigned', agent: 'kim@shop.test' });
      expect(await store.queue.position(held.id)).toBe(1);
    });
  });
}
