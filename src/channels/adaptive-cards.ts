import type { Attachment } from '@microsoft/agents-activity';
import type { Availability } from '../domain.ts';
import { cardButtons, type CardButton, type Comparison, type ProductCard, type TurnAction } from '../conversation/reply.ts';
import { formatPrice } from '../conversation/format-price.ts';
import { turnActionSchema } from '../conversation/turn-action-schema.ts';

/** The one Action.Execute verb Aisle's cards use; the invoke's `action.data` is the TurnAction. */
export const CARD_VERB = 'aisle';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Table needs 1.5; Teams and Outlook render 1.5 cards. */
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


/** One product as a card: image, title, price, facts, and its buttons. `locale` formats the price. */
export function productCard(product: ProductCard, locale = 'en-US'): Attachment {
  const facts = [
    product.brand && { title: 'Brand', value: product.brand },
    product.rating !== undefined && { title: 'Rating', value: ratingText(product.rating, product.reviewCount) },
    AVAILABILITY[product.availability] && { title: 'Availability', value: AVAILABILITY[product.availability] },
  ].filter(Boolean);
  const body: Element[] = [
    ...(product.imageUrl ? [{ type: 'Image', url: product.imageUrl, altText: product.title, size: 'Stretch' }] : []),
    { type: 'TextBlock', text: product.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: capitalised(formatPrice(product.price, product.currency, locale)), weight: 'Bolder', color: 'Accent', spacing: 'Small' },
    ...(facts.length ? [{ type: 'FactSet', facts }] : []),
  ];
  const actions: Element[] = cardButtons(product.id).map(executeAction);
  if (product.url) actions.push({ type: 'Action.OpenUrl', title: 'View in store', url: product.url });
  return card(body, actions);
}

/** Products side by side: a Table (header row of titles, one row per attribute), ColumnSets where Table is unknown. */
export function comparisonCard(comparison: Comparison): Attachment {
  const header = ['', ...comparison.products.map((p) => p.title)];
  const rows = comparison.rows.map((row) => [row.label, ...row.values.map((v) => v ?? NO_VALUE)]);
  const table: Element = {
    type: 'Table',
    firstRowAsHeader: true,
    gridStyle: 'accent',
    columns: header.map(() => ({ width: 1 })),
    rows: [header, ...rows].map((cells, i) => ({
      type: 'TableRow',
      cells: cells.map((text, j) => ({ type: 'TableCell', items: [cellText(text, i === 0 || j === 0)] })),
    })),
    // Hosts older than 1.5 drop unknown elements unless told what to show instead.
    fallback: {
      type: 'Container',
      items: [header, ...rows].map((cells, i) => ({
        type: 'ColumnSet',
        separator: i > 0,
        columns: cells.map((text, j) => ({ type: 'Column', width: 'stretch', items: [cellText(text, i === 0 || j === 0)] })),
      })),
    },
  };
  return card([{ type: 'TextBlock', text: 'Comparison', weight: 'Bolder', size: 'Medium' }, table], []);
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
