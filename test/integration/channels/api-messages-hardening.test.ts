import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotAuthSettings } from '../../../src/channels/agents-endpoint.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp, type AppDeps } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { postMessage, startConnector, webChatActivity, type ConnectorStandIn } from '../../support/connector-stand-in.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';
import { captureLog } from '../../support/log-capture.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const anonymous: BotAuthSettings = { environment: 'development' };

/** A server over the echo engine and a stand-in Bot Connector; `extra` adds rate limits and the like. */
function harness(extra: Partial<AppDeps> = {}) {
  const engine = createEchoEngine();
  const captured = captureLog();
  const h = { engine, ...captured, connector: undefined as unknown as ConnectorStandIn, base: '', server: undefined as RunningServer | undefined };
  beforeAll(async () => {
    h.connector = await startConnector();
    h.server = await listen(createApp({ ...searchDeps, log: captured.log, messages: { engine, auth: anonymous }, ...extra }), 0, '127.0.0.1');
    h.base = `http://127.0.0.1:${h.server.port}`;
  });
  afterAll(async () => {
    await h.server?.close();
    await h.connector?.close();
  });
  return h;
}

describe('POST /api/messages refuses what it cannot serve', () => {
  const h = harness();
  const post = (conversation: string, fields: Record<string, unknown>, serviceUrl = h.connector.url) =>
    postMessage(h.base, webChatActivity(serviceUrl, conversation, { type: 'message', ...fields }));

  it('answers 400 in the error shape, not 500, when text is a number or an object', async () => {
    for (const text of [42, { words: 'sofa' }]) {
      const res = await post('conv-types', { text });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'BAD_INPUT', message: expect.stringContaining('text'), requestId: expect.any(String) } });
    }
    expect(h.engine.turns).toEqual([]);
    expect(h.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it("refuses ids in the widget's or Slack's namespaces, so a caller cannot reach their shoppers' profiles or conversations", async () => {
    const attempts = [
      post('slack:T1:D2', { text: 'cheaper' }),
      post('conv-ids', { text: 'sofas', from: { id: 'shop:alice', role: 'user' } }),
      post('conv-ids', { text: 'sofas', from: { id: 'ANON:123', role: 'user' } }),
      post('conv-ids', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'slack:T1:U9' }] }),
      post('widget:3f2a9c1e', { text: 'add the first one' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('anon:, shop:, widget:, slack:') });
    }
    expect(h.engine.turns).toEqual([]);
  });

  it('will not post replies to a serviceUrl outside the Bot Service and this machine', async () => {
    for (const serviceUrl of ['https://attacker.example/', 'http://169.254.169.254/latest/', 'https://botframework.com.attacker.example/', 'ftp://127.0.0.1/']) {
      const res = await post('conv-ssrf', { text: 'sofas' }, serviceUrl);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('serviceUrl') });
    }
    expect(h.engine.turns).toEqual([]);
    expect(h.lines.filter((l) => l.msg?.startsWith('activity refused'))).toHaveLength(4);
  });

  it('refuses a body over 256 kB with 413, and still answers long text below it in words', async () => {
    const huge = await post('conv-huge', { text: 'sofa '.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('256 kB') });
    expect(h.engine.turns).toEqual([]);

    const long = await post('conv-long', { text: 'sofa '.repeat(20_000) });
    expect(long.status).toBe(200);
    expect(h.engine.turns.at(-1)?.conversation).toBe('conv-long');
  });

  it('echoes a plain X-Request-Id and makes one up otherwise', async () => {
    const mine = await postMessage(h.base, { nope: true }, { 'x-request-id': 'lb-1234' });
    expect(mine.headers.get('x-request-id')).toBe('lb-1234');
    expect((await mine.json()).error.requestId).toBe('lb-1234');
    const forged = await postMessage(h.base, { nope: true }, { 'x-request-id': '"},{"level":"fatal"' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** This machine's own address on a network interface (not loopback): a request to it arrives from that address. */
const networkAddress = Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;

describe.skipIf(!networkAddress)('POST /api/messages (anonymous) listening on 0.0.0.0', () => {
  const engine = createEchoEngine();
  let server: RunningServer | undefined;
  let connector: ConnectorStandIn;
  beforeAll(async () => {
    connector = await startConnector();
    server = await listen(createApp({ ...searchDeps, log: captureLog().log, messages: { engine, auth: anonymous } }), 0, '0.0.0.0');
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it('refuses a caller that is not this machine (401), so it cannot make the server post to a loopback port', async () => {
    const remote = await postMessage(`http://${networkAddress}:${server!.port}`, webChatActivity(connector.url, 'conv-remote', { type: 'message', text: 'hi' }));
    expect(remote.status).toBe(401);
    expect((await remote.json()).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('this machine only') });
    expect(engine.turns).toEqual([]);
    expect(connector.posted).toEqual([]);

    const local = await postMessage(`http://127.0.0.1:${server!.port}`, webChatActivity(connector.url, 'conv-local', { type: 'message', text: 'hi' }));
    expect(local.status).toBe(200);
    expect(engine.turns.map((t) => t.conversation)).toEqual(['conv-local']);
  });
});

describe('POST /api/messages with a Bot Connector that cannot be reached', () => {
  const h = harness();

  it('logs one warning without a stack trace, and no error', async () => {
    const port = await closedPort(); // the connection is refused: "fetch failed"
    const res = await postMessage(h.base, webChatActivity(`http://127.0.0.1:${port}/`, 'conv-down', { type: 'message', text: 'sofas' }));
    expect(res.status).toBeLessThan(500);
    const warnings = h.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: 'replies could not be delivered to the Bot Connector', req: expect.any(String), err: { message: expect.stringContaining(`127.0.0.1:${port}: fetch failed`), causes: expect.arrayContaining([expect.stringContaining('ECONNREFUSED')]) } });
    expect(h.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(JSON.stringify(h.lines)).not.toContain('    at ');
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('rate limits', () => {
  describe('per conversation', () => {
    const h = harness({ rateLimits: { perConversation: 2 } });
    const post = (conversation: string) => postMessage(h.base, webChatActivity(h.connector.url, conversation, { type: 'message', text: 'hi' }));

    it('answers 429 with Retry-After once a conversation has used its messages, other conversations unaffected', async () => {
      expect((await post('conv-chatty')).status).toBe(200);
      expect((await post('conv-chatty')).status).toBe(200);
      const limited = await post('conv-chatty');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await limited.json()).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('conversation') });
      expect((await post('conv-quiet')).status).toBe(200);
      expect(h.engine.turns.filter((t) => t.conversation === 'conv-chatty')).toHaveLength(2);
    });
  });

  describe('per address', () => {
    const h = harness({ rateLimits: { perIp: 3 } });

    it('limits one address across /api/messages (anonymous) and /api/search', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postMessage(h.base, webChatActivity(h.connector.url, `conv-${i}`, { type: 'message', text: 'hi' }))).status);
      const search = await fetch(`${h.base}/api/search?q=sofa`);
      expect(statuses).toEqual([200, 200, 200]);
      expect(search.status).toBe(429);
      expect(search.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await search.json()).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('address') });
    });
  });
});
