import { describe, expect, it } from 'vitest';
import { activityBytes, DEFAULT_ACTIVITY_LIMITS, TEAMS_LIMITS } from '../../../src/channels/activity-limits.ts';
import { renderActivities, type MessageActivityJson } from '../../../src/channels/activity-renderer.ts';
import type { ProductCard, Reply } from '../../../src/conversation/reply.ts';
import { NO_PUBLIC_URL_WARNING, publicUrlWarning } from '../../../src/channels/public-links.ts';

/** A catalog at its worst: long titles and brands, many products, relative pictures and pages. */
function bulkyProducts(count: number): ProductCard[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p-${String(i).padStart(3, '0')}-${'x'.repeat(60)}`, title: `Product ${i} ${'with a very long catalog title '.repeat(30)}`,
    price: 100 + i, currency: 'USD', brand: `Brand ${'name '.repeat(80)}`, rating: 4.2, reviewCount: 1000 + i,
    imageUrl: `/images/p-${i}.svg`, url: `/products/p-${i}`, availability: 'in_stock',
  }));
}

const links = {
  baseUrl: 'https://shop.example.com/',
  pageFor: (id: string) => `/products/${encodeURIComponent(id)}`,
  imageFor: (id: string) => `/images/${encodeURIComponent(id)}.png`,
};

/** The product id each card's Details button carries, in order. */
function cardIds(activity: MessageActivityJson): string[] {
  return (activity.attachments ?? []).flatMap((a) => (a.content as any).actions?.filter((x: any) => x.type === 'Action.Execute').slice(0, 1).map((x: any) => x.data.productId) ?? []);
}

/** Every URL anywhere in the activity. */
function urlsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'url' && typeof v === 'string' ? [v] : urlsIn(v)));
  }
  return [];
}

describe('renderActivities within channel limits', () => {
  const products = bulkyProducts(25);
  const reply: Reply = { text: 'Here is everything.', products, suggestions: ['cheaper', 'in blue', 'smaller', 'compare the first two', 'talk to a person'] };

  it('keeps a Teams message within 28 KB, ten cards, six buttons a card and three chips, with the first products first', () => {
    const [activity] = renderActivities([reply], { channelId: 'msteams', links });
    expect(activityBytes(activity) + 2048).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
    const ids = cardIds(activity!);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(ids).toEqual(products.slice(0, ids.length).map((p) => p.id));
    for (const card of activity!.attachments!) expect(((card.content as any).actions ?? []).length).toBeLessThanOrEqual(6);
    expect(activity!.suggestedActions!.actions.map((a) => a.value)).toEqual(['cheaper', 'in blue', 'smaller']);
    expect(activity!.text).toContain(`Showing the first ${ids.length} of 25`);
  });

  it('sheds facts and pictures before it sheds products', () => {
    const [full] = renderActivities([{ text: '', products: bulkyProducts(3) }], { channelId: 'msteams', links });
    expect(cardIds(full!)).toHaveLength(3);
    const body = (full!.attachments![0]!.content as any).body as any[];
    expect(body.some((e) => e.type === 'Image')).toBe(true);
    expect(body.some((e) => e.type === 'FactSet')).toBe(true);

    const [crowded] = renderActivities([{ text: '', products: bulkyProducts(10) }], { channelId: 'msteams', links });
    const crowdedBody = (crowded!.attachments![0]!.content as any).body as any[];
    expect(crowdedBody.some((e) => e.type === 'FactSet')).toBe(false);
    expect(activityBytes(crowded) + 2048).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
  });

  it('clips a catalog title on the card', () => {
    const [activity] = renderActivities([{ text: '', products: bulkyProducts(1) }], { channelId: 'msteams', links });
    const title = ((activity!.attachments![0]!.content as any).body as any[]).find((e) => e.weight === 'Bolder' && e.size === 'Medium').text as string;
    expect(Array.from(title).length).toBe(200);
    expect(title.endsWith('…')).toBe(true);
  });

  it('gives other channels ten cards too, within their own budget', () => {
    const [activity] = renderActivities([reply], { channelId: 'webchat', links });
    expect(cardIds(activity!)).toEqual(products.slice(0, 10).map((p) => p.id));
    expect(activityBytes(activity) + 2048).toBeLessThanOrEqual(DEFAULT_ACTIVITY_LIMITS.maxBytes);
    expect(activity!.suggestedActions!.actions).toHaveLength(5);
  });

  it('keeps a wide comparison and a long handoff summary within the Teams limit', () => {
    const compared = bulkyProducts(5);
    const comparison = { products: compared, rows: Array.from({ length: 40 }, (_, i) => ({ label: `Attribute ${i}`, values: compared.map(() => 'a long value '.repeat(30)) })) };
    const [table] = renderActivities([{ text: 'Side by side.', comparison }], { channelId: 'msteams', links });
    expect(activityBytes(table) + 2048).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
    expect(table!.attachments).toHaveLength(1);
    const rows = (table!.attachments![0]!.content as any).body[1].rows as unknown[];
    expect(rows.length).toBeGreaterThan(1);
    expect(table!.text).toContain(`Comparing the first ${rows.length - 1} of 40 details`);

    const [handoff] = renderActivities([{ text: 'Connecting you.', handoff: { reason: 'requested', summary: 'words '.repeat(20_000) } }], { channelId: 'msteams' });
    expect(activityBytes(handoff) + 2048).toBeLessThanOrEqual(TEAMS_LIMITS.maxBytes);
  });
});

describe('absolute links on cards', () => {
  const [sofa] = bulkyProducts(1);

  it('makes the storefront picture (as PNG) and page absolute from the public URL', () => {
    const [activity] = renderActivities([{ text: '', products: [{ ...sofa!, id: 'p-0' }] }], { channelId: 'msteams', links });
    const urls = urlsIn(activity);
    expect(urls).toEqual(['https://shop.example.com/images/p-0.png', 'https://shop.example.com/products/p-0']);
  });

  it('sends no relative URL when no public URL is configured: the picture and the store link are left out', () => {
    const [activity] = renderActivities([{ text: '', products: [sofa!] }], { channelId: 'msteams', links: { ...links, baseUrl: undefined } });
    expect(urlsIn(activity)).toEqual([]);
    const card = activity!.attachments![0]!.content as any;
    expect(card.actions.map((a: any) => a.title)).toEqual(['Details', 'Add to cart']);
  });

  it("keeps a catalog's absolute picture and page, and drops an SVG hosted elsewhere", () => {
    const product = { ...sofa!, imageUrl: 'https://cdn.example/pic.jpg', url: 'https://store.example/p/1' };
    expect(urlsIn(renderActivities([{ text: '', products: [product] }], { channelId: 'msteams' }))).toEqual(['https://cdn.example/pic.jpg', 'https://store.example/p/1']);
    const svg = { ...product, imageUrl: 'https://cdn.example/pic.svg?v=2' };
    expect(urlsIn(renderActivities([{ text: '', products: [svg] }], { channelId: 'msteams', links }))).toEqual(['https://store.example/p/1']);
  });

  it('never turns a javascript: or protocol-relative address into a link', () => {
    const product = { ...sofa!, imageUrl: '//evil.example/x.png', url: 'javascript:alert(1)' };
    expect(urlsIn(renderActivities([{ text: '', products: [product] }], { channelId: 'msteams', links: { baseUrl: links.baseUrl } }))).toEqual([]);
  });
});

describe('publicUrlWarning', () => {
  it('warns without a public URL, and about plain http in production only', () => {
    expect(publicUrlWarning(undefined, 'development')).toBe(NO_PUBLIC_URL_WARNING);
    expect(publicUrlWarning('http://aisle.example.com', 'production')).toMatch(/https only/);
    expect(publicUrlWarning('http://localhost:3978', 'development')).toBeUndefined();
    expect(publicUrlWarning('https://aisle.example.com', 'production')).toBeUndefined();
  });
});
