import { describe, expect, it } from 'vitest';
import { cartActions, product, shownIds, standInChat, STORE, textOf } from './stand-in-chat.ts';

describe('product details, comparison and cart', () => {
  it('answers questions about a shown product from its own fields', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('show me armchairs', 'product_search'));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const second = product(shown[1]!);
    const material = await chat.say('what is the second one made of?', 'product_question');
    expect(shownIds(material)).toEqual([second.id]);
    expect(textOf(material)).toContain(second.materials[0]!);
    const price = await chat.say('how much is it?', 'product_question');
    expect(shownIds(price)).toEqual([second.id]);
    expect(textOf(price)).toContain(second.price!.toFixed(2));
  });

  it('checks a named colour against the product and says no with what it has', async () => {
    const chat = standInChat();
    const [first] = shownIds(await chat.say('table lamps', 'product_search'));
    const p = product(first!);
    expect(p.colors).not.toContain('Red');
    const answer = await chat.say('does the first one come in red?', 'product_question');
    expect(shownIds(answer)).toEqual([p.id]);
    expect(textOf(answer)).toMatch(/^No, not in/);
    expect(textOf(answer)).toContain(p.colors[0]!);
  });

  it('says honestly when the catalog does not hold the answer', async () => {
    const p = STORE.find((x) => x.materials.length === 0)!;
    const chat = standInChat();
    await chat.press({ type: 'details', productId: p.id });
    const answer = await chat.say('what material is it made of?', 'product_question');
    expect(textOf(answer)).toBe(`The catalog does not list materials for ${p.title}.`);
    expect(answer[0]!.suggestions).toContain('Talk to a person');
  });

  it('compares the first two side by side', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('armchairs', 'product_search'));
    const replies = await chat.say('compare the first two', 'compare_products');
    const comparison = replies.find((r) => r.comparison)!.comparison!;
    expect(comparison.products.map((p) => p.id)).toEqual(shown.slice(0, 2));
    const price = comparison.rows.find((r) => r.label === 'Price')!;
    expect(price.values).toHaveLength(2);
  });

  it('adds to cart as a reply action the channel carries out', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('lamps', 'product_search'));
    const target = shown.find((id) => product(id).availability === 'in_stock' && product(id).sizes.length <= 1);
    expect(target, 'an in-stock lamp without sizes on the first page').toBeDefined();
    const position = shown.indexOf(target!) + 1;
    // The first lamp is sold out, so the position said is what picks the product.
    expect(position).toBeGreaterThan(1);
    const replies = await chat.say(`add 2 of number ${position} to my cart`, 'add_to_cart');
    expect(cartActions(replies)).toEqual([{ type: 'add_to_cart', productId: target, quantity: 2 }]);
  });

  it('asks for the size before adding a product that comes in several, from a card button', async () => {
    const sized = STORE.find((p) => p.sizes.length > 1 && p.availability === 'in_stock')!;
    const chat = standInChat();
    const asked = await chat.press({ type: 'add_to_cart', productId: sized.id });
    expect(cartActions(asked)).toEqual([]);
    expect(asked[0]!.suggestions).toEqual(sized.sizes.slice(0, 8));
    // A bare size reads as nothing in particular: the open question makes it the answer.
    const done = await chat.say(sized.sizes[1]!, 'not_sure', {}, 0.2);
    expect(cartActions(done)).toMatchObject([{ type: 'add_to_cart', productId: sized.id }]);
    expect(textOf(done)).toContain(`size ${sized.sizes[1]}`);
  });

  it('shows details when the Details button is pressed', async () => {
    const p = STORE[5]!;
    const replies = await standInChat().press({ type: 'details', productId: p.id });
    expect(shownIds(replies)).toEqual([p.id]);
    expect(textOf(replies)).toContain(p.title);
  });

  it('a product named off screen with nothing asked is searched, not answered "doesn\'t say"; "tell me about" it still describes it', async () => {
    const [seen, other] = [STORE[5]!, STORE.find((p) => p.category.at(-1) !== STORE[5]!.category.at(-1))!];
    const chat = standInChat();
    await chat.press({ type: 'details', productId: seen.id });
    const named = await chat.say(other.title, 'product_question', { productIds: [other.id] });
    expect(textOf(named)).not.toMatch(/doesn't say/);
    expect(shownIds(named)).toContain(other.id);
    expect(chat.searches.length).toBeGreaterThan(0);
    const chat2 = standInChat();
    await chat2.press({ type: 'details', productId: seen.id });
    const told = await chat2.say(`tell me about the ${other.title}`, 'product_question', { productIds: [other.id] });
    expect(shownIds(told)).toEqual([other.id]);
    expect(chat2.searches).toHaveLength(0);
  });
});
