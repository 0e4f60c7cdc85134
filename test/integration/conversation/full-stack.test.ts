import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChat } from '../../support/chat-home.ts';
import { conversationWith, productsOf, textOf } from '../../support/transcript.ts';

let chat: Awaited<ReturnType<typeof openTestChat>>;
beforeAll(async () => { chat = await openTestChat(); });
afterAll(async () => { await chat?.close(); });
const product = (id: string) => chat.stack.search.product(id)!;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A few whole conversations through the shipped encoder and intent model, the main dialog and the
 * engine over the demo store. What the dialog does with each reading is tested in test/dialogs on
 * fixed understandings; these check that the real readings lead there.
 */
describe('full-stack conversations', () => {
  it('search → cheaper → details → add to cart', async () => {
    const c = conversationWith(chat);
    const inKind = (id: string) => product(id).category.includes('Desk Lamps');
    const search = await c.say('desk lamps');
    expect(search.intent).toBe('product_search');
    const found = productsOf(search);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((p) => inKind(p.id))).toBe(true);

    const cheaper = await c.say('cheaper');
    expect(cheaper.intent).toBe('refine_results');
    const cap = median(found.map((p) => p.price!));
    expect(productsOf(cheaper).length).toBeGreaterThan(0);
    expect(productsOf(cheaper).every((p) => p.price! < cap && inKind(p.id))).toBe(true);

    const target = productsOf(cheaper).find((p) => p.availability === 'in_stock' && product(p.id).sizes.length <= 1);
    expect(target, 'an in-stock desk lamp without sizes among the cheaper ones').toBeDefined();
    const details = await c.press({ type: 'details', productId: target!.id });
    expect(details.intent).toBe('product_question');
    expect(details.confidence).toBe(1);
    expect(productsOf(details).map((p) => p.id)).toEqual([target!.id]);
    expect(textOf(details)).toContain(target!.title);

    const added = await c.say('add it to my cart');
    expect(added.intent).toBe('add_to_cart');
    expect(added.replies.flatMap((r) => r.actions ?? [])).toEqual([{ type: 'add_to_cart', productId: target!.id, quantity: 1 }]);
  });

  it('a support topic → the offer of a person → "yes please" hands over for that topic', async () => {
    const c = conversationWith(chat);
    // An order look-up asks for the e-mail or postcode instead (test/integration/cli/chat-orders.test.ts); a change needs a person.
    const order = await c.say('I want to change my order #10432');
    expect(order.intent).toBe('change_order');
    expect(order.slots.orderNumbers).toEqual(['10432']);
    expect(textOf(order)).toContain('order 10432');
    expect(order.replies[0]!.suggestions).toContain('Talk to a person');
    expect(order.handoff).toBe(false);
    const yes = await c.say('yes please');
    expect(yes.handoff).toBe(true);
    expect(yes.replies.find((r) => r.handoff)!.handoff!.reason).toBe('support_topic');
  });

  it('greets, says what it can do, declines an off-topic request and says goodbye, never handing over', async () => {
    const c = conversationWith(chat);
    for (const [text, intent, reply] of [
      ['hi there', 'greeting', /What are you looking for/],
      ['what can you do?', 'help', /find products/],
      ['what is the weather like in Paris tomorrow', 'out_of_scope', /outside what I can help with/],
      ['thanks, that is all', 'thanks_goodbye', /Thanks for stopping by/],
    ] as const) {
      const result = await c.say(text);
      expect(result.intent, text).toBe(intent);
      expect(textOf(result), text).toMatch(reply);
      expect(result.handoff, text).toBe(false);
      expect(productsOf(result), text).toEqual([]);
    }
  });

  it('a message in Spanish is answered in English with the offer of a person; "no thanks" carries on in English', async () => {
    const c = conversationWith(chat);
    const spanish = await c.say('hola, busco un sofá azul');
    expect(textOf(spanish)).toMatch(/only chat in English/);
    expect(productsOf(spanish)).toEqual([]);
    expect(spanish.handoff).toBe(false);
    const no = await c.say('no thanks');
    expect(no.handoff).toBe(false);
    expect(textOf(no)).toMatch(/What can I help you with/);
    const sofas = await c.say('show me sofas');
    expect(productsOf(sofas).length).toBeGreaterThan(0);
    expect(productsOf(sofas).every((p) => product(p.id).category.includes('Sofas'))).toBe(true);
  });
});
