import type { CategoryIndex } from '../search/category-index.ts';
import type { FacetVocabulary } from '../search/facet-vocabulary.ts';
import { hasFilters } from '../search/filters.ts';
import { parseQuery } from '../search/query-parser.ts';
import { extractEmails, extractOrderNumbers, withoutIdentifiers } from './identifiers.ts';
import { extractOrdinals } from './ordinals.ts';
import type { ProductNameIndex } from './product-names.ts';
import { readCartRequest } from './cart-request.ts';
import { readResultOrder } from './result-order.ts';
import type { Slots } from './slots.ts';
import { slotTags } from './intent-features.ts';
import { terms } from '../search/text.ts';

export interface SlotSources {
  vocabulary: FacetVocabulary;
  names: ProductNameIndex;
  /** Stemmed words of the catalog's category names and tags: the store's own nouns ("lamp", "duvet"). */
  productTerms: ReadonlySet<string>;
  /** ISO code the store prices in (USD when unsaid): an amount in another currency is said back, not applied. */
  currency?: string;
  /** What each of the store's categories is about: tells a need for something it sells from an off-topic message. */
  categories?: CategoryIndex;
}

/** Reads every slot out of a message; `shown` lets "the Japandi one" name an on-screen product. */
export function extractSlots(text: string, sources: SlotSources, shown: readonly { id: string; title: string }[] = []): Slots {
  const slots: Slots = {};
  const orderNumbers = extractOrderNumbers(text, (t) => terms(t).some((w) => sources.productTerms.has(w)));
  const emails = extractEmails(text);
  // "top rated" asks for an order, not for the category Tops: its words are read for nothing else.
  const plain = withoutIdentifiers(text, orderNumbers);
  const ordered = readResultOrder(plain);
  const rest = ordered?.rest ?? plain;
  const { filters, foreignPrice, residual } = parseQuery(rest, sources.vocabulary, { productTerms: sources.productTerms, storeCurrency: sources.currency });
  if (residual.trim()) slots.residual = residual;
  if (hasFilters(filters) || filters.exclude) slots.filters = filters;
  if (foreignPrice) slots.foreignPrice = foreignPrice;
  const ordinals = extractOrdinals(rest);
  if (ordinals) slots.ordinals = ordinals;
  const productIds = sources.names.match(rest, shown);
  if (productIds.length) slots.productIds = productIds;
  if (orderNumbers.length) slots.orderNumbers = orderNumbers;
  if (emails.length) slots.emails = emails;
  if (ordered) { slots.order = ordered.order; slots.orderWords = ordered.words; }
  const cart = readCartRequest(text);
  if (cart) slots.cart = cart;
  return slots;
}

/**
 * Classifier tags for a message: the kinds of slot it holds, and whether it names things the store sells.
 * `kindStrength` is the message's `CategoryIndex.strength`, when the caller has it already.
 */
export function messageTags(text: string, slots: Slots, sources: SlotSources, kindStrength?: number): string[] {
  const tags = slotTags(slots);
  const words = terms(text);
  if (words.some((t) => sources.productTerms.has(t))) tags.push('catalog-words');
  // The words say what one of the store's kinds of product is for ("wrist aches from the trackpad"): a need, not small talk.
  if ((kindStrength ?? sources.categories?.strength(words) ?? 0) >= KIND_WORDS) tags.push('kind-words');
  return tags;
}

/**
 * `CategoryIndex.strength` from which a message reads as talking about one kind of the store's products.
 * Set below understanding's own need threshold (2.6) so the intent model, trained with this tag over
 * the demo store's categories, learns from weaker evidence than the rule acts on; changing it means
 * retraining the intent model (npm run train:intents).
 */
const KIND_WORDS = 1.5;

