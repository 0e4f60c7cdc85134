import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnInput } from '../../../src/conversation/turn.ts';
import { openTestChat } from '../../support/chat-home.ts';

/** The real engine records what each saved turn showed and what the shopper chose, whatever the front door. */
describe('behaviour events recorded by the conversation engine', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  beforeAll(async () => {
    chat = await openTestChat();
  });
  afterAll(() => chat?.close());

  it('records impressions with query and position, then a detail view and an add-to-cart attributed to them', async () => {
    const conversation = chat.newConversation();
    const turn = (input: Partial<TurnInput>) => chat.engine.handle({ conversation, user: 'teams-user-1', channel: 'msteams', ...input });

    const search = await turn({ text: 'show me sofas under $900' });
    const shown = search.replies.flatMap((r) => r.products ?? []).map((p) => p.id);
    expect(shown.length).toBeGreaterThan(1);
    const impressions = (await chat.stack.events.read({ user: 'teams-user-1', kinds: ['impression'] })).reverse();
    expect(impressions.map((e) => [e.product, e.position])).toEqual(shown.map((id, i) => [id, i + 1]));
    for (const e of impressions) {
      expect(e).toMatchObject({ channel: 'msteams', conversation, kind: 'impression' });
      expect(e.query).toMatch(/sofa/); // the words searched by, not the price phrase read as a filter
    }

    await turn({ action: { type: 'details', productId: shown[1]! } });
    const [view] = await chat.stack.events.read({ user: 'teams-user-1', kinds: ['detail_view'] });
    expect(view).toMatchObject({ product: shown[1], position: 2, query: impressions[1]!.query, channel: 'msteams', conversation });
    // The one card of a detail view is not a result list: no new impression.
    expect(await chat.stack.events.read({ user: 'teams-user-1', kinds: ['impression'] })).toHaveLength(shown.length);

    const added = await turn({ action: { type: 'add_to_cart', productId: shown[0]! } });
    expect(added.replies.flatMap((r) => r.actions ?? [])).toContainEqual(expect.objectContaining({ type: 'add_to_cart', productId: shown[0] }));
    const [cart] = await chat.stack.events.read({ user: 'teams-user-1', kinds: ['add_to_cart'] });
    expect(cart).toMatchObject({ product: shown[0], position: 1, query: impressions[0]!.query });
  });

  it('records nothing for a turn that showed nothing', async () => {
    await chat.engine.handle({ conversation: chat.newConversation(), user: 'quiet-user', channel: 'cli', text: 'hello' });
    expect(await chat.stack.events.read({ user: 'quiet-user' })).toEqual([]);
  });
});
