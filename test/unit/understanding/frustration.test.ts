import { describe, expect, it } from 'vitest';
import { declinesPerson } from '../../../src/understanding/declined-person.ts';
import { FRUSTRATED, readFrustration } from '../../../src/understanding/frustration.ts';

const frustrated = (text: string) => readFrustration(text).score >= FRUSTRATED;

describe('readFrustration', () => {
  it.each([
    'THIS BOT IS USELESS',
    'wtf is wrong with you',
    "i've explained it three times already",
    "I'll be filing a chargeback with my card issuer",
    'this is a joke, worst service ever',
    '😡 still nothing',
  ])('reads "%s" as losing patience', (text) => {
    expect(frustrated(text)).toBe(true);
  });

  it.each([
    'these are fucking gorgeous',
    'a gift for Sue',
    'tell me a joke',
    'I wash it 3 times a week',
    'ugh, too pricey',
    'Hello there!',
    'NEW ARRIVALS?',
  ])('does not read "%s" as losing patience', (text) => {
    expect(frustrated(text)).toBe(false);
  });

  it('says which signs it saw', () => {
    expect(readFrustration('THIS IS USELESS!!').signs).toEqual(['shouting', 'exclamation', 'contempt']);
  });
});

describe('declinesPerson', () => {
  it.each(['No agent needed, thanks.', 'nah dont need a human just lmk if it ships by fri', "Please don't pass me to anyone, I waited an hour last time"])('"%s" declines a person', (text) => {
    expect(declinesPerson(text)).toBe(true);
  });

  it.each(['no i dont want more suggestions i want a human being', 'No, not another link. Transfer me to customer support.', 'I do not want a bot, I want a person', 'can i talk to someone',
    "you're not understanding me. can someone from your team help instead", 'not you, a person', 'i do not know how to contact a person'])('"%s" still asks for one', (text) => {
    expect(declinesPerson(text)).toBe(false);
  });
});
