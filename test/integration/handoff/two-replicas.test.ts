import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';
import { PASSWORD, signIn } from './console-fixture.ts';
import { entryWith, openShopper, startReplica } from './replica.ts';

/** Two `aisle serve` processes over one PostgreSQL schema and one Redis: the shopper on one, the agent on the other. */
describe('a handoff across two replicas (PostgreSQL + Redis)', () => {
  const { newSchema, dropAll } = testSchemas();
  const home = mkdtempSync(join(tmpdir(), 'aisle-replicas-'));
  const db = (() => {
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('schema', newSchema());
    return url.toString();
  })();
  const env = { AISLE_HOME: home, AISLE_DB: db, AISLE_MODEL: 'none', AISLE_REDIS_URL: 'redis://127.0.0.1:6379' };
  let a: Awaited<ReturnType<typeof startReplica>>;
  let b: Awaited<ReturnType<typeof startReplica>>;

  beforeAll(async () => {
    const cli = async (args: string[], stdin = '') => {
      const err = new PassThrough();
      let text = '';
      err.on('data', (c: Buffer) => (text += c.toString()));
      const code = await main(args, env, { stdin: Readable.from([stdin]), stdout: new PassThrough(), stderr: err });
      if (code !== 0) throw new Error(`aisle ${args.join(' ')} failed: ${text}`);
    };
    await cli(['demo', '--products', '300']);
    await cli(['agents', 'add', 'sam@shop.test', '--name', 'Sam'], `${PASSWORD}\n`);
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropAll();
    rmSync(home, { recursive: true, force: true });
  });

  it('relays both ways live, survives the shopper\'s replica being killed, and hands back to the bot', async () => {
    // Sam's console is open on B: the shopper on A is queued for him.
    const sam = await signIn(b.url, 'sam@shop.test');
    expect(sam.session).toBeDefined();
    const shopper = await openShopper(a.url);
    const welcome = await shopper.next((f) => f.type === 'welcome');
    shopper.say('I want to talk to a person');
    await shopper.next(entryWith(/You're next in line/));

    const { handoffs } = await (await sam.call('/api/queue')).json();
    expect(handoffs).toHaveLength(1);
    const id = handoffs[0].id;
    expect((await sam.call(`/api/handoffs/${id}/claim`, { body: {} })).status).toBe(200);
    // Published on B, pushed by A: Redis carried it.
    await shopper.next(entryWith(/^Sam from our team has joined the chat\.$/));
    expect(await shopper.next((f) => f.type === 'handoff' && f.state === 'agent')).toMatchObject({ agent: 'Sam' });

    expect((await sam.call(`/api/handoffs/${id}/reply`, { body: { text: 'Hi, Sam here. How can I help?' } })).status).toBe(200);
    const reply = await shopper.next(entryWith(/^Hi, Sam here/));
    expect((reply.entries as { body: unknown }[])[0]!.body).toEqual({ text: 'Hi, Sam here. How can I help?', from: 'Sam' });

    shopper.say('My sofa arrived scratched');
    await shopper.next((f) => f.type === 'ack');
    await until(async () => (await (await sam.call(`/api/handoffs/${id}`)).json()).messages.some((m: { text: string }) => m.text === 'My sofa arrived scratched'));
    // The bot said nothing to that message: no entry from Aisle after it except the agent's.
    expect(shopper.frames.some((f) => f.type === 'entries' && (f.entries as { role: string; body: { text: string } }[]).some((e) => e.role === 'aisle' && /passed|sorry|products/i.test(e.body.text)))).toBe(false);

    // Replica A dies with the shopper's socket open; the agent writes meanwhile; the shopper reconnects to B.
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    expect((await sam.call(`/api/handoffs/${id}/reply`, { body: { text: 'Sorry about that! A new one is on its way.' } })).status).toBe(200);
    const seen = Math.max(...shopper.frames.flatMap((f) => (f.type === 'entries' ? (f.entries as { seq: number }[]).map((e) => e.seq) : [])));
    const again = await openShopper(b.url, { conversation: String(welcome.conversation), shopper: String(welcome.shopper), after: seen });
    await again.next(entryWith(/^Sorry about that! A new one is on its way\.$/));

    expect((await sam.call(`/api/handoffs/${id}/resolve`, { body: {} })).status).toBe(200);
    await again.next(entryWith(/^Sam has closed this chat/));
    await again.next((f) => f.type === 'handoff' && f.state === 'assistant');
    again.say('show me sofas');
    const answer = await again.next((f) => f.type === 'entries' && (f.entries as { role: string }[]).some((e) => e.role === 'aisle'));
    expect((answer.entries as { body: { products?: unknown[] } }[]).some((e) => (e.body.products?.length ?? 0) > 0)).toBe(true);
    again.close();
  }, 120_000);
});

/** Polls `check` until it holds (the console polls the same way). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}
