import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChat } from '../support/chat-home.ts';
import { conversationWith, productsOf, textOf } from '../support/transcript.ts';

let chat: Awaited<ReturnType<typeof openTestChat>>;
beforeAll(async () => { chat = await openTestChat(); });
afterAll(async () => { await chat?.close(); });
const product = (id: string) => chat.stack.search.product(id)!;

describe('product details, comparison and cart', () => {
  it('answers questions about a shown product from its own fields', async () => {
    const c = conversationWith(chat);
    const shown = productsOf(await c.say('show me rugs'));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const second = product(shown[1]!.id);
    const material = await c.say('what is the second one made of?');
    expect(material.intent).toBe('product_question');
    expect(productsOf(material).map((p) => p.id)).toEqual([second.id]);
    expect(textOf(material)).toContain(second.materials.length ? second.materials[0]! : 'does not list materials');
    const price = await c.say('how much is it?');
    expect(textOf(price)).toContain(second.price!.toFixed(2));
  });

  it('checks a named colour against the product and says no with what it has', async () => {
    const c = conversationWith(chat);
    const [first] = productsOf(await c.say('table lamps'));
    const p = product(first!.id);
    const absent = ['purple', 'orange', 'teal', 'red', 'pink'].find((x) => !p.colors.join(' ').includes(x))!;
    const answer = await c.say(`does the first one come in ${absent}?`);
    expect(answer.intent).toBe('product_question');
    expect(textOf(answer)).toMatch(/^No, not in/);
    expect(textOf(answer)).toContain(p.colors[0]!);
  });

  it('says honestly when the catalog does not hold the answer', async () => {
    const p = chat.stack.search.products.find((x) => x.materials.length === 0)!;
    const c = conversationWith(chat);
    await c.press({ type: 'details', productId: p.id });
    const answer = await c.say('what material is it made of?');
    expect(answer.intent).toBe('product_question');
    expect(textOf(answer)).toBe(`The catalog does not list materials for ${p.title}.`);
    expect(answer.replies[0]!.suggestions).toContain('Talk to a person');
  });

  it('compares the first two side by side', async () => {
    const c = conversationWith(chat);
    const shown = productsOf(await c.say('office chairs'));
    const result = await c.say('compare the first two');
    expect(result.intent).toBe('compare_products');
    const comparison = result.replies.find((r) => r.comparison)!.comparison!;
    expect(comparison.products.map((p) => p.id)).toEqual(shown.slice(0, 2).map((p) => p.id));
    const price = comparison.rows.find((r) => r.label === 'Price')!;
    expect(price.values).toHaveLength(2);
  });

  it('adds to cart as a reply action the channel carries out', async () => {
    const c = conversationWith(chat);
    const shown = productsOf(await c.say('coffee mugs'));
    const target = shown.find((p) => p.availability === 'in_stock' && product(p.id).sizes.length <= 1);
    expect(target, 'an in-stock mug without sizes on the first page').toBeDefined();
    const position = shown.indexOf(target!) + 1;
    const result = await c.say(`add 2 of number ${position} to my cart`);
    expect(result.intent).toBe('add_to_cart');
    expect(result.replies.flatMap((r) => r.actions ?? [])).toEqual([{ type: 'add_to_cart', productId: target!.id, quantity: 2 }]);
  });

  it('asks for the size before adding a product that comes in several, from a card button', async () => {
    const sized = chat.stack.search.products.find((p) => p.sizes.length > 1 && p.availability === 'in_stock')!;
    const c = conversationWith(chat);
    const asked = await c.press({ type: 'add_to_cart', productId: sized.id });
    expect(asked.intent).toBe('add_to_cart');
    expect(asked.replies[0]!.suggestions).toEqual(sized.sizes.slice(0, 8));
    const done = await c.say(sized.sizes[1]!);
    expect(done.replies.flatMap((r) => r.actions ?? [])).toMatchObject([{ type: 'add_to_cart', productId: sized.id }]);
    expect(textOf(done)).toContain(`size ${sized.sizes[1]}`);
  });

  it('shows details when the Details button is pressed', async () => {
    const p = chat.stack.search.products[5]!;
    const result = await conversationWith(chat).press({ type: 'details', productId: p.id });
    expect(result.intent).toBe('product_question');
    expect(result.confidence).toBe(1);
    expect(productsOf(result).map((x) => x.id)).toEqual([p.id]);
    expect(textOf(result)).toContain(p.title);
  });
});
