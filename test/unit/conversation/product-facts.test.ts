import { describe, expect, it } from 'vitest';
import { answerFromFields, factLabel } from '../../../src/conversation/product-facts.ts';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

const SOFA: Product = {
  ...emptyProduct('sofa-harbor', 'Harbor Linen Sofa'),
  price: 849, currency: 'USD', brand: 'Nordhaus', category: ['Furniture', 'Sofas'], colors: ['Navy Blue', 'Grey'],
  rating: 4.6, reviewCount: 210, availability: 'in_stock', stock: 3,
  attributes: { 'Seat Height': '45 cm', 'Assembly Required': 'No' },
  description: 'Three seat sofa with deep cushions. Ships flat packed.',
};
const sofa = (fields: Partial<Product>): Product => ({ ...SOFA, ...fields });

describe('answerFromFields', () => {
  it('answers the price, noting when options differ', () => {
    expect(answerFromFields(SOFA, 'how much is it?')).toEqual({ text: 'Harbor Linen Sofa costs $849.00.', known: true });
    const variants = [{ sku: 'a', price: 849, options: {}, availability: 'in_stock' as const }, { sku: 'b', price: 999, options: {}, availability: 'in_stock' as const }];
    expect(answerFromFields(sofa({ variants }), 'what does it cost').text).toBe('Harbor Linen Sofa costs $849.00 (the lowest of its options).');
  });

  it('says when the catalog has no price, and that it does not know', () => {
    expect(answerFromFields(sofa({ price: undefined }), 'how much?')).toEqual({ text: 'The catalog does not list a price for Harbor Linen Sofa.', known: false });
  });

  it.each([
    ['in_stock', 'Harbor Linen Sofa is in stock (3 left).', true],
    ['out_of_stock', 'Harbor Linen Sofa is out of stock at the moment.', true],
    ['preorder', 'Harbor Linen Sofa is available to pre-order.', true],
    ['backorder', 'Harbor Linen Sofa is on back order: you can order it now and it ships when restocked.', true],
    ['unknown', 'The catalog does not say whether Harbor Linen Sofa is in stock.', false],
  ] as const)('answers stock when %s', (availability, text, known) => {
    expect(answerFromFields(sofa({ availability }), 'is it in stock?')).toEqual({ text, known });
  });

  it('answers yes or no to a colour, by any word of the catalog colour, quoting the catalog', () => {
    expect(answerFromFields(SOFA, 'does it come in blue?', { colors: ['blue'] }).text).toBe('Yes: Harbor Linen Sofa comes in Navy Blue.');
    expect(answerFromFields(SOFA, 'is there a gray one?', { colors: ['Gray'] }).text).toBe('Yes: Harbor Linen Sofa comes in Grey.');
    expect(answerFromFields(SOFA, 'do you have it in red?', { colors: ['red'] }))
      .toEqual({ text: 'No, not in red: the catalog lists Harbor Linen Sofa in Navy Blue, Grey.', known: true });
  });

  it('says the catalog does not list a material rather than guessing', () => {
    expect(answerFromFields(SOFA, 'what is it made of?')).toEqual({ text: 'The catalog does not list materials for Harbor Linen Sofa.', known: false });
    expect(answerFromFields(SOFA, 'is it oak?', { materials: ['Oak'] }).text)
      .toBe("The catalog does not list materials for Harbor Linen Sofa, so I can't confirm Oak.");
    expect(answerFromFields(sofa({ materials: ['Linen'] }), 'what fabric is it?').text).toBe('It is made of Linen.');
  });

  it('looks up a free-form attribute by the words of its name, written as words', () => {
    expect(answerFromFields(SOFA, "what's the seat height?")).toEqual({ text: 'Seat height: 45 cm.', known: true });
    expect(answerFromFields(SOFA, 'is assembly required?').text).toBe('No — Assembly required: No.');
  });

  it('answers each topic asked, and is known when any of them is', () => {
    const both = answerFromFields(sofa({ materials: [] }), 'how much is it and what material?');
    expect(both.text).toBe('Harbor Linen Sofa costs $849.00. The catalog does not list materials for Harbor Linen Sofa.');
    expect(both.known).toBe(true);
  });

  it('answers rating and brand, or says they are missing', () => {
    expect(answerFromFields(SOFA, 'any good reviews?').text).toBe('Rated 4.6 out of 5 from 210 reviews.');
    expect(answerFromFields(sofa({ brand: undefined }), 'who makes it?')).toEqual({ text: 'The catalog does not name a brand for Harbor Linen Sofa.', known: false });
  });

  it('sums the product up when the question names no topic', () => {
    const { text, known } = answerFromFields(SOFA, 'tell me about it');
    expect(known).toBe(true);
    expect(text).toBe('Harbor Linen Sofa by Nordhaus: $849.00. Rated 4.6/5 (210 reviews). Colours: Navy Blue, Grey. '
      + 'Harbor Linen Sofa is in stock (3 left). Three seat sofa with deep cushions.');
  });

  it('names the brand once, even when the title already does', () => {
    const lead = (title: string, brand = 'Wickerly') => answerFromFields(sofa({ title, brand }), 'tell me about it').text.split(':')[0];
    expect(lead('Coastal Dusty Rose Bar Stool by Wickerly')).toBe('Coastal Dusty Rose Bar Stool by Wickerly');
    expect(lead('Wickerly All-Weather Outdoor Lantern, Warm White')).toBe('Wickerly All-Weather Outdoor Lantern, Warm White');
    expect(lead('Mug by Kettle & Crumb', 'Kettle & Crumb')).toBe('Mug by Kettle & Crumb');
    // A brand that is only part of a word is no mention of it.
    expect(lead('Wickerlyish Stool')).toBe('Wickerlyish Stool by Wickerly');
  });

  it('says "1 review", not "1 reviews"', () => {
    expect(answerFromFields(sofa({ reviewCount: 1 }), 'tell me about it').text).toContain('Rated 4.6/5 (1 review).');
    expect(answerFromFields(sofa({ reviewCount: 1 }), 'any good reviews?').text).toBe('Rated 4.6 out of 5 from 1 review.');
  });
});

