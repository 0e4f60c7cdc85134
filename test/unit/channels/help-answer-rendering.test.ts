import { Activity } from '@microsoft/agents-activity';
import { describe, expect, it } from 'vitest';
import { renderActivities } from '../../../src/channels/activity-renderer.ts';
import { TEAMS_CHANNEL, TEAMS_LIMITS, activityBytes } from '../../../src/channels/activity-limits.ts';
import { parseTurnAction } from '../../../src/channels/adaptive-cards.ts';
import { turnOfAction } from '../../../src/channels/slack-inbound.ts';
import { renderSlackMessage, turnOfSlackAction } from '../../../src/channels/slack-renderer.ts';
import { renderWidgetReply } from '../../../src/channels/widget-renderer.ts';
import type { Reply } from '../../../src/conversation/reply.ts';
import { ECHO_SOFAS } from '../../support/echo-engine.ts';

/** A help answer as the help desk writes it: quoted text, the article cited (a path on the store's site), thumbs. */
const ANSWER: Reply = {
  text: 'A refund to a credit or debit card takes 5–10 business days to appear.',
  citations: [{ title: 'Refunds', url: '/help/refunds' }],
  feedback: { answer: 'refunds#2' },
  suggestions: ['Track a refund', 'Talk to a person'],
};
/** A store's article title and address written to hurt each channel's markup. */
const HOSTILE: Reply = {
  text: 'x',
  citations: [
    { title: '<b>Returns</b> & [refunds](https://evil.example) *now* <https://evil.example|click> <!channel>', url: '/help/returns?a=(1)' },
    { title: 'Script', url: 'javascript:alert(1)' },
  ],
  feedback: { answer: 'returns#1' },
};
const BASE = 'https://aisle.example';

describe('a help answer in the widget', () => {
  it('carries its sources as links and the answer the thumbs vote on', () => {
    const w = renderWidgetReply(ANSWER);
    expect(w.citations).toEqual([{ title: 'Refunds', url: '/help/refunds' }]);
    expect(w.feedback).toEqual({ answer: 'refunds#2' });
    expect(w.suggestions).toEqual(['Track a refund', 'Talk to a person']);
  });

  it('never passes on an unsafe address: the title stays, as text', () => {
    const w = renderWidgetReply(HOSTILE);
    expect(w.citations![1]).toEqual({ title: 'Script' });
    // Titles stay as the store wrote them: the panel sets them as textContent.
    expect(w.citations![0]!.title).toBe(HOSTILE.citations![0]!.title);
    expect(renderWidgetReply({ text: 'plain' })).toEqual({ text: 'plain' });
  });
});

describe('a help answer in Slack', () => {
  type Loose = { text: string; blocks: Record<string, any>[] };
  const render = (reply: Reply, baseUrl?: string) => renderSlackMessage(reply, { baseUrl }) as unknown as Loose;

  it('shows the source as a context link, absolute from the public address, then thumbs that come back as feedback', () => {
    const { blocks } = render(ANSWER, `${BASE}/`);
    expect(blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `Source: <${BASE}/help/refunds|Refunds>` }] });
    const thumbs = blocks[2]!.elements as { text: { text: string }; action_id: string; value: string }[];
    expect(thumbs.map((b) => b.text.text)).toEqual([':thumbsup: Helpful', ':thumbsdown: Not helpful']);
    expect(thumbs.map((b) => turnOfSlackAction(b.action_id, b.value))).toEqual([
      { action: { type: 'feedback', answer: 'refunds#2', helpful: true } },
      { action: { type: 'feedback', answer: 'refunds#2', helpful: false } },
    ]);
    // The chips still follow.
    expect(blocks.at(-1)!.elements.map((b: { value: string }) => b.value)).toEqual(['Track a refund', 'Talk to a person']);
  });

  it('names a source it cannot link (no public address, or not http) without a link, and escapes every title', () => {
    expect(render(ANSWER).blocks[1]!.elements[0].text).toBe('Source: Refunds');
    const [first, second] = render(HOSTILE, BASE).blocks[1]!.elements.map((e: { text: string }) => e.text);
    expect(first).toBe(`Source: <${BASE}/help/returns?a=(1)|&lt;b&gt;Returns&lt;/b&gt; &amp; [refunds](https://evil.example) *now* &lt;https://evil.example%7Cclick&gt; &lt;!channel&gt;>`.replace('%7C', '|'));
    expect(first).not.toMatch(/<https:\/\/evil|<!channel>/);
    expect(second).toBe('Source: Script');
  });

  it('reads a pressed thumb as a feedback turn in the thread of the answer', () => {
    const [, down] = render(ANSWER).blocks[2]!.elements as { action_id: string; value: string }[];
    const turn = turnOfAction({
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1' }, channel: { id: 'D1' },
      message: { ts: '2.0', thread_ts: '1.0' }, actions: [{ action_id: down!.action_id, value: down!.value }],
    });
    expect(turn).toEqual({ place: { team: 'T1', channel: 'D1', user: 'U1', threadTs: '1.0', direct: true }, input: { action: { type: 'feedback', answer: 'refunds#2', helpful: false } } });
  });

  it('refuses a pressed thumb whose answer the schema would not take', () => {
    expect(turnOfSlackAction('aisle:feedback:yes', 'x'.repeat(501))).toBeUndefined();
  });
});

