import { describe, expect, it } from 'vitest';
import { readYesNo, waivesChoice } from '../../../dialogs/yes-no.ts';

describe('reading a yes or a no', () => {
  it.each([
    ['yes', 'yes'], ['Yes please!', 'yes'], ['sure thing', 'yes'], ['ok do it', 'yes'], ['yeah go ahead', 'yes'],
    ['oh yes', 'yes'], ['Yes, connect me', 'yes'], ['sure, no rush', 'yes'],
    ['no', 'no'], ["nah I'm good", 'no'], ['not now', 'no'], ['ok, no thanks', 'no'], ['No thanks', 'no'], ['nope', 'no'], ['maybe later', 'no'],
    ['I don\u2019t mind', undefined], ['what colours does it come in', undefined], ['no, show me some lamps instead please', undefined], ['lamps', undefined],
  ] as const)('"%s" → %s', (text, answer) => {
    expect(readYesNo(text)).toBe(answer);
  });

  it('a choice is waived by a no or by "any is fine", not by naming something', () => {
    for (const text of ['no', 'not really', 'any is fine', "doesn't matter", 'no preference', 'either']) expect(waivesChoice(text), text).toBe(true);
    for (const text of ['any red ones?', 'Lumo', 'yes']) expect(waivesChoice(text), text).toBe(false);
  });
});
