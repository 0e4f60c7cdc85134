import type { types } from '@slack/bolt';
import { formatPrice } from '../conversation/format-price.ts';
import { AVAILABILITY_LABELS } from '../conversation/stock-label.ts';
import { isHttpUrl, safeLink } from '../url-safety.ts';
import { feedbackButtons, type Comparison, type ProductCard, type Reply, type TurnAction } from '../conversation/reply.ts';
import { turnActionSchema } from '../conversation/turn-action-schema.ts';
import { replyText } from './reply-text.ts';

type Block = types.KnownBlock;
type Button = types.Button;

/** Slack's own limits on a message (docs.slack.dev, Block Kit reference); a message over any of them is refused whole. */
export const SLACK_LIMITS = Object.freeze({
  blocks: 50, sectionText: 3000, fields: 10, fieldText: 2000, buttonText: 75, actionsElements: 25,
  actionId: 255, buttonValue: 2000, imageUrl: 3000, altText: 2000, contextElements: 10,
});

/** One chat.postMessage body (less channel and thread): `text` is what notifications and screen readers say. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  /** Slack message metadata for other apps (a store's cart, a handoff desk), as `channelData.aisle` is on Activities. */
  metadata?: { event_type: 'aisle_reply'; event_payload: SlackReplyPayload };
}

/** What a reply asks the channel to carry out; Slack allows scalars and arrays of flat objects here. */
export type SlackReplyPayload = {
  cart?: { type: 'add_to_cart' | 'remove_from_cart'; product_id: string; quantity: number; variant_sku?: string }[];
  handoff_reason?: string;
};

export interface SlackRenderOptions {
  /** BCP 47 locale for prices; en-US by default. */
  locale?: string;
  /** Aisle's public address (AISLE_PUBLIC_URL): relative product links become absolute, since Slack opens them elsewhere. */
  baseUrl?: string;
  /** A page for a product whose catalog has no URL (the storefront's); none: the title is not a link. */
  pageFor?: (id: string) => string | undefined;
}

/**
 * Action ids Aisle's buttons carry: `aisle:details:ID`, `aisle:add_to_cart:ID`, `aisle:say:N`, `aisle:feedback:yes|no`;
 * the value holds the id, the words, or the answer voted on.
 */
export const SLACK_ACTION_PREFIX = 'aisle:';

/**
 * A reply as Block Kit: its text, a comparison as fields, each product as a section with a picture and two buttons,
 * a help answer's sources as links and its thumbs as buttons, chips as buttons.
 */
