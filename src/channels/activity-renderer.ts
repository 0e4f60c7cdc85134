import type { Attachment, CardAction } from '@microsoft/agents-activity';
import type { Handoff, Reply, ReplyAction } from '../conversation/reply.ts';
import { activityBytes, limitsFor, type ActivityLimits } from './activity-limits.ts';
import { clip, comparisonCard, feedbackCard, productCard } from './adaptive-cards.ts';
import { absoluteUrl, productPageUrl, productPictureUrl, type PublicLinks } from './public-links.ts';
import { replyText } from './reply-text.ts';

/** What Aisle puts in `channelData.aisle` for a storefront channel to act on. */
export interface AisleChannelData {
  /** Things the storefront carries out (add to cart); the bot has only asked for them. */
  actions?: ReplyAction[];
  /** Pass the conversation to a person; the summary is for the agent who picks it up. */
  handoff?: Handoff;
}

/**
 * The message fields a Reply fills. Addressing (conversation, from, recipient, replyToId, serviceUrl)
 * is left to the adapter, which copies it from the incoming activity.
 */
export interface MessageActivityJson {
  type: 'message';
  text: string;
  /** Set when the text carries Markdown Aisle wrote (a help answer's source links). */
  textFormat?: 'markdown';
  attachments?: Attachment[];
  attachmentLayout?: 'carousel' | 'list';
  suggestedActions?: { to: string[]; actions: CardAction[] };
  channelData?: { aisle: AisleChannelData };
}

export interface RenderOptions {
  /** BCP 47 locale of the shopper (the activity's `locale`), for prices; defaults to en-US. */
  locale?: string;
  /** The activity's `channelId`: 'msteams' gets Teams' limits, others a safe default. */
  channelId?: string;
  /** How pictures and product pages become absolute URLs; none: only the catalog's absolute ones are sent. */
  links?: PublicLinks;
}

/** What the adapter adds to each activity (addressing, ids, serviceUrl), kept free under the size limit. */
const ENVELOPE_BYTES = 2048;

/** Leaner and leaner cards, tried in order until the message fits: facts go first, then the comparison's fallback, then pictures. */
const DETAIL_LEVELS: readonly CardDetail[] = [
  { facts: true, fallback: true, images: true },
  { facts: false, fallback: true, images: true },
  { facts: false, fallback: false, images: true },
  { facts: false, fallback: false, images: false },
];

interface CardDetail { facts: boolean; fallback: boolean; images: boolean }

/**
 * One message activity per reply, in order: cards for products and comparisons, chips for suggestions, a help answer's
 * sources as Markdown links after the text and its thumbs as a card; each within its channel's limits.
 */
export function renderActivities(replies: readonly Reply[], options: RenderOptions = {}): MessageActivityJson[] {
  return replies.map((reply) => renderActivity(reply, options));
}

/**
 * A reply as one activity that its channel accepts: at most `maxCards` cards, `maxActions` buttons each and
 * `maxBytes` in all. Too large, it sheds detail (facts, the comparison's fallback, pictures), then product cards
 * from the end, so the first products (the best matches) stay, then compared attributes from the end; the text
 * says what was left out.
 */
function renderActivity(reply: Reply, options: RenderOptions): MessageActivityJson {
  const limits = limitsFor(options.channelId);
  const shown: Shown = {
    products: Math.min(reply.products?.length ?? 0, limits.maxCards - (reply.comparison ? 1 : 0) - (reply.feedback ? 1 : 0)),
    rows: reply.comparison?.rows.length ?? 0,
  };
  for (;;) {
    for (const detail of DETAIL_LEVELS) {
      const activity = buildActivity(reply, shown, detail, options, limits);
      if (fits(activity, limits)) return activity;
    }
    if (shown.products > 0) shown.products -= 1;
    else if (shown.rows > 0) shown.rows = Math.floor(shown.rows / 2);
    else return shrinkText(buildActivity(reply, shown, DETAIL_LEVELS.at(-1)!, options, limits), limits);
  }
}

/** How many products and compared attributes a message carries. */
interface Shown { products: number; rows: number }

