import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServeStack, type ServeStack } from '../../../src/cli/serve-stack.ts';
import { loadConfig } from '../../../src/config.ts';
import type { StoredProduct } from '../../../src/domain.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { copyChatHome } from '../../support/chat-home.ts';
import { captureLog } from '../../support/log-capture.ts';
import {
  BOT_TOKEN, SIGNING_SECRET, buttonPress, messageEvent, postSlack, slackSignature, startSlackStandIn, type SlackStandIn,
} from '../../support/slack-stand-in.ts';

/** Aisle's real server (serve's stack over the demo store) answering signed Events API requests through a stand-in Slack. */
describe('the Slack app over HTTP (POST /slack/events)', () => {
  const home = copyChatHome();
  const captured = captureLog('info');
  let slack: SlackStandIn;
  let stack: ServeStack;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    const env = {
      AISLE_SLACK_BOT_TOKEN: BOT_TOKEN, AISLE_SLACK_SIGNING_SECRET: SIGNING_SECRET, AISLE_SLACK_API_URL: slack.apiUrl,
      AISLE_PUBLIC_URL: 'https://shop.example', AISLE_WIDGET: 'off',
    };
    stack = await openServeStack(loadConfig(env, { home }, process.cwd(), process.cwd()), captured.log);
    server = await listen(stack.app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await stack?.close();
    await slack?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const product = (id: string): StoredProduct => stack.search.product(id)!;
  /** Posts a signed event and waits until the app has posted `replies` more messages. */
  async function send(body: object, replies = 1, options: { form?: boolean } = {}) {
    const before = slack.posts().length;
    const raw = options.form ? new URLSearchParams({ payload: JSON.stringify(body) }).toString() : JSON.stringify(body);
    const res = await postSlack(base, raw, options);
    expect(res.status).toBe(200);
    return (await slack.waitForPosts(before + replies)).slice(before);
  }
  const productButtons = (message: Record<string, any>) => message.blocks
    .filter((b: any) => b.type === 'actions')
    .flatMap((b: any) => b.elements)
    .filter((e: any) => /^aisle:(details|add_to_cart):/.test(e.action_id));

  it('checked the bot token with auth.test at start-up, and a token Slack refuses stops start-up', async () => {
    expect(slack.calls[0]).toMatchObject({ method: 'auth.test', token: BOT_TOKEN });
    const env = { AISLE_SLACK_BOT_TOKEN: 'xoxb-revoked', AISLE_SLACK_SIGNING_SECRET: SIGNING_SECRET, AISLE_SLACK_API_URL: slack.apiUrl, AISLE_WIDGET: 'off' };
    await expect(openServeStack(loadConfig(env, { home }, process.cwd(), process.cwd()), captured.log))
      .rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('Slack refused AISLE_SLACK_BOT_TOKEN (invalid_auth)') });
  });

  it('answers the url_verification handshake', async () => {
    const res = await postSlack(base, JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers a DM in its thread with products as Block Kit, then adds the pressed one to the cart', async () => {
    const dm = messageEvent('show me sofas');
    const [reply] = await send(dm);
    expect(reply).toMatchObject({ channel: 'D0SHOPPER', thread_ts: dm.event.ts, text: expect.any(String) });
    const sections = reply!.blocks.filter((b: any) => b.type === 'section' && /\*<https:\/\/shop\.example\/products\//.test(b.text?.text ?? ''));
    expect(sections.length).toBeGreaterThan(0);
    const buttons = productButtons(reply!);
    expect(buttons.length).toBe(sections.length * 2);
    for (const b of buttons) {
      expect(b.action_id).toBe(`${b.action_id.startsWith('aisle:details:') ? 'aisle:details:' : 'aisle:add_to_cart:'}${b.value}`);
      expect(product(b.value).category).toContain('Sofas');
    }
    expect(reply!.blocks.length).toBeLessThanOrEqual(50);

    const pick = buttons.map((b: any) => product(b.value))
      .find((p: StoredProduct) => p.availability === 'in_stock' && p.sizes.length <= 1);
    expect(pick, 'an in-stock sofa in one size').toBeDefined();
    const [carted] = await send(buttonPress(reply!, `aisle:add_to_cart:${pick!.id}`), 1, { form: true });
    expect(carted).toMatchObject({ channel: 'D0SHOPPER', thread_ts: dm.event.ts });
    expect(JSON.stringify(carted!.blocks)).toContain(pick!.id);
    // For a store's own apps, the cart change travels as message metadata, as channelData.aisle does on Activities.
    expect(carted!.metadata).toMatchObject({ event_type: 'aisle_reply', event_payload: { cart: [{ type: 'add_to_cart', product_id: pick!.id, quantity: 1 }] } });
    expect(carted!.text).toMatch(/cart/i);
  });

  it('keeps a DM a running conversation: "cheaper" narrows the sofas', async () => {
    const [first] = await send(messageEvent('show me sofas', { channel: 'D0SECOND', user: 'U0SECOND' }));
    const prices = productButtons(first!).filter((b: any) => b.action_id.startsWith('aisle:details:')).map((b: any) => product(b.value).price!);
    const [cheaper] = await send(messageEvent('cheaper', { channel: 'D0SECOND', user: 'U0SECOND' }));
    const narrowed = productButtons(cheaper!).filter((b: any) => b.action_id.startsWith('aisle:details:')).map((b: any) => product(b.value));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((p: StoredProduct) => p.category.includes('Sofas') && p.price! <= Math.max(...prices))).toBe(true);
  });

  it('answers a mention in a channel in a thread under it, without the @mention in the words', async () => {
    const mention = messageEvent('<@U0AISLEBOT> show me sofas', { channel: 'C0GENERAL', type: 'app_mention' });
    const [reply] = await send(mention);
    expect(reply).toMatchObject({ channel: 'C0GENERAL', thread_ts: mention.event.ts });
    expect(productButtons(reply!).length).toBeGreaterThan(0);
  });

  it('refuses a forged signature and a stale or future timestamp with 401, and logs each', async () => {
    const body = JSON.stringify(messageEvent('show me sofas'));
    const before = slack.calls.length;
    const warned = () => captured.lines.filter((l) => l.level === 'warn').length;
    let warnings = warned();
    const now = Math.floor(Date.now() / 1000);
    const forged = await postSlack(base, body, { signature: slackSignature(body, now, 'not-the-signing-secret') });
    expect(forged.status).toBe(401);
    expect(warned()).toBeGreaterThan(warnings);
    expect(captured.lines.filter((l) => l.level === 'warn').at(-1)!.msg).toMatch(/Request verification failed/);
    for (const timestamp of [now - 6 * 60, now + 6 * 60]) {
      warnings = warned();
      const res = await postSlack(base, body, { timestamp, signature: slackSignature(body, timestamp) });
      expect(res.status, `timestamp ${timestamp - now} s from now`).toBe(401);
      expect(warned()).toBeGreaterThan(warnings);
      expect(captured.lines.filter((l) => l.level === 'warn').at(-1)!.msg).toMatch(/timestamp/);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length, 'nothing was posted').toBe(before);
  });

  it('answers an event once when Slack retries it (X-Slack-Retry-Num)', async () => {
    const event = messageEvent('show me lamps', { channel: 'D0RETRY', user: 'U0RETRY' });
    const body = JSON.stringify(event);
    const before = slack.posts().length;
    const [first, retry] = await Promise.all([postSlack(base, body), postSlack(base, body, { retry: 1 })]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await slack.waitForPosts(before + 1);
    expect((await postSlack(base, body, { retry: 2 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    // One turn's replies (a search may add a question after its products), each posted once.
    const texts = slack.posts().slice(before).filter((p) => p.channel === 'D0RETRY').map((p) => p.text);
    expect(texts.filter((t) => /found/i.test(t))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
    const dropped = captured.lines.filter((l) => l.msg === 'slack: repeated delivery dropped' && l.delivery === `event:${event.event_id}`);
    expect(dropped.map((l) => l.retry).sort()).toEqual([1, 2]);
  });

  it('ignores its own messages and edits', async () => {
    const before = slack.calls.length;
    const own = messageEvent('Here are some sofas', { user: 'U0AISLEBOT' });
    (own.event as Record<string, unknown>).bot_id = 'B0AISLE';
    const edit = messageEvent('show me sofas');
    (edit.event as Record<string, unknown>).subtype = 'message_changed';
    for (const e of [own, edit]) expect((await postSlack(base, JSON.stringify(e))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(before);
  });
});
