import { describe, expect, it } from 'vitest';
import { AVAILABILITY_LABELS, stockLabel } from '../../../src/conversation/stock-label.ts';
import { renderSlackMessage } from '../../../src/channels/slack-renderer.ts';
import { renderWidgetReply } from '../../../src/channels/widget-renderer.ts';
import { stockText } from '../../../src/storefront/product-views.ts';
import type { Availability } from '../../../src/domain.ts';

describe('stock labels', () => {
  it('say each availability in words, a few left as a count, and an unknown one from the count on hand', () => {
    expect(stockLabel({ availability: 'backorder' })).toBe('Backorder');
    expect(stockLabel({ availability: 'in_stock', stock: 2 })).toBe('Only 2 left');
    expect(stockLabel({ availability: 'in_stock', stock: 6 })).toBe('In stock');
    expect(stockLabel({ availability: 'unknown', stock: 0 })).toBe('Out of stock');
    expect(stockLabel({ availability: 'unknown' })).toBe('Stock unknown');
  });

  it.each(Object.keys(AVAILABILITY_LABELS) as Availability[])('read the same for %s in the widget, Slack and the storefront', (availability) => {
    const card = { id: 'p1', title: 'Lamp', price: 10, currency: 'USD', availability };
    const label = AVAILABILITY_LABELS[availability];
    expect(renderWidgetReply({ text: '', products: [card] }).products![0]!.stock).toBe(label);
    expect(JSON.stringify(renderSlackMessage({ text: '', products: [card] }).blocks)).toContain(`· ${label}`);
    expect(stockText({ availability, stock: availability === 'unknown' ? undefined : 100 })).toBe(availability === 'unknown' ? '' : label);
  });
});