function buildActivity(reply: Reply, shown: Shown, detail: CardDetail, options: RenderOptions, limits: ActivityLimits): MessageActivityJson {
  const products = (reply.products ?? []).slice(0, shown.products);
  const comparison = reply.comparison && { ...reply.comparison, rows: reply.comparison.rows.slice(0, shown.rows) };
  const links = options.links ?? {};
  const sources = sourceLines(reply, links);
  // The sources are kept whole: the reply's words make room for them.
  const words = clip(replyText(reply), Math.max(1, limits.maxTextChars - (sources ? sources.length + 2 : 0)));
  const activity: MessageActivityJson = { type: 'message', text: [withNotes(words, reply, shown), sources].filter(Boolean).join('\n\n') };
  if (sources) activity.textFormat = 'markdown';
  const attachments = [
    ...(comparison ? [comparisonCard(comparison, { withFallback: detail.fallback })] : []),
    ...products.map((p) => productCard(p, {
      locale: options.locale, facts: detail.facts, pageUrl: productPageUrl(p, links),
      imageUrl: detail.images ? productPictureUrl(p, links) : undefined, maxActions: limits.maxActions,
    })),
    ...(reply.feedback ? [feedbackCard(reply.feedback.answer)] : []),
  ];
  if (attachments.length) {
    activity.attachments = attachments;
    // A carousel of products swipes; a comparison card is wide, and the thumbs card short: each reads better on its own line.
    activity.attachmentLayout = reply.comparison || products.length === 0 ? 'list' : 'carousel';
  }
  if (reply.suggestions?.length) {
    // `to: []` shows the chips to everyone in the conversation; the SDK's schema requires the field.
    activity.suggestedActions = { to: [], actions: reply.suggestions.slice(0, limits.maxSuggestions).map(imBack) };
  }
  const aisle: AisleChannelData = {
    ...(reply.actions?.length ? { actions: reply.actions } : {}),
    ...(reply.handoff ? { handoff: reply.handoff } : {}),
  };
  if (aisle.actions || aisle.handoff) activity.channelData = { aisle };
  return activity;
}

function fits(activity: MessageActivityJson, limits: ActivityLimits): boolean {
  return activityBytes(activity) + ENVELOPE_BYTES <= limits.maxBytes;
}

/**
 * The last resort, for a reply whose words alone are too long: the text is halved until the message fits, then a
 * handoff's summary (it travels in channelData, for the agent). Cut words beat a message Teams refuses whole.
 */
function shrinkText(activity: MessageActivityJson, limits: ActivityLimits): MessageActivityJson {
  let out = activity;
  while (!fits(out, limits) && out.text) out = { ...out, text: halve(out.text) };
  const handoff = out.channelData?.aisle.handoff;
  if (!handoff) return out;
  let summary = handoff.summary;
  const withSummary = (text: string): MessageActivityJson => ({ ...out, channelData: { aisle: { ...out.channelData!.aisle, handoff: { ...handoff, summary: text } } } });
  while (!fits(withSummary(summary), limits) && summary) summary = halve(summary);
  return withSummary(summary);
}

/** The first half of `text` with "…", or nothing once it is a character or two. */
function halve(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 2 ? '' : clip(text, Math.floor(chars.length / 2));
}

/** The reply's words, and what the message leaves out when it could not hold everything. */
function withNotes(text: string, reply: Reply, shown: Shown): string {
  const notes = [
    ...(shown.products < (reply.products?.length ?? 0) ? [`Showing the first ${shown.products} of ${reply.products!.length}.`] : []),
    ...(reply.comparison && shown.rows < reply.comparison.rows.length ? [`Comparing the first ${shown.rows} of ${reply.comparison.rows.length} details.`] : []),
  ];
  return [text, ...notes.map((n) => `(${n})`)].filter(Boolean).join('\n\n');
}

/**
 * "Source: [Title](url)", one line per cited article, absolute (the client opens it, not this server); a source
 * that cannot be made absolute (no AISLE_PUBLIC_URL) is named without a link. Empty when nothing is cited.
 */
function sourceLines(reply: Reply, links: PublicLinks): string {
  return (reply.citations ?? []).map((c) => {
    const url = absoluteUrl(c.url, links.baseUrl);
    const title = markdownText(clip(c.title, 200));
    return url ? `Source: [${title}](${url.replace(/[()<>]/g, percentEncoded)})` : `Source: ${title}`;
  }).join('\n\n');
}

/** "(" → "%28": encodeURIComponent leaves parentheses, which would end a Markdown link's address. */
function percentEncoded(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** A title as Markdown text: its brackets and emphasis marks cannot end the link or style the line. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Pressing a chip sends its words as the shopper's next message. */
function imBack(suggestion: string): CardAction {
  return { type: 'imBack', title: suggestion, value: suggestion };
}
