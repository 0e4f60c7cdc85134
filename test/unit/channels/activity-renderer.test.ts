import { describe, expect, it } from 'vitest';
import { renderActivities } from '../../../src/channels/activity-renderer.ts';
import { parseTurnAction, productCard } from '../../../src/channels/adaptive-cards.ts';
import type { ProductCard, Reply } from '../../../src/conversation/reply.ts';

const harbor: ProductCard = {
  id: 'sofa-harbor', title: 'Harbor Linen Sofa', price: 899, currency: 'USD', brand: 'Acme Home', rating: 4.5, reviewCount: 128,
  imageUrl: 'https://shop.example/img/harbor.jpg', url: 'https://shop.example/p/sofa-harbor', availability: 'in_stock',
};
const dune: ProductCard = { id: 'sofa-dune', title: 'Dune Velvet Sofa', currency: 'EUR', price: 1249.5, availability: 'unknown' };

function only(replies: Reply[]) {
  const activities = renderActivities(replies);
  expect(activities).toHaveLength(1);
  return activities[0]!;
}

describe('renderActivities', () => {
  it('turns each reply into one message activity, in order', () => {
    expect(renderActivities([{ text: 'Hi!' }, { text: 'What are you looking for?' }])).toEqual([
      { type: 'message', text: 'Hi!' },
      { type: 'message', text: 'What are you looking for?' },
    ]);
  });

  it('shows products as a carousel of Adaptive Cards with title, price, facts, image and buttons', () => {
    const activity = only([{ text: 'Here are two sofas.', products: [harbor, dune] }]);
    expect(activity.attachmentLayout).toBe('carousel');
    expect(activity.attachments).toHaveLength(2);
    expect(activity.attachments![0]).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [
          { type: 'Image', url: 'https://shop.example/img/harbor.jpg', altText: 'Harbor Linen Sofa', size: 'Stretch' },
          { type: 'TextBlock', text: 'Harbor Linen Sofa', weight: 'Bolder', size: 'Medium', wrap: true },
          { type: 'TextBlock', text: '$899.00', weight: 'Bolder', color: 'Accent', spacing: 'Small' },
          { type: 'FactSet', facts: [
            { title: 'Brand', value: 'Acme Home' },
            { title: 'Rating', value: '★ 4.5 (128 reviews)' },
            { title: 'Availability', value: 'In stock' },
          ] },
        ],
        actions: [
          { type: 'Action.Execute', title: 'Details', verb: 'aisle', data: { type: 'details', productId: 'sofa-harbor' },
            fallback: { type: 'Action.Submit', title: 'Details', data: { type: 'details', productId: 'sofa-harbor' } } },
          { type: 'Action.Execute', title: 'Add to cart', verb: 'aisle', data: { type: 'add_to_cart', productId: 'sofa-harbor' },
            fallback: { type: 'Action.Submit', title: 'Add to cart', data: { type: 'add_to_cart', productId: 'sofa-harbor' } } },
          { type: 'Action.OpenUrl', title: 'View in store', url: 'https://shop.example/p/sofa-harbor' },
        ],
      },
    });
  });

  it('leaves out what the catalog does not say: no image, brand, rating, unknown availability or store link', () => {
    const content = only([{ text: '', products: [dune] }]).attachments![0]!.content as { body: { type: string; text?: string }[]; actions: { type: string }[] };
    expect(content.body.map((e) => e.type)).toEqual(['TextBlock', 'TextBlock']);
    expect(content.body[1]!.text).toBe('€1,249.50');
    expect(content.actions.map((a) => a.type)).toEqual(['Action.Execute', 'Action.Execute']);
  });

  it('renders a comparison as one table card, products as columns, "—" where a value is missing', () => {
    const activity = only([{
      text: 'Side by side:',
      comparison: { products: [harbor, dune], rows: [{ label: 'Material', values: ['Linen', 'Velvet'] }, { label: 'Width', values: ['210 cm', null] }] },
    }]);
    expect(activity.attachments).toHaveLength(1);
    expect(activity.attachmentLayout).toBe('list');
    const table = (activity.attachments![0]!.content as { body: Record<string, unknown>[] }).body[1] as {
      type: string; firstRowAsHeader: boolean; rows: { cells: { items: { text: string }[] }[] }[]; fallback: { items: { type: string }[] };
    };
    expect(table.type).toBe('Table');
    expect(table.firstRowAsHeader).toBe(true);
    expect(table.rows.map((r) => r.cells.map((c) => c.items[0]!.text))).toEqual([
      ['', 'Harbor Linen Sofa', 'Dune Velvet Sofa'],
      ['Material', 'Linen', 'Velvet'],
      ['Width', '210 cm', '—'],
    ]);
    expect(table.fallback.items.map((i) => i.type)).toEqual(['ColumnSet', 'ColumnSet', 'ColumnSet']);
  });

  it('offers suggestions as imBack chips that send their words', () => {
    expect(only([{ text: 'Anything else?', suggestions: ['Only in stock', 'Cheaper'] }]).suggestedActions).toEqual({
      to: [],
      actions: [
        { type: 'imBack', title: 'Only in stock', value: 'Only in stock' },
        { type: 'imBack', title: 'Cheaper', value: 'Cheaper' },
      ],
    });
  });

  it('hands add-to-cart and handoff to the storefront in channelData.aisle', () => {
    const cart = only([{ text: 'Added the Harbor sofa to your cart.', actions: [{ type: 'add_to_cart', productId: 'sofa-harbor', quantity: 1 }] }]);
    expect(cart).toEqual({
      type: 'message',
      text: 'Added the Harbor sofa to your cart.',
      channelData: { aisle: { actions: [{ type: 'add_to_cart', productId: 'sofa-harbor', quantity: 1 }] } },
    });
    const handoff = only([{ text: 'Connecting you.', handoff: { reason: 'requested', summary: 'Wants a sofa under $900.' } }]);
    expect(handoff.channelData).toEqual({ aisle: { handoff: { reason: 'requested', summary: 'Wants a sofa under $900.' } } });
  });

  it('still confirms in words when a reply only carries an action', () => {
    expect(only([{ text: '', actions: [{ type: 'add_to_cart', productId: 'sofa-dune', quantity: 2 }] }]).text).toBe('Adding that to your cart.');
  });
});

describe('productCard', () => {
  const priceLine = (p: ProductCard, locale?: string) =>
    (productCard(p, { locale }).content as { body: { color?: string; text?: string }[] }).body.find((e) => e.color === 'Accent')?.text;

  it('writes the price in the shopper locale, and says when there is none', () => {
    expect(priceLine(dune, 'de-DE')).toBe('1.249,50\u00a0€');
    expect(priceLine({ ...harbor, price: undefined })).toBe('Price not listed');
  });
});

describe('parseTurnAction', () => {
  it('reads back exactly the button data the cards carry, and nothing else', () => {
    expect(parseTurnAction({ type: 'details', productId: 'sofa-dune', msteams: { x: 1 } })).toEqual({ type: 'details', productId: 'sofa-dune' });
    expect(parseTurnAction({ type: 'show_more' })).toEqual({ type: 'show_more' });
    expect(parseTurnAction({ type: 'details' })).toBeUndefined();
    expect(parseTurnAction({ type: 'delete_everything' })).toBeUndefined();
    expect(parseTurnAction('details')).toBeUndefined();
  });
});
