import { describe, expect, it } from 'vitest';
import { mainDialog } from '../../dialogs/main-dialog.ts';
import { handedOver, shownIds, standInChat, textOf } from './stand-in-chat.ts';

const PASSED_ON = "A person from our team will reply here; I've passed your message on.";

describe('after a handoff, a person has the conversation', () => {
  it('passes further messages on without searching or handing over again, until "start over"', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    expect(handedOver(await chat.say('I want to talk to a real person', 'human_agent'))).toBe(true);
    const searchesBefore = chat.searches.length;
    for (const [text, intent] of [['hello? anyone there?', 'greeting'], ['show me lamps', 'product_search'], ['get me a human', 'human_agent'], ['asdf', 'not_sure']] as const) {
      const replies = await chat.say(text, intent);
      expect(textOf(replies), text).toBe(PASSED_ON);
      expect(handedOver(replies), text).toBe(false);
    }
    expect(chat.searches).toHaveLength(searchesBefore);
    // The state survives being stored.
    const restored = standInChat(mainDialog.restore(JSON.parse(JSON.stringify(chat.state)))!);
    expect(textOf(await restored.say('cheaper', 'refine_results'))).toBe(PASSED_ON);
    expect(textOf(await restored.say('start over', 'cancel_flow'))).toMatch(/start over/);
    expect(shownIds(await restored.say('show me lamps', 'product_search')).length).toBeGreaterThan(0);
  });

  it('the handoff after repeated misunderstandings also stays, and "start over" leaves it even when misread', async () => {
    const chat = standInChat();
    await chat.play([['zxqv', 'not_sure', {}, 0.2], ['plonk', 'not_sure', {}, 0.2]]);
    expect(handedOver(await chat.say('frotz', 'not_sure', {}, 0.2))).toBe(true);
    expect(textOf(await chat.say('blorp', 'not_sure', {}, 0.2))).toBe(PASSED_ON);
    expect(textOf(await chat.say('Start over', 'greeting', {}, 0.4))).toMatch(/start over/);
    expect(chat.state.handedOff).toBeUndefined();
  });
});
