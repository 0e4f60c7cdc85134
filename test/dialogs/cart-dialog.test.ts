import { describe, expect, it } from 'vitest';
import { mainDialog } from '../../dialogs/main-dialog.ts';
import { cartActions, standInChat, textOf } from './stand-in-chat.ts';

describe('cart: what Aisle added in this conversation', () => {
  it('"what\'s in my cart?" before anything was added says it is empty and offers a way on', async () => {
    const chat = standInChat();
    const replies = await chat.say("what's in my cart?", 'view_cart');
    expect(textOf(replies)).toMatch(/^Your cart is empty/);
    expect(replies[0]!.suggestions).toContain('Find a product');
    expect(chat.searches).toEqual([]);
  });

  it('lists the lines added, sizes and quantities included, with a total, and says it only knows this chat', async () => {
    const chat = standInChat();
    const turns = await chat.play([
      ['mugs', 'product_search'],
      ['add 2 of them', 'add_to_cart'],
      ['hoodies', 'product_search'],
      ["add the women's one", 'add_to_cart', { productIds: ['hoodie-women'] }],
      ['M', 'not_sure', { filters: { sizes: ['M'] } }],
      ['one more mug please', 'add_to_cart', { productIds: ['mug-stoneware'] }],
    ]);
    expect(turns.flatMap(cartActions)).toHaveLength(3);
    const cart = textOf(await chat.say("what's in my cart?", 'view_cart'));
    expect(cart).toContain('3 × Stoneware mug: $54.00');
    expect(cart).toContain("1 × Women's cropped hoodie (size M): $55.00");
    expect(cart).toContain('Total: $109.00.');
    expect(cart).toMatch(/added in this chat; your cart on the store may hold more/);
  });

  it('keeps the cart in stored state, and restores state stored before the cart existed', async () => {
    const chat = standInChat();
    await chat.play([['lamps', 'product_search'], ['add the brass one', 'add_to_cart', { productIds: ['lamp-brass'] }]]);
    const stored = JSON.parse(JSON.stringify(chat.state));
    const restored = standInChat(mainDialog.restore(stored)!);
    expect(textOf(await restored.say('show me my basket', 'view_cart'))).toContain('1 × Brass desk lamp: $79.00');

    const { cart: _, ...older } = stored;
    const fromOlder = mainDialog.restore(older);
    expect(fromOlder).toBeDefined();
    expect(textOf(await standInChat(fromOlder!).say('my cart?', 'view_cart'))).toMatch(/^Your cart is empty/);
  });

  it('"start over" leaves the cart lines alone: they are in the store\'s cart', async () => {
    const chat = standInChat();
    await chat.play([['mugs', 'product_search'], ['add it', 'add_to_cart', { productIds: ['mug-stoneware'] }], ['start over', 'cancel_flow']]);
    expect(textOf(await chat.say("what's in my cart", 'view_cart'))).toContain('Stoneware mug');
  });
});
