import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnResult } from '../../src/conversation/turn.ts';
import { openTestChat } from '../support/chat-home.ts';

type Chat = Awaited<ReturnType<typeof openTestChat>>;
let chat: Chat;
beforeAll(async () => { chat = await openTestChat(); });
afterAll(async () => { await chat?.close(); });

/** Plays a transcript in one conversation and returns each turn's result. */
async function play(turns: string[]): Promise<TurnResult[]> {
  const conversation = chat.newConversation();
  const results: TurnResult[] = [];
  for (const text of turns) results.push(await chat.engine.handle({ conversation, user: 'shopper-1', text, channel: 'test' }));
  return results;
}
const products = (r: TurnResult) => r.replies.flatMap((x) => x.products ?? []);
const product = (id: string) => chat.stack.search.product(id)!;

describe('product search dialog', () => {
  it('finds products, then narrows them with follow-ups read against the search', async () => {
    const [search, cheaper, inStock] = await play(['show me sofas', 'cheaper', 'only in stock']);
    expect(search!.intent).toBe('product_search');
    expect(products(search!).length).toBeGreaterThan(0);
    expect(products(search!).every((p) => product(p.id).category.includes('Sofas'))).toBe(true);
    expect(cheaper!.intent).toBe('refine_results');
    const before = products(search!).map((p) => p.price!).sort((a, b) => a - b);
    const median = before[before.length >> 1]!;
    expect(products(cheaper!).length).toBeGreaterThan(0);
    expect(products(cheaper!).every((p) => p.price! <= median && product(p.id).category.includes('Sofas'))).toBe(true);
    expect(inStock!.intent).toBe('refine_results');
    expect(products(inStock!).every((p) => p.availability === 'in_stock' && p.price! <= median)).toBe(true);
  });

  it('turns "not leather" into an exclusion kept by later refinements', async () => {
    const [, notLeather, cheaper] = await play(['armchairs', 'not leather', 'cheaper']);
    expect(notLeather!.intent).toBe('refine_results');
    expect(notLeather!.slots.filters?.exclude?.materials).toEqual(['leather']);
    for (const r of [notLeather!, cheaper!]) {
      expect(products(r).length).toBeGreaterThan(0);
      expect(products(r).every((p) => !product(p.id).materials.includes('leather'))).toBe(true);
    }
  });

  it('pages with "show more" without repeating products', async () => {
    const [first, more] = await play(['lamps', 'show more']);
    expect(more!.intent).toBe('show_more');
    const a = products(first!).map((p) => p.id);
    const b = products(more!).map((p) => p.id);
    expect(b.length).toBeGreaterThan(0);
    expect(b.filter((id) => a.includes(id))).toEqual([]);
  });

  it('a new topic resets the search instead of refining it', async () => {
    const [, dogBeds] = await play(['blue sofas under $900', 'now show me dog beds']);
    expect(dogBeds!.intent).toBe('product_search');
    expect(products(dogBeds!).length).toBeGreaterThan(0);
    expect(products(dogBeds!).every((p) => p.price === undefined || product(p.id).category.join(' ').match(/Dog|Pet|Bed/))).toBe(true);
    expect(dogBeds!.slots.filters?.priceMax).toBeUndefined();
  });

  it('asks a clarifying question about the facet that best splits a broad query, and uses the answer', async () => {
    const conversation = chat.newConversation();
    const broad = await chat.engine.handle({ conversation, user: 'u', text: 'something blue' });
    const question = broad.replies.at(-1)!;
    expect(question.text).toMatch(/\?/);
    expect(question.suggestions?.length).toBeGreaterThanOrEqual(2);
    const picked = question.suggestions![0]!;
    const narrowed = await chat.engine.handle({ conversation, user: 'u', text: picked });
    expect(products(narrowed).length).toBeGreaterThan(0);
    const fits = (id: string) => { const p = product(id); return [p.category.at(-1), p.brand, ...p.colors, ...p.materials].includes(picked); };
    expect(products(narrowed).every((p) => fits(p.id))).toBe(true);
  });
});
