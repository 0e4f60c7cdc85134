import type { ProductCard } from '../conversation/reply.ts';

/**
 * How a channel whose client fetches pictures and opens links itself (Teams, Web Chat, Slack) reaches this
 * server: only absolute http(s) URLs work there, since a relative path has no host to load from.
 */
export interface PublicLinks {
  /** AISLE_PUBLIC_URL: relative paths become absolute against it; without it they are dropped, never sent. */
  baseUrl?: string;
  /** A page for a product whose catalog gives no URL (the storefront's /products/ID). */
  pageFor?: (id: string) => string | undefined;
  /** A PNG for a product whose catalog gives no picture, or only one of this server's SVGs (the storefront's /images/ID.png). */
  imageFor?: (id: string) => string | undefined;
}

/**
 * What `aisle serve` logs at start about AISLE_PUBLIC_URL for Bot Service channels, or undefined when all is well:
 * unset, cards carry only the catalog's absolute links; plain http in production, Teams does not load them.
 */
export function publicUrlWarning(publicUrl: string | undefined, environment: 'development' | 'production'): string | undefined {
  if (!publicUrl) return NO_PUBLIC_URL_WARNING;
  if (environment === 'production' && /^http:/i.test(publicUrl)) {
    return `AISLE_PUBLIC_URL is ${publicUrl}: Teams loads card pictures and links over https only, so set the https address shoppers' apps reach Aisle at.`;
  }
  return undefined;
}

export const NO_PUBLIC_URL_WARNING = 'AISLE_PUBLIC_URL is not set: product cards on Teams and other Bot Service channels go out without '
  + 'this server\'s pictures and "View in store" links (relative links do not load there). Set it to the https address shoppers\' apps reach Aisle at.';

/** Longer addresses are dropped: clients truncate or refuse them (Slack allows 3000 characters, browsers about 2000 in practice). */
const MAX_URL_CHARS = 2000;

/** An absolute http(s) URL for `url`: as given when absolute, joined to `baseUrl` when a path on this server, else undefined. */
export function absoluteUrl(url: string | undefined, baseUrl: string | undefined): string | undefined {
  const u = url?.trim();
  if (!u) return undefined;
  let out: string | undefined;
  if (/^https?:\/\//i.test(u)) out = u;
  // "//host/x" is another host, not a path here; and "javascript:" or "data:" from a catalog never becomes a link.
  else if (baseUrl && /^\/(?!\/)/.test(u)) out = `${baseUrl.replace(/\/+$/, '')}${u}`;
  return out && out.length <= MAX_URL_CHARS && !/\s/.test(out) ? out : undefined;
}

/** Whether a picture's address names an SVG, which Teams refuses in cards (415) and Slack does not draw. */
export function isSvgUrl(url: string): boolean {
  return /\.svg(?:[?#]|$)/i.test(url);
}

/** The product's page as an absolute URL: the catalog's own, else the storefront's; undefined when neither can be made absolute. */
export function productPageUrl(product: ProductCard, links: PublicLinks): string | undefined {
  return absoluteUrl(product.url, links.baseUrl) ?? absoluteUrl(links.pageFor?.(product.id), links.baseUrl);
}

/**
 * The product's picture as an absolute URL a card client can draw: the catalog's own unless it is an SVG; for a
 * relative SVG (one of this server's generated pictures) or no picture, the bitmap from `imageFor`. An SVG elsewhere
 * is dropped: it cannot be drawn, and a generated picture would not be the catalog's.
 */
export function productPictureUrl(product: ProductCard, links: PublicLinks): string | undefined {
  const given = product.imageUrl?.trim();
  if (given && !isSvgUrl(given)) return absoluteUrl(given, links.baseUrl);
  if (given && /^https?:\/\//i.test(given)) return undefined;
  const bitmap = links.imageFor?.(product.id);
  return bitmap && !isSvgUrl(bitmap) ? absoluteUrl(bitmap, links.baseUrl) : undefined;
}
