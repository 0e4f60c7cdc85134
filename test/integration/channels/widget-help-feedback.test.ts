import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import { TALK_TO_A_PERSON } from '../../../src/conversation/reply.ts';
import { openTestChat } from '../../support/chat-home.ts';

type Json = Record<string, any>;

/** Issue 12: a help answer's thumbs through the widget's HTTP transport, answered by the real engine over the demo help centre. */
describe('thumbs on a help answer through the widget endpoint', () => {
  const cleanup: (() => unknown)[] = [];
  let base: string;
  let ids: { conversation?: string; shopper?: string } = {};
  let n = 0;
  /** POSTs one message as the panel does over HTTP; resolves with the entries after it. */
  const send = async (message: Json): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${base}/aisle/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ids, after: 0, message: { type: 'message', id: `msg-help-${String(n++).padStart(4, '0')}`, ...message } }),
    });
    const body = await res.json() as Json;
    if (res.ok) ids = { conversation: body.conversation, shopper: body.shopper };
    return { status: res.status, body };
  };
  const lastReply = (body: Json) => body.entries.filter((e: Json) => e.role === 'aisle').at(-1).body;

  beforeAll(async () => {
    const chat = await openTestChat();
    cleanup.push(() => chat.close());
    const widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    cleanup.push(() => widgetLog.close());
    const service = createWidgetService({ engine: chat.engine, log: widgetLog });
    const server: RunningServer = await listen(createApp({ search: chat.stack.search, manifest: chat.stack.manifest, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    cleanup.push(server.close);
    base = `http://127.0.0.1:${server.port}`;
  }, 120_000);
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('a thumbs-down offers a person, and taking the offer hands over', async () => {
    const answered = await send({ text: 'how long do refunds take to reach my card?' });
    expect(answered.status).toBe(200);
    const answer = lastReply(answered.body);
    expect(answer.citations).toEqual([{ title: 'Refunds', url: '/help/refunds' }]);
    expect(answer.feedback.answer).toMatch(/^refunds#\d+/);

    const down = await send({ action: { type: 'feedback', answer: answer.feedback.answer, helpful: false } });
    expect(down.status).toBe(200);
    // The vote is logged as the shopper's entry, so a reloaded panel shows the thumbs pressed.
    expect(down.body.entries.filter((e: Json) => e.role === 'shopper').at(-1).body).toEqual({ action: { type: 'feedback', answer: answer.feedback.answer, helpful: false } });
    const offer = lastReply(down.body);
    expect(offer.text).toMatch(/person/i);
    expect(offer.suggestions).toContain(TALK_TO_A_PERSON);
    expect(offer.handoff).toBeUndefined();

    const yes = await send({ text: TALK_TO_A_PERSON });
    expect(lastReply(yes.body).handoff).toMatchObject({ reason: 'support_topic' });
  });

  it('refuses a vote that is not a feedback action the schema takes', async () => {
    const forged = await send({ action: { type: 'feedback', answer: 'x'.repeat(501), helpful: false } });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('BAD_INPUT');
    expect((await send({ action: { type: 'feedback', answer: 'refunds#2', helpful: 'no' } })).status).toBe(400);
  });
});
