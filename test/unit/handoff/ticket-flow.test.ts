import { describe, expect, it } from 'vitest';
import type { HandoffQueue, Ticket } from '../../../src/handoff/handoff-queue.ts';
import { continueTicket } from '../../../src/handoff/ticket-flow.ts';

const draft = (over: Partial<Ticket> = {}): Ticket => ({
  id: 't1', conversation: 'c1', user: 'u', channel: 'cli', reason: 'requested', summary: 's', message: null, email: null, status: 'draft', createdAt: '', updatedAt: '', ...over,
});

/** Runs one message against a draft; returns the reply and what was written. */
async function step(ticket: Ticket, text: string) {
  const writes: unknown[] = [];
  const queue = { updateTicket: async (_id: string, change: unknown) => void writes.push(change) } as unknown as HandoffQueue;
  const held = continueTicket(queue, ticket, text);
  await held.after();
  return { reply: held.replies.map((r) => r.text).join(' '), writes, hold: held.hold };
}

describe('leaving a message for the team', () => {
  it('takes the message and the address in one go', async () => {
    const r = await step(draft(), 'My parcel never came. Reach me at ann@example.com please');
    expect(r.reply).toMatch(/answer you at ann@example\.com/);
    expect(r.writes).toEqual([{ message: 'My parcel never came. Reach me at please', email: 'ann@example.com', status: 'open' }]);
  });

  it('asks for whichever is missing, in either order', async () => {
    expect((await step(draft(), 'my email is bob@example.org')).reply).toMatch(/what would you like to tell our team/);
    expect((await step(draft(), 'The lid is cracked')).reply).toMatch(/What e-mail address/);
    const done = await step(draft({ message: 'The lid is cracked' }), 'bob@example.org');
    expect(done.writes).toEqual([{ message: 'The lid is cracked', email: 'bob@example.org', status: 'open' }]);
  });

  it('says so when an address is mistyped, and "cancel" drops the draft', async () => {
    const bad = await step(draft({ message: 'The lid is cracked' }), 'bob@example');
    expect(bad.reply).toMatch(/doesn't look like an e-mail address/);
    expect(bad.writes).toEqual([]);
    expect(await step(draft(), 'never mind')).toMatchObject({ writes: [{ status: 'closed' }], hold: true });
  });
});
