import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/conversation/reply.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { openOrderStore } from '../../../src/storage/open-order-store.ts';
import { copyChatHome } from '../../support/chat-home.ts';
import { runCli } from '../../support/run-cli.ts';

const line = (conversation: string, user: string, text: string) => JSON.stringify({ conversation, user, text });
const textOf = (l: { replies: Reply[] }) => l.replies.map((r) => r.text).join('\n');

// The demo home (aisle demo) holds the demo orders: README "Orders" lists them.
describe('aisle chat --jsonl: an order looked up and cancelled after verification', () => {
  let home: string;
  beforeAll(() => {
    home = copyChatHome();
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('asks for the proof, refuses a wrong pair like an unknown order, then looks up and cancels with the right one', async () => {
    const input = [
      line('c1', 'u1', 'where is my order 10401?'),
      line('c1', 'u1', 'sam.okafor@example.com'),
      line('c1', 'u1', 'maya.chen@example.com'),
      line('c2', 'u2', 'please cancel order 10403'),
      line('c2', 'u2', '43215'),
      line('c2', 'u2', 'yes'),
    ];
    const r = await runCli(['chat', '--jsonl', '--home', home], {}, input.join('\n') + '\n');
    expect(r.code, r.stderr).toBe(0);
    const [ask, wrong, status, cancelAsk, confirm, cancelled] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { replies: Reply[]; intent: string });
    expect(textOf(ask!)).toMatch(/To look up order 10401, please send the e-mail address or the ZIP\/postcode/);
    expect(textOf(wrong!)).toMatch(/couldn't find order 10401 with those details/);
    expect(textOf(status!)).toMatch(/^Order 10401: Delivered \(placed .*\)\.\n1\. /);
    expect(status!.replies[0]!.suggestions).toContain('Start a return');
    expect(textOf(cancelAsk!)).toMatch(/To look up order 10403/);
    expect(textOf(confirm!)).toMatch(/^Cancel order 10403 .*It has not shipped, so cancelling is free/);
    expect(textOf(cancelled!)).toMatch(/^Order 10403 is cancelled/);

    // The turn log keeps neither the e-mail nor the ZIP code that answered "send the e-mail or postcode".
    const conversations = await openConversationStore('', home);
    try {
      expect((await conversations.turns('c1')).map((t) => t.text)).toEqual(['where is my order [order]?', '[proof]', '[proof]']);
      expect((await conversations.turns('c2')).map((t) => t.text)).toEqual(['please cancel order [order]', '[proof]', 'yes']);
    } finally {
      await conversations.close();
    }
    const orders = await openOrderStore('', home);
    try {
      expect((await orders.get('10403'))!.order.status).toBe('cancelled');
      const trail = await orders.auditTrail({ actor: 'u1' });
      expect(trail.map((a) => [a.action, a.outcome, a.conversation, a.channel])).toEqual([['verify', 'ok', 'c1', 'cli'], ['verify', 'refused', 'c1', 'cli'], ['lookup', 'refused', 'c1', 'cli']]);
    } finally {
      await orders.close();
    }
  });
});
