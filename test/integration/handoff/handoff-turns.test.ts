import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentDesk, type AgentDesk } from '../../../src/handoff/agent-desk.ts';
import type { Agent } from '../../../src/handoff/agent-directory.ts';
import { ensureChatHome, openTestChat } from '../../support/chat-home.ts';
import { conversationWith, productsOf, textOf } from '../../support/transcript.ts';

type Chat = Awaited<ReturnType<typeof openTestChat>>;
const sam: Agent = { email: 'sam@shop.test', name: 'Sam', role: 'agent', createdAt: '' };

function deskOf(chat: Chat): AgentDesk {
  const { handoffs, delivery, conversations, events } = chat.stack;
  return createAgentDesk({ queue: handoffs.queue, agents: handoffs.agents, delivery, conversations, events, title: () => undefined });
}

describe('a handoff through the real engine (CLI-like channel: agent messages arrive with the next turn)', () => {
  let chat: Chat;
  let desk: AgentDesk;
  beforeAll(async () => {
    await ensureChatHome();
    chat = await openTestChat();
    desk = deskOf(chat);
    // Sam has the console open: handoffs are queued, not turned into messages for later.
    const { agents } = chat.stack.handoffs;
    await agents.add({ email: sam.email, name: sam.name, role: 'agent', passwordHash: 'x' });
    await agents.startSession({ tokenHash: 'sam-console', email: sam.email, csrf: 'c', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  });
  afterAll(() => chat?.close());

  it('queues the request, keeps the bot silent while a person has it, and resumes with the search intact after resolve', async () => {
    const shopper = conversationWith(chat);
    const first = await shopper.say('a blue sofa');
    expect(productsOf(first).length).toBeGreaterThan(0);
    const asked = await shopper.say('I want to talk to a person');
    expect(asked.handoff).toBe(true);
    expect(textOf(asked)).toMatch(/You're next in line/);
    const [handoff] = await desk.queue();
    expect(handoff).toMatchObject({ conversation: shopper.conversation, status: 'waiting', reason: 'requested', context: { search: expect.stringMatching(/sofa/) } });
    expect(handoff!.headline).toMatch(/Asked for a person · searching "[^"]*sofa/);

    const waiting = await shopper.say('hello? anyone there?');
    expect(waiting.relayed).toBe(true);
    expect(textOf(waiting)).toMatch(/passed that on\. You're number 1 in line/);

    await desk.claim(handoff!.id, sam);
    const joined = await shopper.say('is the first one in stock?');
    expect(joined.relayed).toBe(true);
    // The only words are the agent's side: the bot adds nothing, not even "passed on".
    expect(textOf(joined)).toBe('Sam from our team has joined the chat.');
    expect(productsOf(joined)).toEqual([]);
    const view = await desk.view(handoff!.id);
    expect(view.messages.filter((m) => m.role === 'shopper').map((m) => m.text)).toEqual(['hello? anyone there?', 'is the first one in stock?']);
    expect(view.transcript.map((t) => t.text)).toContain('a blue sofa');
    expect(view.searches.some((s) => /sofa/.test(s))).toBe(true);

    await desk.reply(handoff!.id, sam, 'Yes, it ships tomorrow.');
    const silent = await shopper.say('great, thanks');
    expect(textOf(silent)).toBe('Yes, it ships tomorrow.');
    await desk.resolve(handoff!.id, sam);

    const back = await shopper.say('cheaper');
    expect(back.relayed).toBeFalsy();
    expect(textOf(back)).toMatch(/^Sam has closed this chat\. I'm the store's assistant again/);
    // The refinement built on the search from before the handoff, exactly as in a conversation that never left the bot.
    const control = conversationWith(chat, 'shopper-control');
    await control.say('a blue sofa');
    const expected = productsOf(await control.say('cheaper')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(productsOf(back).map((p) => p.id)).toEqual(expected);
    expect(await desk.queue()).toEqual([]);
  });

  it('in hours with no agent online, asks for a message and an e-mail instead of leaving the shopper waiting', async () => {
    await chat.stack.handoffs.agents.endSession('sam-console');
    try {
      const shopper = conversationWith(chat, 'shopper-alone');
      const asked = await shopper.say('I want to talk to a person');
      expect(asked.handoff).toBe(false);
      expect(textOf(asked)).toMatch(/^Nobody from our team is online right now\. Leave a message/);
      expect((await desk.queue()).find((h) => h.conversation === shopper.conversation)).toBeUndefined();
      expect(textOf(await shopper.say('cancel'))).toMatch(/no message left/);
    } finally {
      await chat.stack.handoffs.agents.startSession({ tokenHash: 'sam-console', email: sam.email, csrf: 'c', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    }
  });

  it('tells a waiting shopper when the last agent has gone, and lets them leave a message instead', async () => {
    const shopper = conversationWith(chat, 'shopper-left-waiting');
    expect((await shopper.say('I want to talk to a person')).handoff).toBe(true);
    await chat.stack.handoffs.agents.endSession('sam-console');
    try {
      expect(textOf(await shopper.say('hello? anyone?'))).toMatch(/Nobody from our team is online at the moment: say "leave a message"/);
      expect(textOf(await shopper.say('ok, leave a message then'))).toMatch(/^Sure\. Write your message here with your e-mail address/);
      expect((await desk.queue()).find((h) => h.conversation === shopper.conversation)).toBeUndefined();
      expect(textOf(await shopper.say('The lamp I got flickers, bob@example.com'))).toMatch(/we'll answer you at bob@example\.com/);
      expect(await chat.stack.handoffs.queue.tickets('open')).toContainEqual(expect.objectContaining({
        conversation: shopper.conversation, message: 'The lamp I got flickers', email: 'bob@example.com', reason: 'requested',
      }));
    } finally {
      await chat.stack.handoffs.agents.startSession({ tokenHash: 'sam-console', email: sam.email, csrf: 'c', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    }
  });

  it('tells the agent which order the shopper proved is theirs, never the proof', async () => {
    const shopper = conversationWith(chat, 'shopper-with-order');
    await shopper.say('where is my order 10401?');
    expect(textOf(await shopper.say('43215'))).toMatch(/10401/);
    expect((await shopper.say('I want to talk to a person')).handoff).toBe(true);
    const handoff = (await desk.queue()).find((h) => h.conversation === shopper.conversation)!;
    expect(handoff.context.verifiedOrder).toBe('10401');
    expect(handoff.headline).toMatch(/order 10401 verified/);
    expect(JSON.stringify(handoff)).not.toContain('43215');
    await desk.claim(handoff.id, sam);
    await desk.resolve(handoff.id, sam);
  });

  it('lets the shopper cancel waiting; the bot answers again at once', async () => {
    const shopper = conversationWith(chat, 'shopper-2');
    expect((await shopper.say('talk to a person please')).handoff).toBe(true);
    const cancelled = await shopper.say('never mind');
    expect(textOf(cancelled)).toMatch(/taken you out of the line/);
    expect((await desk.queue()).find((h) => h.conversation === shopper.conversation)).toBeUndefined();
    expect(productsOf(await shopper.say('show me table lamps')).length).toBeGreaterThan(0);
  });

  it('refuses a claim on a handoff another agent holds, and actions from an agent who does not hold it', async () => {
    const shopper = conversationWith(chat, 'shopper-3');
    await shopper.say('I want to talk to a person');
    const handoff = (await desk.queue()).find((h) => h.conversation === shopper.conversation)!;
    await desk.claim(handoff.id, sam);
    const kim: Agent = { email: 'kim@shop.test', name: 'Kim', role: 'agent', createdAt: '' };
    await expect(desk.claim(handoff.id, kim)).rejects.toMatchObject({ code: 'BUSY' });
    await expect(desk.reply(handoff.id, kim, 'hi')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(desk.resolve(handoff.id, kim)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await desk.resolve(handoff.id, sam);
  });

  it('lets an admin reply to and resolve a conversation another agent holds', async () => {
    const shopper = conversationWith(chat, 'shopper-admin');
    await shopper.say('I want to talk to a person');
    const handoff = (await desk.queue()).find((h) => h.conversation === shopper.conversation)!;
    await desk.claim(handoff.id, sam);
    const ada: Agent = { email: 'ada@shop.test', name: 'Ada', role: 'admin', createdAt: '' };
    await desk.reply(handoff.id, ada, 'Ada here, I can help.');
    expect(textOf(await shopper.say('thanks'))).toMatch(/Ada here, I can help\.$/);
    expect(await desk.resolve(handoff.id, ada)).toMatchObject({ status: 'resolved' });
  });

  it('gives a message that races the agent\'s resolve to the bot, never to the closed handoff', async () => {
    const shopper = conversationWith(chat, 'shopper-race');
    await shopper.say('I want to talk to a person');
    const handoff = (await desk.queue()).find((h) => h.conversation === shopper.conversation)!;
    await desk.claim(handoff.id, sam);
    const queue = chat.stack.handoffs.queue;
    const relay = queue.relayShopper;
    // Sam resolves after the turn was read as held, just before its message is appended.
    queue.relayShopper = async (id, text) => {
      queue.relayShopper = relay;
      await desk.resolve(handoff.id, sam);
      return relay(id, text);
    };
    try {
      const turn = await shopper.say('show me table lamps');
      expect(turn.relayed).toBeFalsy();
      expect(productsOf(turn).length).toBeGreaterThan(0);
    } finally {
      queue.relayShopper = relay;
    }
    const messages = await queue.messages(handoff.id);
    expect(messages.filter((m) => m.role === 'shopper')).toEqual([]);
    expect(messages.map((m) => m.role)).toEqual(['system', 'system']);
  });
});

describe('out of hours', () => {
  let chat: Chat;
  beforeAll(async () => {
    await ensureChatHome();
    // Open only on a day three days from now: closed today, whatever the time.
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][(new Date().getUTCDay() + 3) % 7];
    chat = await openTestChat(undefined, { AISLE_SUPPORT_HOURS: `${day} 09:00-17:00`, AISLE_SUPPORT_TZ: 'UTC' });
  });
  afterAll(() => chat?.close());

  it('tells the shopper nobody is in, takes a message and an e-mail, and stores them as a ticket', async () => {
    const shopper = conversationWith(chat);
    const asked = await shopper.say('I want to talk to a person');
    expect(asked.handoff).toBe(false);
    expect(textOf(asked)).toMatch(/isn't available right now \(we answer \w{3} 09:00-17:00, UTC time\)\. Leave a message/);
    expect(textOf(await shopper.say('My parcel never arrived, order 1042'))).toMatch(/What e-mail address/);
    expect(textOf(await shopper.say('ann@example.com'))).toMatch(/we'll answer you at ann@example\.com/);
    expect(await chat.stack.handoffs.queue.tickets('open')).toMatchObject([{ conversation: shopper.conversation, message: 'My parcel never arrived, order 1042', email: 'ann@example.com' }]);
    expect(await chat.stack.handoffs.queue.list(['waiting'])).toEqual([]);
    // The bot is back at once.
    expect(productsOf(await shopper.say('show me table lamps')).length).toBeGreaterThan(0);
  });
});
