import type { Attachment } from '@microsoft/agents-activity';
import type { Availability } from '../domain.ts';
import { cardButtons, feedbackButtons, type CardButton, type Comparison, type ProductCard, type TurnAction } from '../conversation/reply.ts';
import { formatPrice } from '../conversation/format-price.ts';
import { turnActionSchema } from '../conversation/turn-action-schema.ts';

/** The one Action.Execute verb Aisle's cards use; the invoke's `action.data` is the TurnAction. */
export const CARD_VERB = 'aisle';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Table and Action.Execute need 1.5, the highest Teams renders in bot cards (Teams cards reference). */
const CARD_VERSION = '1.5';
const NO_VALUE = '—';

/** Adaptive Card JSON: the schema is large and hosts ignore what they do not know, so it stays loose. */
type Element = Record<string, unknown>;

const AVAILABILITY: Record<Availability, string | undefined> = {
  in_stock: 'In stock',
  out_of_stock: 'Out of stock',
  preorder: 'Pre-order',
  backorder: 'On backorder',
  unknown: undefined,
};

/** Reads a card button's data back; undefined for anything Aisle did not put on a card. */
export function parseTurnAction(data: unknown): TurnAction | undefined {
  const parsed = turnActionSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}


/** What a product card shows beyond its title, price and buttons; the renderer drops parts to fit a channel's limits. */
export interface ProductCardParts {
  /** BCP 47 locale for the price; en-US by default. */
  locale?: string;
  /** An absolute URL of a picture the client can draw (never relative, never SVG for Teams). */
  imageUrl?: string;
  /** An absolute URL of the product's page, for "View in store". */
  pageUrl?: string;
  /** Brand, rating and availability; dropped first when a message is too large. */
  facts?: boolean;
  /** Buttons kept, in order (Details, Add to cart, View in store); all by default. */
  maxActions?: number;
}

/** The longest title and fact a card prints; a catalog's 2,000-character title would crowd out every other card. */
export const CARD_TEXT_LIMITS = Object.freeze({ title: 200, fact: 100, cell: 200 });

/** One product as a card: picture, title, price, facts, and its buttons (Details, Add to cart, View in store). */
export function productCard(product: ProductCard, parts: ProductCardParts = {}): Attachment {
  const facts = parts.facts === false ? [] : [
    product.brand && { title: 'Brand', value: clip(product.brand, CARD_TEXT_LIMITS.fact) },
    product.rating !== undefined && { title: 'Rating', value: ratingText(product.rating, product.reviewCount) },
    AVAILABILITY[product.availability] && { title: 'Availability', value: AVAILABILITY[product.availability] },
  ].filter(Boolean);
  const title = clip(product.title, CARD_TEXT_LIMITS.title);
  const body: Element[] = [
    ...(parts.imageUrl ? [{ type: 'Image', url: parts.imageUrl, altText: title, size: 'Stretch' }] : []),
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: capitalised(formatPrice(product.price, product.currency, parts.locale ?? 'en-US')), weight: 'Bolder', color: 'Accent', spacing: 'Small' },
    ...(facts.length ? [{ type: 'FactSet', facts }] : []),
  ];
  const actions: Element[] = cardButtons(product.id).map(executeAction);
  if (parts.pageUrl) actions.push({ type: 'Action.OpenUrl', title: 'View in store', url: parts.pageUrl });
  return card(body, actions.slice(0, parts.maxActions ?? actions.length));
}

/** The thumbs under a help answer: "Was this helpful?" and two buttons whose data is the feedback TurnAction. */
export function feedbackCard(answer: string): Attachment {
  return card([{ type: 'TextBlock', text: 'Was this helpful?', wrap: true }], feedbackButtons(answer).map(executeAction));
}

/**
 * Products side by side: a Table (header row of titles, one row per attribute), with ColumnSets as the fallback
 * where Table is unknown (hosts before 1.5); `withFallback: false` leaves the fallback out to save space.
 */
export function comparisonCard(comparison: Comparison, options: { withFallback?: boolean } = {}): Attachment {
  const header = ['', ...comparison.products.map((p) => p.title)];
  const rows = comparison.rows.map((row) => [row.label, ...row.values.map((v) => v ?? NO_VALUE)]);
  const cells = [header, ...rows].map((row) => row.map((text) => clip(text, CARD_TEXT_LIMITS.cell)));
  const table: Element = {
    type: 'Table',
    firstRowAsHeader: true,
    gridStyle: 'accent',
    columns: header.map(() => ({ width: 1 })),
    rows: cells.map((row, i) => ({
      type: 'TableRow',
      cells: row.map((text, j) => ({ type: 'TableCell', items: [cellText(text, i === 0 || j === 0)] })),
    })),
  };
  if (options.withFallback !== false) {
    // Hosts older than 1.5 drop unknown elements unless told what to show instead.
    table.fallback = {
      type: 'Container',
      items: cells.map((row, i) => ({
        type: 'ColumnSet',
        separator: i > 0,
        columns: row.map((text, j) => ({ type: 'Column', width: 'stretch', items: [cellText(text, i === 0 || j === 0)] })),
      })),
    };
  }
  return card([{ type: 'TextBlock', text: 'Comparison', weight: 'Bolder', size: 'Medium' }, table], []);
}

/** At most `max` characters (code points: a surrogate pair is never split), ending in "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A card's price line stands alone: "Price not listed", not mid-sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ratingText(rating: number, reviewCount?: number): string {
  const stars = `★ ${rating.toFixed(1)}`;
  if (reviewCount === undefined) return stars;
  return `${stars} (${reviewCount} ${reviewCount === 1 ? 'review' : 'reviews'})`;
}

/**
 * Action.Execute makes Teams and Outlook send an `adaptiveCard/action` invoke; hosts without Universal
 * Actions (Web Chat, the Emulator) fall back to Action.Submit, which posts a message whose value is the data.
 */
function executeAction(button: CardButton): Element {
  return {
    type: 'Action.Execute',
    title: button.title,
    verb: CARD_VERB,
    data: button.action,
    fallback: { type: 'Action.Submit', title: button.title, data: button.action },
  };
}

function cellText(text: string, bold: boolean): Element {
  return { type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) };
}

function card(body: Element[], actions: Element[]): Attachment {
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      body,
      ...(actions.length ? { actions } : {}),
    },
  };
}
