import { describe, expect, it } from 'vitest';
import { answerFromFields } from '../../../src/conversation/product-facts.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

const product = (title: string, fields: Partial<Product>): Product => ({ ...emptyProduct(title.toLowerCase(), title), ...fields });
const ask = (p: Product, question: string) => answerFromFields(p, question).text;
const DOES_NOT_SAY = /^The product page doesn't say/;

const TOY = product('Tool Bench', {
  category: ['Toys', 'Pretend Play'], attributes: { age_range: '3-5 years' },
  description: 'This imaginative tool bench turns rainy afternoons into an adventure. Kids can hammer and fix things next to you.',
});
const BIKE = product('Exercise Bike', {
  category: ['Sports', 'Fitness'], attributes: { weight_capacity: '250 lb', dimensions: '79" W x 20" D x 41" H' },
  description: 'Low-impact cardio for knees and spin classes.',
});
const KAYAK = product('Inflatable Kayak', { category: ['Outdoor', 'Water Sports'], attributes: { weight: '40 lb' }, description: 'Packs into a bag that fits in the car boot, with no roof rack needed.' });
const HEELS = product('Kitten Heels', {
  category: ['Shoes', 'Heels'], sizes: ['US 6.5', 'US 7', 'US 7.5'], materials: ['leather'], attributes: { heel_height: '4 in' },
});
const PLANTER = product('Self-Watering Planter', {
  category: ['Garden', 'Planters'], sizes: ['8 in'],
  description: 'A reservoir keeps plants watered while you are away. Store seeds in a cool, dry place until planting. Dust with a soft cloth.',
});

describe('answerFromFields: numbers with their units', () => {
  it('says no to a number outside a range or over a limit, and quotes the range inside it', () => {
    expect(ask(TOY, 'my son just turned 2, can he play with this?')).toBe('No — Age range: 3-5 years.');
    expect(ask(TOY, 'ok for a 4 year old?')).toBe('Age range: 3-5 years.');
    expect(ask(BIKE, 'im 280 lbs will it hold me')).toBe('No — Weight capacity: 250 lb.');
  });

  it('answers a measurement asked by its meaning from the one fact that measures it', () => {
    expect(ask(BIKE, 'how much room does it take up? its going in a small spare room')).toBe('Dimensions: 79" W x 20" D x 41" H.');
    expect(ask(HEELS, 'how many inches is the heel')).toBe('Heel height: 4 in.');
    expect(ask(product('Tumbler', { category: ['Kitchen', 'Drinkware'], sizes: ['32 oz'] }), 'how much does it hold')).toBe('Sizes: 32 oz.');
  });

  it('does not answer with a fact that measures something else', () => {
    expect(ask(product('Action Camera', { attributes: { resolution: '12 MP' } }), 'does it film in 4k')).toMatch(DOES_NOT_SAY);
    expect(ask(KAYAK, 'max weight it can carry?')).toMatch(DOES_NOT_SAY);
    // "Queen" is a size, not a measurement.
    expect(answerFromFields(product('Canopy Bed', { sizes: ['Queen'] }), 'how tall is it?').known).toBe(false);
  });
});

describe('answerFromFields: sizes, options and sentences', () => {
  it('answers a size named in a yes/no question from the complete list of sizes', () => {
    expect(ask(HEELS, 'do u have them in an 8')).toBe('No — sizes: US 6.5, US 7, US 7.5.');
    expect(ask(HEELS, 'do they come in a 7')).toBe('Yes — it comes in US 7 (sizes: US 6.5, US 7, US 7.5).');
    expect(ask(product('Quilt', { sizes: ['Full', 'Queen', 'King'] }), 'will this fit a queen bed')).toMatch(/^Yes — it comes in Queen/);
  });

  it('answers either/or with the option the record holds', () => {
    const blender = product('Blender', { category: ['Kitchen', 'Blenders'], materials: ['stainless steel', 'glass'] });
    expect(ask(blender, 'glass jar or plastic')).toBe('It is made of stainless steel, glass.');
    const stool = product('Swivel Stool', { category: ['Furniture', 'Bar Stools'], attributes: { seat_height: '24" counter height' } });
    expect(ask(stool, 'is this counter or bar height')).toBe('Seat height: 24" counter height.');
    expect(ask(stool, 'is there a backrest or just a seat')).toMatch(DOES_NOT_SAY);
  });

  it('answers from a sentence that holds most of the question, the word it turns on included', () => {
    expect(ask(PLANTER, 'going away for 2 weeks, will it keep my plant watered')).toBe('Yes — the product page says: "A reservoir keeps plants watered while you are away."');
    expect(ask(PLANTER, 'how do i store them till spring')).toBe('The product page says: "Store seeds in a cool, dry place until planting."');
    expect(ask(BIKE, 'good for bad knees')).toBe('Yes — the product page says: "Low-impact cardio for knees and spin classes."');
    expect(ask(KAYAK, 'do i need a roof rack to transport it')).toMatch(/^No — the product page says/);
  });

  it('does not take a shared word for an answer', () => {
    expect(ask(TOY, 'does it come with tools')).toMatch(DOES_NOT_SAY);
    expect(ask(PLANTER, 'can i keep it on the balcony all year')).toMatch(DOES_NOT_SAY);
    const lamp = product('Chandelier', { category: ['Home Decor', 'Lighting'], description: 'A statement piece for a dining room or hall.' });
    expect(ask(lamp, 'will it work with the dimmer switch in my dining room')).toMatch(DOES_NOT_SAY);
    expect(ask(product('Balm', { description: 'A gentle, fragrance-free balm. Free of parabens and lead.' }), 'does it contain lead')).toMatch(DOES_NOT_SAY);
    expect(ask(product('Balm', { description: 'A gentle balm, free of parabens and lead.' }), 'is it lead free?')).toMatch(/^Yes/);
    // "Stick" is a word of its own, not a slip for "stock".
    expect(ask(product('Action Camera', { availability: 'in_stock', stock: 3 }), 'can i stick it on my bike helmet')).toMatch(DOES_NOT_SAY);
  });

  it('reads "fit" as a verb when it has an object, and gives a part-answer only as context', () => {
    const pants = product('Yoga Pants', { category: ['Apparel', 'Leggings'], attributes: { fit: 'relaxed' } });
    expect(ask(pants, 'what is the fit like')).toBe('Fit: relaxed.');
    expect(ask(pants, 'will these fit me, im an adult')).toMatch(DOES_NOT_SAY);
    const mower = product('Lawn Mower', { category: ['Garden', 'Power Tools'], attributes: { battery_life: '60 minutes' } });
    expect(ask(mower, 'does it leave white stripes on dark grass')).toMatch(DOES_NOT_SAY);
  });
});
