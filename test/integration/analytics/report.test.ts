import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../../src/analytics/report.ts';
import { unansweredGroups } from '../../../src/analytics/unanswered-groups.ts';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openPostgresConversationStore } from '../../../src/storage/postgres-conversation-store.ts';
import { openPostgresEventLog } from '../../../src/storage/postgres-event-log.ts';
import { ensureChatHome, openTestChat } from '../../support/chat-home.ts';
import { engineOver, seedShoppers, type Seeded } from '../../support/analytics-seed.ts';
import { runCli } from '../../support/run-cli.ts';
import { openReportOrders } from '../../../src/cli/report-orders.ts';
import { openOrderStore } from '../../../src/storage/open-order-store.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

/** The figures the seeded shoppers must give, whichever store holds them. */
function expectSeededFigures(report: Report, seeded: Seeded): void {
  expect(report.conversations).toBe(7);
  expect(report.turns).toBe(12);
  expect(report.containment).toEqual({ count: 6, of: 7, rate: 6 / 7 });
  expect(report.handoffs).toEqual({ count: 1, of: 7, rate: 1 / 7, handoffs: 1, reasons: { requested: 1 } });
  expect(report.answers).toEqual({ given: 2, thumbsUp: 1, thumbsDown: 1, upRate: 0.5 });
  expect(report.noResultSearches).toMatchObject({ count: 1, of: 2, top: [{ text: 'velvet sofas', count: 1 }] });
  expect(report.clickThrough).toEqual({ count: 1, of: seeded.sofas.length + seeded.alternatives.length, rate: 1 / (seeded.sofas.length + seeded.alternatives.length) });
  expect(report.addToCart).toEqual({ count: 1, of: 2, rate: 0.5, adds: 1 });
  expect(report.unanswered.byWhy).toEqual({ no_answer: 2, not_understood: 0, answer_rejected: 1 });
  const groups = report.unanswered.grouping.groups.map((g) => [g.count, g.examples.map((e) => e.text).sort()]);
  expect(report.unanswered.grouping.method).toBe('embedding');
  expect(groups).toEqual([[2, ['do you do gift wrapping?', 'is gift wrapping available?']], [1, ['what is your return policy?']]]);
}

describe('aisle report over turns and events the real engine logged', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let seeded: Seeded;
  const { newSchema, dropAll } = testSchemas();
  beforeAll(async () => {
    await ensureChatHome();
    chat = await openTestChat();
    seeded = await seedShoppers(chat.engine, 'r');
  }, 120_000);
  afterAll(async () => {
    await chat?.close();
    await dropAll();
  });

  it('counts them on SQLite; conversion is unknown until orders are known, then counted', async () => {
    const sources = { turns: chat.stack.conversations, events: chat.stack.events, embedder: chat.stack.embedder! };
    const before = await buildReport(sources);
    expectSeededFigures(before, seeded);
    expect(before.conversion).toMatchObject({ known: false, reason: expect.stringMatching(/^unknown — no orders/) });
    await chat.stack.events.append([{ user: 'shop:alice', product: seeded.sofas[0]!, kind: 'purchase', channel: 'shop' }]);
    expect((await buildReport(sources)).conversion).toEqual({ known: true, source: 'purchase events', windowDays: 7, count: 1, of: 7, rate: 1 / 7 });
    expect((await buildReport(sources, { from: new Date(Date.now() + 1000), to: new Date(Date.now() + 2000) })).conversations).toBe(0);
  });

  it('counts the same on PostgreSQL', async () => {
    const schema = newSchema();
    let store: ConversationStore | undefined;
    let events: EventLog | undefined;
    try {
      store = await openPostgresConversationStore(TEST_PG_URL, { schema });
      events = await openPostgresEventLog(TEST_PG_URL, schema);
      const pgSeeded = await seedShoppers(engineOver(chat, store, events), 'p');
      expectSeededFigures(await buildReport({ turns: store, events, embedder: chat.stack.embedder! }), pgSeeded);
      // What the agent console lists: the same groups, each wording pointing at the turn where it was asked.
      const groups = await unansweredGroups(store, {}, chat.stack.embedder!);
      expect(groups.questions).toBe(3);
      const gift = groups.groups[0]!.examples.find((e) => e.text === 'do you do gift wrapping?')!;
      expect((await store.turns(gift.conversation)).find((t) => t.seq === gift.seq)?.reply).toMatch(/don't have that information/);
    } finally {
      await events?.close();
      await store?.close();
    }
  }, 120_000);

  it('prints the same figures with aisle report --json, and a table without', async () => {
    const json = await runCli(['report', '--json', '--home', chat.home]);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as Report;
    expect(report.containment).toEqual({ count: 6, of: 7, rate: 6 / 7 });
    expect(report.unanswered.grouping.groups[0]).toMatchObject({ count: 2, representative: expect.stringMatching(/gift/) });
    const table = await runCli(['report', '--home', chat.home, '--since', '30d']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Containment \(no person\)\s+85\.7%\s+6 of 7/);
    expect(table.stdout).toMatch(/Handoff rate\s+14\.3%\s+1 of 7; 1 handoff: requested 1/);
    expect(table.stdout).toMatch(/Searches with no result\s+50\.0%\s+1 of 2; most: "velvet sofas" ×1/);
    expect(table.stdout).toMatch(/ 2× "(?:do you do gift wrapping|is gift wrapping available)\?"/);
  });

  it('counts conversion from the order store over signed-in customers\' conversations, when it holds orders', async () => {
    const orders = await openReportOrders(chat.config);
    expect(orders).toBeDefined(); // aisle demo imported the demo orders
    const store = await openOrderStore(chat.config.db, chat.home);
    try {
      await chat.engine.handle({ conversation: 'r-maya', user: 'shop:1001', channel: 'widget', text: 'show me table lamps' });
      await chat.engine.handle({ conversation: 'r-sam', user: 'shop:1002', channel: 'widget', text: 'show me rugs' });
      // Maya orders after her conversation; Sam's demo orders are all older than his.
      await store.upsert([{ number: 'R-1', email: 'maya.chen@example.com', customerId: '1001', status: 'placed', placedAt: new Date(),
        items: [{ title: 'Table lamp', quantity: 1, price: 40 }] }]);
      const report = await buildReport({ turns: chat.stack.conversations, events: chat.stack.events, orders: orders!.source });
      expect(report.conversion).toEqual({ known: true, source: 'orders', windowDays: 7, count: 1, of: 3, rate: 1 / 3 }); // alice (seeded) is a customer too
      const cli = JSON.parse((await runCli(['report', '--json', '--home', chat.home, '--model', 'none'])).stdout) as Report;
      expect(cli.conversion).toMatchObject({ known: true, source: 'orders', count: 1, of: 3 });
    } finally {
      await store.close();
      await orders?.close();
    }
  });

  it('refuses a --since that is not a date or is in the future, saying what it takes', async () => {
    const bad = await runCli(['report', '--home', chat.home, '--since', 'last tuesday']);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/YYYY-MM-DD .*30d/) });
    expect(await runCli(['report', '--home', chat.home, '--since', '2999-01-01'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/future/) });
  });

  it('reports an empty home as nothing logged, creating nothing', async () => {
    const empty = await runCli(['report', '--json', '--home', `${chat.home}-none`, '--model', 'none']);
    expect(empty.code).toBe(0);
    const report = JSON.parse(empty.stdout) as Report;
    expect(report).toMatchObject({ conversations: 0, containment: { rate: null }, conversion: { known: false } });
  });
});
