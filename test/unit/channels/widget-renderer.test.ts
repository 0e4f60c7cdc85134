import { describe, expect, it } from 'vitest';
import { renderWidgetReply } from '../../../src/channels/widget-renderer.ts';
import type { Reply } from '../../../src/conversation/reply.ts';
import { ECHO_SOFAS } from '../../support/echo-engine.ts';

describe('renderWidgetReply', () => {
  it('writes out products as tiles: price, rating, stock, picture and page, falling back to the storefront\'s', () => {
    const out = renderWidgetReply({ text: 'Two sofas', products: ECHO_SOFAS, suggestions: ['Cheaper'] }, {
      imageFor: (id) => `/images/${id}.svg`, pageFor: (id) => `/products/${id}`,
    });
    expect(out.text).toBe('Two sofas');
    expect(out.products).toEqual([
      { id: 'sofa-harbor', title: 'Harbor Linen Sofa', brand: 'Acme Home', price: '$899.00', rating: 4.5, reviewCount: 128, stock: 'In stock', inStock: true,
        imageUrl: 'https://shop.example/img/harbor.jpg', url: 'https://shop.example/p/sofa-harbor' },
      { id: 'sofa-dune', title: 'Dune Velvet Sofa', price: '$1,249.50', stock: 'Backorder', inStock: false, imageUrl: '/images/sofa-dune.svg', url: '/products/sofa-dune' },
    ]);
    expect(out.suggestions).toEqual(['Cheaper']);
  });

  it('never passes on a javascript: or data: URL from a catalog', () => {
    const [p] = renderWidgetReply({ text: '', products: [{ ...ECHO_SOFAS[0]!, imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>', url: 'javascript:alert(1)' }] }).products!;
    expect(p!.imageUrl).toBeUndefined();
    expect(p!.url).toBeUndefined();
    // Browsers read "/\host" and "/<newline>/host" as another host: neither is a path here.
    const [q] = renderWidgetReply({ text: '', products: [{ ...ECHO_SOFAS[0]!, imageUrl: '/\\evil.example/x.png', url: '/\n/evil.example' }] }).products!;
    expect(q!.imageUrl).toBeUndefined();
    expect(q!.url).toBeUndefined();
  });

  it('draws a comparison with a dash where the catalog does not say, and keeps text as text', () => {
    const reply: Reply = {
      text: '<b>Side by side</b>',
      comparison: { products: ECHO_SOFAS, rows: [{ label: 'Material', values: ['linen', null] }] },
    };
    expect(renderWidgetReply(reply)).toEqual({
      text: '<b>Side by side</b>',
      comparison: { products: [{ id: 'sofa-harbor', title: 'Harbor Linen Sofa' }, { id: 'sofa-dune', title: 'Dune Velvet Sofa' }], rows: [{ label: 'Material', values: ['linen', '—'] }] },
    });
  });

  it('carries cart actions for the host page and the handoff state, and never leaves a bubble empty', () => {
    const out = renderWidgetReply({ text: '', actions: [{ type: 'add_to_cart', productId: 'sofa-dune', quantity: 1, variantSku: 'DUNE-GREY' }] });
    expect(out).toEqual({ text: 'Adding that to your cart.', cart: [{ type: 'add_to_cart', productId: 'sofa-dune', quantity: 1, variant: 'DUNE-GREY' }] });
    const handoff = renderWidgetReply({ text: 'Passing you over.', handoff: { reason: 'requested', summary: 'wants a sofa' } });
    expect(handoff.handoff).toEqual({ reason: 'requested', text: 'A person from our team will take it from here.' });
    expect(JSON.stringify(handoff)).not.toContain('wants a sofa'); // the agent's summary is not the shopper's to read
  });
});