export function renderSlackMessage(reply: Reply, options: SlackRenderOptions = {}): SlackMessage {
  const text = replyText(reply);
  const head: Block[] = text ? [section(mrkdwn(escape(text)))] : [];
  if (reply.comparison) head.push(...comparisonBlocks(reply.comparison, options));
  const tail: Block[] = helpAnswerBlocks(reply, options);
  const notes = [
    ...(reply.actions ?? []).map((a) => `${a.type === 'add_to_cart' ? ':shopping_trolley: Added' : 'Removed'} ${a.quantity} × \`${escape(a.productId)}\`${a.variantSku ? ` (${escape(a.variantSku)})` : ''}`),
    ...(reply.handoff ? ['A person from our team will take it from here.'] : []),
  ];
  if (notes.length) tail.push({ type: 'context', elements: notes.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: clip(t, SLACK_LIMITS.fieldText) })) });
  tail.push(...suggestionBlocks(reply.suggestions ?? []));
  const products = reply.products ?? [];
  // Two blocks a product; what does not fit in the 50 is said in one line instead of being refused by Slack.
  let room = SLACK_LIMITS.blocks - head.length - tail.length;
  if (products.length * 2 > room) room -= 1;
  const shown = products.slice(0, Math.max(0, Math.floor(room / 2)));
  const productBlocks = shown.flatMap((p) => productCardBlocks(p, options));
  if (shown.length < products.length) productBlocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${products.length - shown.length} more not shown here.` }] });
  const blocks = [...head, ...productBlocks, ...tail].slice(0, SLACK_LIMITS.blocks);
  const message: SlackMessage = { text: clip(escape(plainSummary(text, products.length)), SLACK_LIMITS.sectionText), blocks };
  const payload: SlackReplyPayload = {
    ...(reply.actions?.length ? { cart: reply.actions.map((a) => ({ type: a.type, product_id: a.productId, quantity: a.quantity, ...(a.variantSku ? { variant_sku: a.variantSku } : {}) })) } : {}),
    ...(reply.handoff ? { handoff_reason: reply.handoff.reason } : {}),
  };
  if (payload.cart || payload.handoff_reason) message.metadata = { event_type: 'aisle_reply', event_payload: payload };
  return message;
}

/** The turn a button press stands for, or undefined for a button that is not Aisle's. */
export function turnOfSlackAction(actionId: string, value: string | undefined): { action: TurnAction } | { text: string } | undefined {
  if (!actionId.startsWith(SLACK_ACTION_PREFIX) || !value) return undefined;
  const kind = actionId.slice(SLACK_ACTION_PREFIX.length).split(':', 1)[0];
  if (kind === 'details') return { action: { type: 'details', productId: value } };
  if (kind === 'add_to_cart') return { action: { type: 'add_to_cart', productId: value } };
  if (kind === 'show_more') return { action: { type: 'show_more' } };
  if (kind === 'say') return { text: value };
  if (kind === 'feedback') return checkedAction({ type: 'feedback', answer: value, helpful: actionId.endsWith(':yes') });
  return undefined;
}

/** A press is data from outside: read back only as the schema allows (a forged 10 kB answer is no turn). */
function checkedAction(action: TurnAction): { action: TurnAction } | undefined {
  const parsed = turnActionSchema.safeParse(action);
  return parsed.success ? { action: parsed.data } : undefined;
}

/** A help answer's sources as one context line of links (absolute, like product links) and its thumbs as two buttons. */
function helpAnswerBlocks(reply: Reply, options: SlackRenderOptions): Block[] {
  const blocks: Block[] = [];
  const sources = (reply.citations ?? []).slice(0, SLACK_LIMITS.contextElements).map((c) => {
    const url = absoluteUrl(c.url, options.baseUrl);
    const title = escape(clip(c.title, 500));
    return { type: 'mrkdwn' as const, text: clip(`Source: ${url ? `<${linkTarget(url)}|${title}>` : title}`, SLACK_LIMITS.fieldText) };
  });
  if (sources.length) blocks.push({ type: 'context', elements: sources });
  if (reply.feedback) {
    const [yes, no] = feedbackButtons(reply.feedback.answer);
    blocks.push({ type: 'actions', elements: [
      button(`:thumbsup: ${yes!.title}`, 'feedback:yes', reply.feedback.answer),
      button(`:thumbsdown: ${no!.title}`, 'feedback:no', reply.feedback.answer),
    ] });
  }
  return blocks;
}

function productCardBlocks(p: ProductCard, options: SlackRenderOptions): Block[] {
  const url = absoluteUrl(p.url, options.baseUrl) ?? absoluteUrl(options.pageFor?.(p.id), options.baseUrl);
  const title = url ? `*<${linkTarget(url)}|${escape(clip(p.title, 500))}>*` : `*${escape(clip(p.title, 500))}*`;
  const rating = p.rating !== undefined ? ` · ★ ${p.rating.toFixed(1)}${p.reviewCount ? ` (${p.reviewCount})` : ''}` : '';
  const lines = [title, ...(p.brand ? [escape(clip(p.brand, 200))] : []), `${formatPrice(p.price, p.currency, options.locale)}${rating} · ${AVAILABILITY_LABELS[p.availability]}`];
  const block: types.SectionBlock = { type: 'section', text: mrkdwn(lines.join('\n')) };
  const image = pictureUrl(p.imageUrl, options.baseUrl);
  if (image) block.accessory = { type: 'image', image_url: image, alt_text: clip(p.title, SLACK_LIMITS.altText) };
  return [block, {
    type: 'actions',
    elements: [
      button('Details', `details:${p.id}`, p.id),
      { ...button('Add to cart', `add_to_cart:${p.id}`, p.id), style: 'primary' },
    ],
  }];
}

/** One section a product: its title, then a field per compared attribute (10 to a section). */
function comparisonBlocks(comparison: Comparison, options: SlackRenderOptions): Block[] {
  return comparison.products.flatMap((p, column) => {
    const fields = comparison.rows.map((row) => mrkdwn(clip(`*${escape(row.label)}*\n${escape(row.values[column] ?? '—')}`, SLACK_LIMITS.fieldText)));
    const sections: Block[] = [];
    for (let i = 0; i < Math.max(fields.length, 1); i += SLACK_LIMITS.fields) {
      const chunk = fields.slice(i, i + SLACK_LIMITS.fields);
      const heading = i === 0 ? { text: mrkdwn(`*${escape(clip(p.title, 500))}* · ${formatPrice(p.price, p.currency, options.locale)}`) } : {};
      sections.push({ type: 'section', ...heading, ...(chunk.length ? { fields: chunk } : {}) } as types.SectionBlock);
    }
    return sections;
  });
}

/** Quick replies as buttons, 25 to an actions block; pressing one says its words. */
function suggestionBlocks(suggestions: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < suggestions.length; i += SLACK_LIMITS.actionsElements) {
    const elements = suggestions.slice(i, i + SLACK_LIMITS.actionsElements).map((s, j) => button(s, `say:${i + j}`, s));
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

function button(label: string, action: string, value: string): Button {
  return {
    type: 'button', text: { type: 'plain_text', text: clip(label, SLACK_LIMITS.buttonText), emoji: true },
    action_id: clip(`${SLACK_ACTION_PREFIX}${action}`, SLACK_LIMITS.actionId, ''), value: clip(value, SLACK_LIMITS.buttonValue, ''),
  };
}

function section(text: types.MrkdwnElement): types.SectionBlock {
  return { type: 'section', text };
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) };
}

/** Slack reads `&`, `<` and `>` as markup: catalog text must never become a link or a mention. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (code points: a surrogate pair is never split), the last one `ellipsis` when cut. */
export function clip(text: string, max: number, ellipsis = '…'): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - ellipsis.length).join('') + ellipsis;
}

function absoluteUrl(url: string | undefined, base: string | undefined): string | undefined {
  const u = safeLink(url);
  if (!u) return undefined;
  if (isHttpUrl(u)) return u.length <= SLACK_LIMITS.imageUrl ? u : undefined;
  return base ? `${base.replace(/\/+$/, '')}${u}` : undefined;
}

/** Slack draws PNG, JPEG and GIF only, and refuses a whole message whose picture it cannot fetch: no SVGs (the storefront's own). */
function pictureUrl(url: string | undefined, base: string | undefined): string | undefined {
  const u = absoluteUrl(url, base);
  return u && !/\.svg(\?|#|$)/i.test(u) ? u : undefined;
}

/** `|` and `>` end a Slack link's address; they stay in it percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
}

function plainSummary(text: string, products: number): string {
  if (text) return text;
  return products ? `${products} product${products === 1 ? '' : 's'}` : ' ';
}
