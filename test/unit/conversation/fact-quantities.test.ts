import { describe, expect, it } from 'vitest';
import { compareAsked, dimensionsAsked, dimensionsOf, quantitiesIn } from '../../../src/conversation/fact-quantities.ts';
import { readQuestion } from '../../../src/conversation/question-text.ts';

const words = (q: string) => readQuestion(q, new Set()).words;

describe('quantities with their units', () => {
  it('reads numbers, ranges and units from record values, in base units', () => {
    expect(quantitiesIn('1-3 years')).toEqual([{ min: 8766, max: 3 * 8766, dimension: 'time' }]);
    expect(quantitiesIn('8-person')).toEqual([{ min: 8, max: 8, dimension: 'count' }]);
    expect([...dimensionsOf('17" W x 24" D x 24" H')]).toEqual(['length']);
    expect([...dimensionsOf('32 oz')].sort()).toEqual(['volume', 'weight']);
    expect([...dimensionsOf('12 MP')]).toEqual(['photo-resolution']);
    expect(quantitiesIn('Queen')).toEqual([]);
  });

  it('tells what a question asks for: by a number, a unit word or its meaning', () => {
    expect([...dimensionsAsked(words('does it film in 4k')).explicit]).toEqual(['video-resolution']);
    expect([...dimensionsAsked(words('tog rating?')).units]).toEqual(['warmth']);
    expect([...dimensionsAsked(words('how heavy is it')).meant]).toEqual(['weight']);
    expect([...dimensionsAsked(words('how much does it hold')).meant]).toContain('volume');
    expect([...dimensionsAsked(words('how much room does it take up?')).meant]).toContain('length');
    // A function word or a body part is no unit.
    expect(dimensionsAsked(words('what is the second one made of?')).explicit.size).toBe(0);
    expect(dimensionsAsked(words('are these good for wide feet')).explicit.size).toBe(0);
  });

  it('compares a number the shopper gives with a range or a limit, across units', () => {
    expect(compareAsked(words('ok for a 2 yr old'), '1-3 years', false)).toBe(true);
    expect(compareAsked(words('my son just turned 2, can he play with it'), '3-5 years', false)).toBe(false);
    expect(compareAsked(words('im 280 lbs will it hold me'), '250 lb', true)).toBe(false);
    expect(compareAsked(words('will it hold 100 kg'), '250 lb', true)).toBe(true);
    expect(compareAsked(words('my baby is 18 months'), '1-3 years', false)).toBe(true);
    expect(compareAsked(words('for a 6 month old'), '1-3 years', false)).toBe(false);
    // Different kinds of measure are never compared.
    expect(compareAsked(words('im 280 lbs'), '3-5 years', false)).toBe(undefined);
  });
});
