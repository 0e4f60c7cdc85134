import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openTestChat } from '../../support/chat-home.ts';
import { postMessage, startConnector, webChatActivity, type ConnectorStandIn } from '../../support/connector-stand-in.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * AISLE_BOT_HANDOFF_CHANNELS=directline: a handoff on Direct Line (where an agent hub listens) is also posted as the
 * Bot Framework `handoff.initiate` event with the transcript; Web Chat, not listed, only gets the message.
 */
describe('POST /api/messages: handoff.initiate for an agent hub', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let connector: ConnectorStandIn;
  let server: RunningServer;
  let base: string;
  let sent = 0;

  beforeAll(async () => {
    chat = await openTestChat();
    connector = await startConnector();
    const { search, manifest, conversations } = chat.stack;
    const handoffEvents = { channels: ['directline'], turns: (c: string, limit: number) => conversations.turns(c, limit) };
    server = await listen(createApp({ search, manifest, messages: { engine: chat.engine, auth: { environment: 'development' }, handoffEvents } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await chat?.close();
  });

  /** Posts one message and returns the activities the bot posted into the conversation while handling it. */
  async function say(conversation: string, text: string, channelId = 'directline'): Promise<Record<string, any>[]> {
    const before = connector.sentTo(conversation).length;
    const res = await postMessage(base, webChatActivity(connector.url, conversation, { id: `${conversation}-in-${++sent}`, channelId, type: 'message', text }));
    expect(res.status).toBe(200);
    return connector.sentTo(conversation).slice(before).map((p) => p.activity);
  }

  it('posts the event after the message telling the shopper, with the transcript and the queued handoff', async () => {
    const conversation = chat.newConversation();
    const search = await say(conversation, 'show me sofas');
    expect(search.filter((a) => a.type === 'event'), 'no event on a turn without a handoff').toEqual([]);
    const turn = await say(conversation, 'talk to a human');
    expect(turn.map((a) => a.type)).toEqual(['typing', 'message', 'event']);
    const [, told, event] = turn as [unknown, Record<string, any>, Record<string, any>];
    expect(told.channelData.aisle.handoff.reason).toBe('requested');

    const queued = await chat.stack.handoffs.queue.current(conversation);
    expect(queued).toBeDefined();
    expect(event).toMatchObject({
      type: 'event', name: 'handoff.initiate', channelId: 'directline', conversation: { id: conversation },
      from: { id: 'aisle-bot' }, recipient: { id: 'user-1' },
      relatesTo: { conversation: { id: conversation }, channelId: 'directline', user: { id: 'user-1' }, bot: { id: 'aisle-bot' },
        activityId: expect.stringContaining(conversation),
      },
    });
    expect(event.value).toEqual({ aisleHandoffId: queued!.id, reason: 'requested', summary: queued!.summary, context: queued!.context });
    expect(event.value.summary).toContain('show me sofas');
    expect(event.attachments).toHaveLength(1);
    expect(event.attachments[0].contentType).toBe('application/vnd.microsoft.activity.transcript');

    const logged = await chat.stack.conversations.turns(conversation);
    const shopper = { id: 'user-1', name: 'Shopper', role: 'user' };
    const bot = { id: 'aisle-bot', name: 'Aisle', role: 'bot' };
    expect(event.attachments[0].content).toEqual(logged.flatMap((t) => [
      { type: 'message', timestamp: t.at, from: shopper, recipient: bot, conversation: { id: conversation }, text: t.text },
      { type: 'message', timestamp: t.at, from: bot, recipient: shopper, conversation: { id: conversation }, text: t.reply },
    ]));
    const transcript = event.attachments[0].content as Record<string, any>[];
    expect(transcript.map((m) => m.text)).toEqual(['show me sofas', expect.any(String), 'talk to a human', told.text]);
    for (const m of transcript) expect(m.timestamp).toMatch(ISO);
  });

  it('sends no event on a channel not named in AISLE_BOT_HANDOFF_CHANNELS', async () => {
    const conversation = chat.newConversation();
    const turn = await say(conversation, 'talk to a human', 'webchat');
    expect(turn.map((a) => a.type)).toEqual(['typing', 'message']);
    expect(turn[1]!.channelData.aisle.handoff.reason).toBe('requested');
  });
});