const SPEAKER: Product = {
  ...emptyProduct('speaker-1', 'Atlas Soundbar'),
  category: ['Electronics', 'Audio', 'Speakers'],
  attributes: {
    battery_life: '24 hours', connectivity: 'Bluetooth 5.3', water_resistance: 'IPX4', refresh_rate: '120 Hz',
    assembly_required: 'yes', induction_compatible: 'no', bulb: 'E26 bulb, not included', adjustable_lumbar: 'no',
    heel_height: '2 in', dimensions: '36" W x 4" D x 3" H', oven_safe_to: '450°F',
  },
  description: 'A slim soundbar for movie nights. Backed by a two-year guarantee. Dishwasher safe on the top rack.',
};
const speaker = (fields: Partial<Product>): Product => ({ ...SPEAKER, ...fields });
const ask = (question: string, p: Product = SPEAKER) => answerFromFields(p, question).text;

describe('answerFromFields on attributes and description', () => {
  it('says yes or no only from a value that is one, or that holds the word asked about', () => {
    expect(ask('does it need assembly?')).toBe('Yes — Assembly required: yes.');
    expect(ask('does it come assembled?')).toBe('No — Assembly required: yes.');
    expect(ask('can i use it on an induction hob')).toBe('No — Induction compatible: no.');
    expect(ask('is the bulb included?')).toBe('No — Bulb: E26 bulb, not included.');
    expect(ask('r they bluetooth')).toBe('Yes — Connectivity: Bluetooth 5.3.');
    expect(ask('is it oven safe?')).toBe('Yes — Oven safe to: 450°F.');
  });

  it('quotes the value with its unit, the field named in words', () => {
    expect(ask("what's the refresh rate?")).toBe('Refresh rate: 120 Hz.');
    expect(ask('how long does the battery last on this')).toBe('Battery life: 24 hours.');
    expect(ask('how wide is it?')).toBe('Dimensions: 36" W x 4" D x 3" H.');
    expect(ask('is it waterprof')).toBe('Water resistance: IPX4.');
  });

  it('names every attribute of the demo catalog in words and quotes its value as written', () => {
    for (const p of generateDemoCatalog({ seed: 7, count: 200 })) {
      for (const [name, value] of Object.entries(p.attributes)) {
        const text = answerFromFields(p, `what's the ${name.replace(/_/g, ' ')}?`).text;
        expect(text, `${p.id} ${name}`).toContain(`${factLabel(name)}: ${value}`);
        expect(text).not.toMatch(/[a-z]_[a-z]/);
      }
    }
  });

  it('writes field names as words', () => {
    expect(['refresh_rate', 'max_tv_size', 'Seat Height', 'spf', 'batteryLife', 'oven_safe_to'].map(factLabel))
      .toEqual(['Refresh rate', 'Max TV size', 'Seat height', 'SPF', 'Battery life', 'Oven safe to']);
  });

  it('answers from a description sentence that holds every word asked about', () => {
    expect(ask('is it dishwasher safe?')).toBe('Yes — the product page says: "Dishwasher safe on the top rack."');
    const toy = speaker({ attributes: {}, description: 'A wooden tea set. Batteries not required.' });
    expect(ask('does it need batteries?', toy)).toBe('No — the product page says: "Batteries not required."');
    expect(ask("what's the warranty?")).toBe('The product page says: "Backed by a two-year guarantee."');
  });

  it("says the product page doesn't say when nothing in the record matches, and does not know", () => {
    expect(answerFromFields(SPEAKER, 'does it have a remote?')).toEqual({ text: "The product page doesn't say.", known: false });
    expect(ask('is it machine washable?', speaker({ description: '' }))).toBe("The product page doesn't say.");
  });

  it('quotes the nearest sentence when one is about the same thing', () => {
    const p = speaker({ attributes: {}, description: 'A slim soundbar. Rated to shrug off splashes and sweat.' });
    expect(ask('can i swim with it?', p)).toBe(`The product page doesn't say that in so many words. The closest it comes: "Rated to shrug off splashes and sweat."`);
  });

  it('never claims what the record does not hold', () => {
    expect(ask('is it waterproof?')).toBe('Water resistance: IPX4.');
    expect(ask('is it 60hz?')).toBe('Refresh rate: 120 Hz.');
    expect(ask('does it have bluetooth?', speaker({ attributes: { connectivity: 'Wi-Fi 6' } }))).toBe('Connectivity: Wi-Fi 6.');
    expect(ask('are the armrests adjustable?')).toBe("The product page doesn't say.");
    expect(ask('does it have lumbar support?')).toBe('Adjustable lumbar: no.');
    expect(ask('is the battery included?')).toMatch(/^The product page doesn't say/);
    expect(ask("what's the heel drop?")).toMatch(/^The product page doesn't say/);
    expect(ask('how long does it take to charge?')).toMatch(/^The product page doesn't say/);
    expect(ask('how many hdmi ports?', speaker({ attributes: { connectivity: 'Wi-Fi, Bluetooth, HDMI 2.1' } }))).toMatch(/^The product page doesn't say/);
  });

  it('says yes on demo products only when the record holds the word asked about', () => {
    const asks: [string, RegExp][] = [['is it waterproof?', /waterproof/i], ['does it have bluetooth?', /bluetooth/i], ['is it dishwasher safe?', /dishwasher/i]];
    for (const p of generateDemoCatalog({ seed: 11, count: 300 })) {
      const record = [p.title, p.description, ...p.materials, ...Object.values(p.attributes)].join(' ');
      for (const [question, word] of asks) {
        if (answerFromFields(p, question).text.startsWith('Yes')) expect(record, `${p.id}: ${question}`).toMatch(word);
      }
    }
  });
});
