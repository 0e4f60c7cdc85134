// Relay latency agent → shopper (issue 12 part 7): two `aisle serve` processes over one PostgreSQL schema and Redis;
// an agent's reply posted to the console on one replica until it reaches the shopper's widget socket on the other
// (store, Redis pub/sub, widget push), the shopper's message until the agent's console socket hears of it, and for
// comparison both with agent and shopper on the same replica.
// Needs PostgreSQL (AISLE_TEST_PG or postgres://postgres@127.0.0.1:5432/test) and Redis (AISLE_REDIS_URL or 127.0.0.1:6379).
// Usage: node --import tsx bench/handoff-relay.ts [--messages 200]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import pg from 'pg';
import WebSocket from 'ws';
import { main } from '../src/cli/main.ts';
import { PASSWORD, signIn } from '../test/integration/handoff/console-fixture.ts';
import { entryWith, openShopper, startReplica } from '../test/integration/handoff/replica.ts';
import { int, readFlags } from './lib/flags.ts';
import { log, publish, type Row } from './lib/report.ts';

const flags = readFlags({ messages: { type: 'string', default: '200' } });
const messages = int(flags.messages, 'messages');
const pgUrl = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `aisle_bench_relay_${process.pid}`;
const url = new URL(pgUrl);
url.searchParams.set('schema', schema);
const home = mkdtempSync(path.join(os.tmpdir(), 'aisle-relay-bench-'));
// Rate limits off: one shopper sends every message of the run from one connection.
const env = {
  AISLE_HOME: home, AISLE_DB: url.toString(), AISLE_MODEL: 'none', AISLE_REDIS_URL: process.env.AISLE_REDIS_URL ?? 'redis://127.0.0.1:6379',
  AISLE_RATE_LIMIT_PER_CONVERSATION: '0', AISLE_RATE_LIMIT_PER_IP: '0',
};

async function cli(args: string[], stdin = ''): Promise<void> {
  const code = await main(args, env, { stdin: Readable.from([stdin]), stdout: new PassThrough(), stderr: new PassThrough() });
  if (code !== 0) throw new Error(`aisle ${args.join(' ')} failed`);
}

/** One handoff with the shopper on `shopperUrl` and the agent on `agentUrl`; milliseconds per relayed reply. */
async function measure(shopperUrl: string, agentUrl: string, agent: string): Promise<{ times: number[]; back: number[] }> {
  const desk = await signIn(agentUrl, agent); // online first: the shopper is queued
  const shopper = await openShopper(shopperUrl);
  await shopper.next((f) => f.type === 'welcome');
  shopper.say('I want to talk to a person');
  await shopper.next(entryWith(/in line/));
  const { handoffs } = await (await desk.call('/api/queue')).json();
  const id = handoffs.find((h: { status: string }) => h.status === 'waiting').id;
  await desk.call(`/api/handoffs/${id}/claim`, { body: {} });
  await shopper.next(entryWith(/has joined/));
  const times: number[] = [];
  for (let i = 0; i < messages; i++) {
    const text = `reply ${i}`;
    const started = performance.now();
    const arrived = shopper.next(entryWith(new RegExp(`^${text}$`)));
    await desk.call(`/api/handoffs/${id}/reply`, { body: { text } });
    await arrived;
    times.push(performance.now() - started);
  }
  // The other way: the shopper writes, the agent's console socket hears that the handoff changed.
  const console = new WebSocket(`${agentUrl.replace('http', 'ws')}/agent/ws`, { headers: { Origin: agentUrl, Cookie: desk.session! } });
  await new Promise((resolve, reject) => console.once('open', resolve).once('error', reject));
  const back: number[] = [];
  for (let i = 0; i < messages; i++) {
    const started = performance.now();
    const heard = new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        if (JSON.parse(data.toString()).handoff !== id) return;
        console.off('message', onMessage);
        resolve();
      };
      console.on('message', onMessage);
    });
    shopper.say(`question ${i}`);
    await heard;
    back.push(performance.now() - started);
  }
  console.close();
  await desk.call(`/api/handoffs/${id}/resolve`, { body: {} });
  shopper.close();
  return { times, back };
}

function row(label: string, times: number[]): Row {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { path: label, messages: times.length, p50_ms: at(0.5), p95_ms: at(0.95), max_ms: sorted.at(-1)! };
}

log(`Building a 300-product demo store in PostgreSQL schema ${schema}…`);
await cli(['demo', '--products', '300']);
await cli(['agents', 'add', 'sam@shop.test', '--name', 'Sam'], `${PASSWORD}\n`);
await cli(['agents', 'add', 'kim@shop.test', '--name', 'Kim'], `${PASSWORD}\n`);
const [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
try {
  log(`Measuring ${messages} replies across replicas, then ${messages} on one replica…`);
  const across = await measure(a.url, b.url, 'sam@shop.test');
  const same = await measure(a.url, a.url, 'kim@shop.test');
  const rows = [row('agent on replica B → shopper on replica A (PostgreSQL + Redis)', across.times), row('agent and shopper on replica A', same.times)];
  const back = [row('shopper on replica A → agent\'s console on replica B', across.back), row('shopper and agent on replica A', same.back)];
  publish('handoff-relay', [{
    title: 'Agent reply → shopper\'s widget socket', rows, digits: 1,
    notes: ['From the console\'s POST being sent until the widget\'s entries frame arrives; sequential replies, one conversation; the console\'s HTTP round trip is included.'],
  }, {
    title: 'Shopper message → agent console socket', rows: back, digits: 1,
    notes: ['From the widget frame being sent until the console\'s /agent/ws says the handoff changed (the held turn: logged, relayed, published); the console then fetches the message.'],
  }], { messages });
} finally {
  await Promise.all([a.stop(), b.stop()]);
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  rmSync(home, { recursive: true, force: true });
}
