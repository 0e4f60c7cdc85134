import { describe, expect, it } from 'vitest';
import { handoffEventsOn, handoffInitiation, transcriptOf } from '../../../src/channels/activity-handoff.ts';
import { TEAMS_LIMITS, activityBytes } from '../../../src/channels/activity-limits.ts';
import type { TurnLogEntry } from '../../../src/storage/conversation-store.ts';

const shopper = { id: 'u1', role: 'user' };
const bot = { id: 'b1', role: 'bot' };
const relatesTo = { conversation: { id: 'c1' }, channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' } as const;

function turn(seq: number, text: string | null, reply: string): TurnLogEntry {
  return {
    conversation: 'c1', user: 'u1', seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), text, action: null,
    intent: 'not_sure', confidence: 0, slots: {}, shown: [], reply,
  };
}

describe('handoff.initiate', () => {
  it('writes each turn as the shopper\'s message then the bot\'s; a button press adds only the bot\'s', () => {
    const messages = transcriptOf([turn(1, 'sofas', 'Here are sofas.'), turn(2, null, 'Added.')], 'c1', shopper, bot);
    expect(messages.map((m) => [m.from.role, m.text, m.timestamp])).toEqual([
      ['user', 'sofas', '2026-01-01T00:00:01.000Z'], ['bot', 'Here are sofas.', '2026-01-01T00:00:01.000Z'], ['bot', 'Added.', '2026-01-01T00:00:02.000Z'],
    ]);
  });

  it('drops the oldest messages until the event fits the channel, keeping the newest', () => {
    const turns = Array.from({ length: 50 }, (_, i) => turn(i + 1, `message ${i + 1} ${'x'.repeat(400)}`, `reply ${i + 1} ${'y'.repeat(400)}`));
    const event = handoffInitiation({ id: 'h1', reason: 'requested', summary: 'wants a sofa' }, transcriptOf(turns, 'c1', shopper, bot), relatesTo, 'msteams');
    const kept = event.attachments[0].content;
    expect(activityBytes(event)).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(100);
    expect(kept.at(-1)!.text).toMatch(/^reply 50 /);
    expect(event.value).toEqual({ aisleHandoffId: 'h1', reason: 'requested', summary: 'wants a sofa' });
  });

  it('is sent only on the channels named, or all with *', () => {
    const turns = async () => [];
    expect(handoffEventsOn(undefined, 'directline')).toBe(false);
    expect(handoffEventsOn({ channels: ['directline'], turns }, 'msteams')).toBe(false);
    expect(handoffEventsOn({ channels: ['directline'], turns }, 'directline')).toBe(true);
    expect(handoffEventsOn({ channels: ['*'], turns }, 'msteams')).toBe(true);
  });
});
