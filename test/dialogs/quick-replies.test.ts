import { describe, expect, it } from 'vitest';
import { shownIds, standInChat } from './stand-in-chat.ts';

const COMPARE = 'Compare the first two';

describe('quick replies after results', () => {
  it('offer "Compare the first two" only when two products are on screen', async () => {
    const chat = standInChat();
    const one = await chat.say('stoneware mug', 'product_search');
    expect(shownIds(one)).toEqual(['mug-stoneware']);
    expect(one[0]!.suggestions).toEqual(['Show more', 'Cheaper', 'Only in stock']);
    const about = await chat.say('tell me about it', 'product_question');
    expect(about[0]!.suggestions).toEqual(['Add to cart', 'Show similar']);

    const lamps = await chat.say('lamps', 'product_search');
    expect(shownIds(lamps).length).toBeGreaterThanOrEqual(2);
    expect(lamps[0]!.suggestions).toContain(COMPARE);
    expect((await chat.say('tell me about the first one', 'product_question'))[0]!.suggestions).toContain(COMPARE);
  });
});
