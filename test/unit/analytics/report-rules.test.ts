import { describe, expect, it } from 'vitest';
import { assistedConversations } from '../../../src/analytics/conversion.ts';
import { groupQuestions } from '../../../src/analytics/question-groups.ts';
import { createTurnTally } from '../../../src/analytics/turn-tally.ts';
import { isQuestionShaped, unansweredWhy, type UnansweredQuestion } from '../../../src/analytics/unanswered.ts';
import { parseSince } from '../../../src/cli/report-command.ts';
import type { TurnLogEntry } from '../../../src/storage/conversation-store.ts';

let seq = 0;
const turn = (over: Partial<TurnLogEntry>): TurnLogEntry => ({
  conversation: 'c1', user: 'u1', seq: ++seq, at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(), text: 'hi', action: null,
  intent: 'greeting', confidence: 1, slots: {}, shown: [], reply: '', ...over,
});

describe('unanswered questions: the definition', () => {
  it('counts a service topic met with "a person can help" and no answer, and an unclear question', () => {
    expect(unansweredWhy(turn({ text: 'I want to return my jacket', intent: 'start_return', outcome: { offeredPerson: true } }))).toBe('no_answer');
    expect(unansweredWhy(turn({ text: 'do you do gift wrapping?', intent: 'not_sure', outcome: { offeredPerson: true } }))).toBe('no_answer');
    expect(unansweredWhy(turn({ text: 'whats the weather tomorrow', intent: 'out_of_scope', outcome: {} }))).toBe('not_understood');
  });

  it('never counts an answer, products shown, a handoff, a button, or an unclear statement', () => {
    expect(unansweredWhy(turn({ text: 'returns?', intent: 'return_policy', outcome: { offeredPerson: true, answer: { id: 'r#1', citations: ['/help/r'] } } }))).toBeUndefined();
    expect(unansweredWhy(turn({ text: 'any lamps?', intent: 'not_sure', shown: ['p1'] }))).toBeUndefined();
    expect(unansweredWhy(turn({ text: 'human please?', intent: 'human_agent', outcome: { handoff: 'requested' } }))).toBeUndefined();
    expect(unansweredWhy(turn({ text: null, action: { type: 'show_more' }, intent: 'not_sure' }))).toBeUndefined();
    expect(unansweredWhy(turn({ text: 'blorp zzz', intent: 'not_sure' }))).toBeUndefined();
    expect(isQuestionShaped('How long does it take')).toBe(true);
    expect(isQuestionShaped('sofas')).toBe(false);
  });

  it('skips messages for the person after a handoff until "start over"; a thumbs down counts its question once', () => {
    const tally = createTurnTally();
    const asked = turn({ text: 'what is your return policy?', intent: 'return_policy', outcome: { answer: { id: 'returns#1', citations: [] } } });
    for (const t of [
      asked,
      turn({ text: null, action: { type: 'feedback', answer: 'returns#1', helpful: false }, intent: 'not_sure' }),
      turn({ text: null, action: { type: 'feedback', answer: 'returns#1', helpful: false }, intent: 'not_sure' }),
      turn({ text: 'talk to a human', intent: 'human_agent', outcome: { handoff: 'requested' } }),
      turn({ text: 'what is taking so long?', intent: 'not_sure', outcome: {} }),
      turn({ text: 'start over', intent: 'cancel_flow' }),
      turn({ text: 'why is the sky blue?', intent: 'out_of_scope', outcome: {} }),
    ]) tally.add(t);
    expect(tally.unanswered.map((q) => [q.text, q.why])).toEqual([['what is your return policy?', 'answer_rejected'], ['why is the sky blue?', 'not_understood']]);
    expect([tally.thumbsDown, tally.handoffTurns, tally.conversations.get('c1')?.handedOff]).toEqual([2, 1, true]);
  });
});

describe('grouping and conversion', () => {
  const q = (text: string, n = 1): UnansweredQuestion[] => Array.from({ length: n }, (_, i) => ({ text, conversation: `c-${text}-${i}`, seq: 1, at: `2026-01-0${i + 1}T00:00:00.000Z`, intent: 'not_sure', why: 'no_answer' }));

  it('groups wordings by shared words without a model, most asked first, the commonest wording representing each', async () => {
    const g = await groupQuestions([...q('Do you do gift wrapping?'), ...q('is gift wrapping available?', 3), ...q('do you ship to Canada?', 2), ...q('Is Gift Wrapping available')]);
    expect(g.method).toBe('lexical');
    expect(g.groups.map((x) => [x.count, x.representative, x.examples.map((e) => e.text)])).toEqual([
      [5, 'is gift wrapping available?', ['is gift wrapping available?', 'Do you do gift wrapping?']],
      [2, 'do you ship to Canada?', ['do you ship to Canada?']],
    ]);
    expect(g.groups[0]!.examples[0]).toMatchObject({ count: 4, conversation: 'c-is gift wrapping available?-2' });
  });

  it('credits a conversation with an order of its shopper from its first turn to 7 days after its last', () => {
    const spans = new Map([['c1', { user: 'u1', first: '2026-01-01T10:00:00.000Z', last: '2026-01-01T10:05:00.000Z', handedOff: false }],
      ['c2', { user: 'u2', first: '2026-01-01T10:00:00.000Z', last: '2026-01-01T10:05:00.000Z', handedOff: false }]]);
    expect(assistedConversations(spans, [{ user: 'u1', at: '2026-01-08T10:04:00.000Z' }, { user: 'u2', at: '2026-01-09T00:00:00.000Z' }])).toBe(1);
    expect(assistedConversations(spans, [{ user: 'u1', at: '2025-12-31T00:00:00.000Z' }])).toBe(0);
    expect(assistedConversations(spans, [{ user: 'other', at: '2026-03-01T00:00:00.000Z', conversation: 'c2' }])).toBe(1);
  });

  it('reads --since as a UTC day, an ISO time or days ago', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(parseSince('2026-11-01', now)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('2026-11-28T09:30:00+01:00', now)?.toISOString()).toBe('2026-11-28T08:30:00.000Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(() => parseSince('yesterday', now)).toThrow(/YYYY-MM-DD/);
    expect(() => parseSince('2026-13-45', now)).toThrow(/not a date/);
  });
});
