import { describe, expect, it } from 'vitest';
import { evidenceScore } from '../../../src/conversation/answer-evidence.ts';
import { answerFromFields } from '../../../src/conversation/product-facts.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

const product = (title: string, fields: Partial<Product>): Product => ({ ...emptyProduct(title.toLowerCase(), title), ...fields });
const ask = (p: Product, question: string) => answerFromFields(p, question);
const DOES_NOT_SAY = /^The product page doesn't say/;
const QUOTE = /^The product page says: "/;

const withSentence = (description: string, fields: Partial<Product> = {}) => product('Camp Mug', { category: ['Kitchen', 'Drinkware'], description, ...fields });

describe('answer evidence: yes or no only when the text settles it', () => {
  it('quotes, without a yes, a sentence that holds the word asked about only by a related word', () => {
    const mug = withSentence('Backed by a 30-day satisfaction guarantee.');
    expect(ask(mug, 'does it have a warranty').text).toMatch(QUOTE);
    expect(ask(mug, 'is there a guarantee').text).toMatch(/^Yes — /);
  });

  it('does not take a sentence naming the thing for a yes to whether it is needed', () => {
    expect(ask(withSentence('Batteries are rechargeable by USB-C.'), 'does it need batteries').text).toMatch(QUOTE);
    expect(ask(withSentence('Batteries not required.'), 'does it need batteries').text).toMatch(/^No — /);
  });

  it('quotes a sentence that mentions what it should suit without saying it is for it', () => {
    const shoe = (d: string) => product('Trail Shoe', { category: ['Shoes', 'Running Shoes'], description: d });
    expect(ask(shoe('A rock plate protects feet from sharp stones on trails.'), 'are they good for trail running').text).toMatch(QUOTE);
    expect(ask(shoe('Made for trail running and hikes.'), 'are they good for trail running').text).toMatch(/^Yes — /);
  });

  it('quotes a sentence that says it only under a condition or as a hedge', () => {
    expect(ask(withSentence('May keep coffee hot on short trips.'), 'will it keep my coffee hot').text).toMatch(QUOTE);
    expect(ask(withSentence('Keeps coffee hot for hours.'), 'will it keep my coffee hot').text).toMatch(/^Yes — /);
  });

  it('says neither yes nor no when another sentence on the same words gives the other verdict', () => {
    const mug = withSentence('The lid is dishwasher safe. The mug is not dishwasher safe.');
    expect(ask(mug, 'is it dishwasher safe').text).not.toMatch(/^(Yes|No)\b/);
  });
});

describe('answer evidence: a fact that does not answer the clause that asks', () => {
  it('gives a fact that explains only the shopper\'s context as context, not as the answer', () => {
    const heels = product('Kitten Heels', { category: ['Shoes', 'Heels'], sizes: ['US 6.5', 'US 7', 'US 7.5'] });
    const answer = ask(heels, 'do they run small? im usually between a 7 and 7.5');
    expect(answer.known).toBe(false);
    expect(answer.text).toMatch(DOES_NOT_SAY);
    expect(answer.text).toContain('US 7.5');
  });

  it('abstains when a yes/no question asks what is needed and the fact only measures it', () => {
    const mower = product('Cordless Mower', { category: ['Garden', 'Mowers'], attributes: { battery_life: '60 minutes' } });
    expect(ask(mower, 'do i have to buy the battery on top').known).toBe(false);
    expect(ask(mower, 'how long does the battery last').text).toBe('Battery life: 60 minutes.');
  });

  it('still quotes a fact about the thing the question turns on when the rest is context', () => {
    const desk = product('Standing Desk', { category: ['Office', 'Desks'], attributes: { weight_capacity: '150 lb' } });
    expect(ask(desk, 'will it hold two monitors and a pc tower?').text).toBe('Weight capacity: 150 lb.');
  });
});

describe('evidenceScore', () => {
  const base = { coverage: 1, head: 'word', contextOnly: false, conditional: false, necessityUnsaid: false, focusUnused: false, anchored: false } as const;
  it('weighs coverage by how the word the question turns on is matched, and is 0 on context alone', () => {
    expect(evidenceScore(base)).toBe(1);
    expect(evidenceScore({ ...base, head: 'meaning' })).toBeLessThan(1);
    expect(evidenceScore({ ...base, coverage: 0.5, head: 'none' })).toBe(0.25);
    expect(evidenceScore({ ...base, contextOnly: true })).toBe(0);
  });
});