describe('a help answer as an Activity (Teams, Web Chat)', () => {
  it('appends the source as a Markdown link, absolute from the public address, and puts the thumbs on a card', () => {
    const [a] = renderActivities([ANSWER], { channelId: TEAMS_CHANNEL, links: { baseUrl: BASE } });
    expect(a!.text).toBe(`${ANSWER.text}\n\nSource: [Refunds](${BASE}/help/refunds)`);
    expect(a!.textFormat).toBe('markdown');
    expect(a!.attachments).toHaveLength(1);
    const card = a!.attachments![0]!.content as { actions: { type: string; title: string; data: unknown; fallback: { type: string; data: unknown } }[] };
    expect(card.actions.map((b) => [b.type, b.title, parseTurnAction(b.data), b.fallback.type])).toEqual([
      ['Action.Execute', 'Helpful', { type: 'feedback', answer: 'refunds#2', helpful: true }, 'Action.Submit'],
      ['Action.Execute', 'Not helpful', { type: 'feedback', answer: 'refunds#2', helpful: false }, 'Action.Submit'],
    ]);
    expect(card.actions.map((b) => parseTurnAction(b.fallback.data))).toEqual(card.actions.map((b) => parseTurnAction(b.data)));
    expect(a!.suggestedActions!.actions.map((x) => x.value)).toEqual(['Track a refund', 'Talk to a person']);
    // The Agents SDK's own schema takes it as it goes out.
    expect(Activity.fromObject(a!).textFormat).toBe('markdown');
  });

  it('sends no relative link: without a public address the source is named, not linked', () => {
    const [a] = renderActivities([ANSWER]);
    expect(a!.text).toBe(`${ANSWER.text}\n\nSource: Refunds`);
  });

  it('escapes a title\'s Markdown and encodes the address, so neither can end the link or add one', () => {
    const [a] = renderActivities([HOSTILE], { links: { baseUrl: BASE } });
    const [, first, second] = a!.text.split('\n\n');
    expect(first).toBe(`Source: [\\<b\\>Returns\\</b\\> & \\[refunds\\](https://evil.example) \\*now\\* \\<https://evil.example|click\\> \\<!channel\\>](${BASE}/help/returns?a=%281%29)`);
    expect(second).toBe('Source: Script');
  });

  it('keeps within Teams\' limits: the thumbs card counts among the ten cards, and the sources survive a long text', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...ECHO_SOFAS[0]!, id: `sofa-${i}` }));
    const [a] = renderActivities([{ ...ANSWER, products: many }], { channelId: TEAMS_CHANNEL, links: { baseUrl: BASE } });
    expect(a!.attachments).toHaveLength(TEAMS_LIMITS.maxCards);
    expect(a!.attachments!.at(-1)!.content).toMatchObject({ body: [{ text: 'Was this helpful?' }] });
    const [long] = renderActivities([{ ...ANSWER, text: 'word '.repeat(2000) }], { channelId: TEAMS_CHANNEL, links: { baseUrl: BASE } });
    expect(long!.text.length).toBeLessThanOrEqual(TEAMS_LIMITS.maxTextChars);
    expect(long!.text.endsWith(`Source: [Refunds](${BASE}/help/refunds)`)).toBe(true);
    expect(activityBytes(long) + 2048).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
  });
});
