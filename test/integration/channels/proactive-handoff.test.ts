import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDoor, type SlackDoor } from '../../../src/channels/slack-door.ts';
import { createAgentDesk, type AgentDesk } from '../../../src/handoff/agent-desk.ts';
import type { Agent } from '../../../src/handoff/agent-directory.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { ensureChatHome, openTestChat } from '../../support/chat-home.ts';
import { postMessage, startConnector, webChatActivity, type ConnectorStandIn } from '../../support/connector-stand-in.ts';
import { BOT_TOKEN, SIGNING_SECRET, messageEvent, postSlack, startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.ts';

const sam: Agent = { email: 'sam@shop.test', name: 'Sam', role: 'agent', createdAt: '' };

/** Until `check` passes (3 s at most): proactive posts go out after the console's call returns. */
async function eventually(check: () => void): Promise<void> {
  for (const until = Date.now() + 3000; ; await new Promise((r) => setTimeout(r, 20))) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

/** An agent's messages reach Web Chat (Bot Connector) and Slack shoppers as they are sent, not with the shopper's next turn. */
describe('agent messages pushed to channels without a socket of ours', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let desk: AgentDesk;
  let connector: ConnectorStandIn;
  let slack: SlackStandIn;
  let door: SlackDoor;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    await ensureChatHome();
    chat = await openTestChat();
    const { handoffs, delivery, conversations, events, search, manifest } = chat.stack;
    desk = createAgentDesk({ queue: handoffs.queue, agents: handoffs.agents, delivery, conversations, events, title: () => undefined });
    await handoffs.agents.add({ email: sam.email, name: sam.name, role: 'agent', passwordHash: 'x' });
    await handoffs.agents.startSession({ tokenHash: 'sam-console', email: sam.email, csrf: 'c', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    connector = await startConnector();
    slack = await startSlackStandIn();
    door = createSlackDoor({ engine: chat.engine, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl });
    await door.start();
    delivery.addPusher(door.pusher);
    server = await listen(createApp({
      search, manifest, slack: door.router,
      messages: { engine: chat.engine, auth: { environment: 'development' }, proactive: { addresses: handoffs.addresses, addPusher: (p) => delivery.addPusher(p) } },
    }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await door?.stop();
    await slack?.close();
    await connector?.close();
    await chat?.close();
  });

  const handoffOf = async (conversation: string) => (await desk.queue()).find((h) => h.conversation === conversation)!;

  it('posts the join, each reply and the close to the Bot Connector as the agent sends them', async () => {
    const conversation = chat.newConversation();
    let n = 0;
    const say = (text: string) => postMessage(base, webChatActivity(connector.url, conversation, { id: `${conversation}-in-${++n}`, type: 'message', text }));
    expect((await say('I want to talk to a person')).status).toBeLessThan(300);
    const handoff = await handoffOf(conversation);
    expect(handoff.channel).toBe('webchat');
    const texts = () => connector.sentTo(conversation).map((p) => p.activity).filter((a) => a.type === 'message').map((a) => a.text as string);
    const before = texts().length;

    await desk.claim(handoff.id, sam);
    await desk.reply(handoff.id, sam, 'Hi, Sam here. How can I help?');
    // No shopper turn in between: the connector got them proactively, in its own wire format.
    await eventually(() => expect(texts().slice(before)).toEqual(['Sam from our team has joined the chat.', 'Hi, Sam here. How can I help?']));
    const pushed = connector.sentTo(conversation).at(-1)!;
    expect(pushed.activity).toMatchObject({ type: 'message', conversation: { id: conversation }, from: { id: 'aisle-bot' }, recipient: { id: 'user-1' } });
    // Posted as the SDK posts a continuation: a reply to the shopper's last activity with the handoff.
    expect(pushed.replyTo).toMatch(new RegExp(`^${conversation}-in-`));

    // The shopper's next message goes to Sam; what was pushed is not handed over again.
    const count = texts().length;
    await say('My sofa arrived scratched');
    expect(texts().slice(count)).toEqual([]);
    expect((await desk.view(handoff.id)).messages.map((m) => [m.role, m.delivered])).toEqual([
      ['system', true], ['agent', true], ['shopper', true],
    ]);
    await desk.resolve(handoff.id, sam);
    await eventually(() => expect(texts().at(-1)).toMatch(/^Sam has closed this chat/));
  });

  it('posts the agent\'s messages into the shopper\'s Slack DM with chat.postMessage as they are sent', async () => {
    expect((await postSlack(base, JSON.stringify(messageEvent('I want to talk to a person', { user: 'U0PUSHED', channel: 'D0PUSHED' })))).status).toBe(200);
    await slack.waitForPosts(1);
    await eventually(() => expect(chat.stack.handoffs.queue.current('slack:T0AISLE:D0PUSHED')).resolves.toBeDefined());
    const handoff = (await chat.stack.handoffs.queue.current('slack:T0AISLE:D0PUSHED'))!;
    await eventually(() => expect(slack.posts().length).toBeGreaterThan(0));
    const before = slack.posts().length;
    await desk.claim(handoff.id, sam);
    await desk.reply(handoff.id, sam, 'Hello from Sam');
    const posts = await slack.waitForPosts(before + 2);
    expect(posts.slice(before).map((p) => [p.channel, p.text])).toEqual([
      ['D0PUSHED', 'Sam from our team has joined the chat.'], ['D0PUSHED', 'Hello from Sam'],
    ]);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!.token).toBe(BOT_TOKEN);
    expect((await desk.view(handoff.id)).messages.every((m) => m.delivered)).toBe(true);
    await desk.resolve(handoff.id, sam);
  });
});
