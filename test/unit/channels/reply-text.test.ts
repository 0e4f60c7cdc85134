import { describe, expect, it } from 'vitest';
import { renderActivities } from '../../../src/channels/activity-renderer.ts';
import { replyText } from '../../../src/channels/reply-text.ts';
import { renderSlackMessage } from '../../../src/channels/slack-renderer.ts';
import { renderWidgetReply } from '../../../src/channels/widget-renderer.ts';
import type { Reply } from '../../../src/conversation/reply.ts';

describe('replyText: the one wording of a reply in every channel', () => {
  const cases: [Reply, string][] = [
    [{ text: 'Here are sofas.' }, 'Here are sofas.'],
    [{ text: '', actions: [{ type: 'add_to_cart', productId: 'P1', quantity: 1 }] }, 'Adding that to your cart.'],
    [{ text: '', actions: [{ type: 'remove_from_cart', productId: 'P1', quantity: 1 }] }, 'Taking that out of your cart.'],
  ];
  it.each(cases)('%j says %s, the same in the widget, Slack and Activities', (reply, words) => {
    expect(replyText(reply)).toBe(words);
    expect(renderWidgetReply(reply).text).toBe(words);
    expect(renderSlackMessage(reply).text).toBe(words);
    expect(renderActivities([reply])[0]!.text).toBe(words);
  });
});
