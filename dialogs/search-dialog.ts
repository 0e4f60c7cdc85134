import { meetingNeeds, readAttributeNeeds, type AttributeNeed } from '../src/conversation/attribute-needs.ts';
import { toCard } from '../src/conversation/cards.ts';
import { describeFilters } from '../src/conversation/describe-filters.ts';
import type { DialogServices } from '../src/conversation/dialog.ts';
import { broadResultQuestion, kindQuestion } from '../src/conversation/facet-split.ts';
import { orderResults, orderText } from '../src/conversation/order-results.ts';
import { refineSearch, wantsModestPrice, type SearchQuery } from '../src/conversation/refine-search.ts';
import type { Reply } from '../src/conversation/reply.ts';
import type { StoredProduct } from '../src/domain.ts';
import { terms } from '../src/search/text.ts';
import type { Filters } from '../src/search/filters.ts';
import type { Slots } from '../src/understanding/slots.ts';
import { readKindSwitch, ruledOutKinds, scopeOf, type KindSwitch } from './kind-switch.ts';
import { afterResults, say, STARTERS } from './replies.ts';
import type { MainState, OrderedSearch } from './state.ts';

export const PAGE_SIZE = 5;
const FACET_NAME: Record<string, string> = { colors: 'colour', materials: 'material', sizes: 'size', audience: 'who it is for', brands: 'brand', categories: 'category' };
const NOTHING_TO_REFINE = 'There is no search to narrow down yet. What are you looking for? For example "a blue linen sofa under $900".';
const NOT_A_REFINEMENT = 'I\'m not sure how to narrow these down with that. Try a price ("under $50"), a colour, a material, a brand, or "only in stock".';
/** Results read to judge whether a query is too broad; only the first page is shown. */
const SCAN = 40;
/** Results read when attribute needs filter them ("for 4 people"): enough that a page usually survives. */
const NEED_SCAN = 200;

type Step = { replies: Reply[]; state: MainState };

/**
 * A new search from the shopper's words, as understanding read them (the words to rank by, the
 * filters): what was on screen before no longer matters, and nothing is parsed again.
 */
export function newSearch(state: MainState, text: string, slots: Slots, services: DialogServices, o: { need?: boolean } = {}): Promise<Step> {
  // "what about a bed for him" after dog toys: another kind, looked for near the old one.
  const kind = o.need ? undefined : readKindSwitch(state, text, slots, services, { cueOnly: true });
  if (kind) return switchKind(state, kind, slots, services);
  const query: OrderedSearch = { text: slots.residual ?? text, filters: {}, understood: true, ...(slots.order ? { order: slots.order } : {}) };
  const priced = slots.filters?.priceMax !== undefined || slots.filters?.priceMin !== undefined || slots.order !== undefined;
  const modest = !priced && wantsModestPrice(text);
  return runSearch({ ...state, focus: undefined }, query, 0, services, { clarify: true, fromWords: slots.filters ?? {}, foreignPrice: slots.foreignPrice, need: o.need, modest });
}

/**
 * A follow-up read against the current search ("cheaper", "in blue", "any from Acme?"). With no
 * search, it narrows the kind of product in focus; with nothing at all, it asks what to look for,
 * unless the words themselves name something to find.
 */
export async function refine(state: MainState, text: string, slots: Slots, services: DialogServices): Promise<Step> {
  const base: OrderedSearch | undefined = state.search ?? kindOfFocus(state, services);
  if (!base) return namesSomething(text, slots, services) ? newSearch(state, text, slots, services) : askWhatToFind(state);
  // "what about shorts" after jeans names another kind: a new search for it, not a filter on these.
  const kind = readKindSwitch(state, text, slots, services);
  if (kind) return switchKind(state, kind, slots, services);
  const onScreen = state.shown.length ? state.shown : state.focus ? [state.focus] : [];
  const shownProducts = onScreen.flatMap((id) => services.product(id) ?? []);
  // "cheapest" orders the results; it caps no price, and its words are not searched for.
  const prices = slots.order ? [] : shownProducts.flatMap((p) => p.price ?? []);
  // "for 4 people", "under an hour", "bigger ones": checked against the products' attributes, not searched for.
  const attributes = readAttributeNeeds(text, shownProducts);
  const said0 = attributes.needs.length ? attributes.rest : text;
  // "not a chair" under desks and chairs: the chairs' categories are ruled out, and "chair" is not searched for.
  const ruled = ruledOutKinds(slots.orderWords ? said0.replace(slots.orderWords, ' ').replace(/\s+/g, ' ').trim() : said0, shownProducts);
  const said = withExcluded(slots.filters ?? {}, ruled.categories);
  const { extraWords, audience, ...refined } = refineSearch(base, ruled.text, said, prices, slots.residual ?? '');
  const order = slots.order ?? base.order;
  const needs = withNeeds(base.needs, attributes.needs);
  const query: OrderedSearch = { ...refined, ...(order ? { order } : {}), ...(needs.length ? { needs } : {}) };
  const narrowed = audience !== undefined || attributes.needs.length > 0 || JSON.stringify(query.filters) !== JSON.stringify(base.filters) || extraWords.some((w) => services.isCatalogTerm(w));
  if (!narrowed && !slots.order && extraWords.length === 0) return { replies: [say(NOT_A_REFINEMENT, { suggestions: afterResults(state.shown.length) })], state };
  const step = await runSearch(state, query, 0, services, { clarify: false, fallbackTo: state });
  // "for two people" where no product's record says how many it holds: said, not passed off as narrowed.
  if (attributes.unread.length && !attributes.needs.length && step.replies[0]?.products?.length) {
    const note = `None of these says whether it is ${attributes.unread.join(' or ')}, so I can't narrow them down by that`;
    // "in blue for two people": the colour did narrow them, and the reply must not hide it behind the note.
    const text = narrowed ? `${step.replies[0].text} ${note}.` : `${note}; these are the closest matches.`;
    return { replies: [say(text, { products: step.replies[0].products, suggestions: afterResults(step.state.shown.length) })], state: step.state };
  }
  // Words the store has no facet or tag for ("thicker", "for 4 people") still go to the ranker; say so when they moved nothing.
  if (narrowed || slots.order || !sameList(step.state.shown, state.shown)) return step;
  const note = `Those are still the closest matches: nothing here is described by "${extraWords.join(' ')}" in a way I can narrow down by.`;
  return { replies: [say(note, { products: step.replies[0]?.products, suggestions: afterResults(state.shown.length) })], state: step.state };
}

/** A search for the kind switched to, in the nearest scope that has it, with what still holds of the old search. */
async function switchKind(state: MainState, kind: KindSwitch, slots: Slots, services: DialogServices): Promise<Step> {
  const { categories: _named, ...said } = slots.filters ?? {};
  const { filters, found } = await scopeOf(kind, said, services);
  const query: OrderedSearch = { text: kind.text, filters, understood: true };
  // Found beside the old kind, the new one is there; looked for store-wide, it may not be sold at all.
  return runSearch({ ...state, focus: undefined }, query, 0, services, { clarify: false, named: !found, fromWords: kind.keep });
}

/** Needs said now replace earlier ones of the same kind and attribute ("for 6 people" after "for 4 people"). */
function withNeeds(before: readonly AttributeNeed[] = [], now: readonly AttributeNeed[]): AttributeNeed[] {
  const same = (a: AttributeNeed, b: AttributeNeed) => a.kind === b.kind && ('key' in a ? a.key : '') === ('key' in b ? b.key : '');
  return [...before.filter((b) => !now.some((n) => same(b, n))), ...now];
}

/** The cheaper half of the results, and that cap as the search's budget from here on. */
function withinModestPrice(products: StoredProduct[], filters: Filters): { pool: StoredProduct[]; filters: Filters } {
  const prices = products.flatMap((p) => p.price ?? []).sort((a, b) => a - b);
  if (prices.length < 4) return { pool: products, filters };
  const cap = Math.ceil(prices[(prices.length - 1) >> 1]!);
  return { pool: products.filter((p) => p.price !== undefined && p.price <= cap), filters: { ...filters, priceMax: cap } };
}

function withExcluded(said: Filters, categories: string[]): Filters {
  if (categories.length === 0) return said;
  return { ...said, exclude: { ...said.exclude, categories: [...new Set([...(said.exclude?.categories ?? []), ...categories])] } };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** "Yes" to "Want me to find something similar?": in-stock products of the same kind. */
export function findSimilar(state: MainState, product: StoredProduct, services: DialogServices): Promise<Step> {
  const query = { text: product.category.at(-1) ?? product.title, filters: { inStock: true } };
  return runSearch({ ...state, focus: undefined, pending: undefined }, query, 0, services, { clarify: false });
}

/** After a Details press or a product named, "cheaper" means cheaper products of its kind. */
function kindOfFocus(state: MainState, services: DialogServices): SearchQuery | undefined {
  const product = state.focus ? services.product(state.focus) : undefined;
  return product && { text: product.category.at(-1) ?? product.title, filters: {} };
}

/** "in blue", "cheaper lamps": a facet value or a word the catalog uses; "cheaper" alone names nothing. */
export function namesSomething(text: string, slots: Slots, services: Pick<DialogServices, 'isCatalogTerm'>): boolean {
  const f = slots.filters ?? {};
  const facets = [f.colors, f.materials, f.brands, f.categories, f.sizes].some((l) => (l?.length ?? 0) > 0);
  return facets || terms(text).some((t) => services.isCatalogTerm(t));
}

function askWhatToFind(state: MainState): Step {
  return { replies: [say(NOTHING_TO_REFINE, { suggestions: STARTERS })], state: { ...state, pending: undefined } };
}

export async function showMore(state: MainState, services: DialogServices): Promise<Step> {
  if (!state.search) return { replies: [say('There is nothing to show more of yet. What are you looking for?')], state };
  return runSearch(state, state.search, state.search.page + 1, services, { clarify: false });
}

/** The shopper picked one of the values offered by a clarifying question. */
export function answerFacet(state: MainState, facet: 'categories' | 'brands' | 'colors' | 'materials', value: string, services: DialogServices): Promise<Step> {
  const search = state.search ?? { text: value, filters: {}, page: 0, clarified: true };
  const query = { text: search.text, filters: { ...search.filters, [facet]: [value] }, ...(search.understood ? { understood: true as const } : {}), ...(search.order ? { order: search.order } : {}) };
  return runSearch({ ...state, pending: undefined }, query, 0, services, { clarify: false, fallbackTo: state });
}

/** "forget the colour": the facet is opened (an empty list, so the search's words can't bring it back), the rest kept. */
export function dropFacet(state: MainState, facet: 'colors' | 'sizes' | 'materials' | 'brands' | 'price', services: DialogServices): Promise<Step> {
  const search = state.search!;
  const filters: Filters = { ...search.filters };
  if (facet === 'price') {
    delete filters.priceMin;
    delete filters.priceMax;
  } else {
    filters[facet] = [];
    if (facet !== 'sizes' && filters.exclude?.[facet]) filters.exclude = { ...filters.exclude, [facet]: undefined };
  }
  const query: OrderedSearch = { ...search, filters };
  return runSearch({ ...state, pending: undefined }, query, 0, services, { clarify: false, fallbackTo: state });
}

/** "Prices here are in USD": a budget in pounds is said back, never converted at a guessed rate. */
function foreignPriceNote(foreign: { currency: string } | undefined, currency: string | undefined): string {
  if (!foreign || !currency) return '';
  return ` Prices here are in ${currency}, so I didn't apply the budget you gave in ${foreign.currency}; tell me one in ${currency} and I'll narrow these down.`;
}

interface RunOptions {
  clarify: boolean;
  fallbackTo?: MainState;
  /** Filters read from a new search's words: the ones given up one by one when nothing matches. */
  fromWords?: Filters;
  foreignPrice?: Slots['foreignPrice'];
  /** A need or a problem in the shopper's words ("my wrist aches from the trackpad"): the reply offers ideas, not "what I found for". */
  need?: boolean;
  /** The shopper named the kind wanted in this message (a kind switch): say so when no result is of it. */
  named?: boolean;
  /** "nothing crazy expensive": the results are capped at their median price, which then holds as a budget. */
  modest?: boolean;
}

async function runSearch(state: MainState, query: OrderedSearch, page: number, services: DialogServices, o: RunOptions): Promise<Step> {
  const understood = query.understood ? { fromWords: o.fromWords ?? {} } : undefined;
  const needs = query.needs ?? [];
  const found = await services.searchProducts(query.text, query.filters, Math.max(needs.length ? NEED_SCAN : SCAN, (page + 1) * PAGE_SIZE), understood);
  const met = needs.length ? meetingNeeds(found.products, needs) : found.products;
  const { pool, filters } = o.modest ? withinModestPrice(met, found.filters) : { pool: met, filters: found.filters };
  const ranked = orderResults(pool, query.order);
  const products = ranked.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const filtersText = [describeFilters(filters, products[0]?.currency), ...needs.map((n) => n.label)].filter(Boolean).join(', ');
  if (products.length === 0) {
    if (page > 0) return { replies: [say('That is everything I found for this search.', { suggestions: ['Cheaper', 'Start over'] })], state };
    const keep = o.fallbackTo ?? { ...state, search: undefined, shown: [], pending: undefined };
    const text = o.fallbackTo
      ? `Nothing matches "${query.text}"${filtersText ? ` ${filtersText}` : ''}. I kept the previous results; try loosening a filter.`
      : found.unsold ? `This store doesn't seem to sell "${found.unsold}": nothing here goes by that name. Is there something else I can find for you?`
        : `I couldn't find anything for "${query.text}". Try fewer details or other words.`;
    return { replies: [say(text, { suggestions: o.fallbackTo ? ['Show more', 'Start over'] : ['Talk to a person'] })], state: keep };
  }
  // A kind named in the shopper's own words that no result is ("golf balls" → golf bags): the results are alternatives, not worth narrowing.
  const unmatched = (o.clarify || o.named) && !o.need && page === 0 ? found.unmatchedKind : undefined;
  // A need names no kind of product: ask which of the kinds shown first, before any brand or colour.
  const question = !o.clarify || page > 0 || unmatched ? undefined
    : (o.need && kindQuestion(ranked.slice(0, PAGE_SIZE), filters)) || broadResultQuestion(ranked, filters);
  const relaxedText = found.relaxed.length ? ` Nothing matched every detail, so I left out the ${found.relaxed.map((f) => FACET_NAME[f] ?? f).join(' and ')}.` : '';
  const intro = o.need ? 'Here are a few things from the store that could help'
    : unmatched ? `I couldn't find any ${unmatched} in this store; here are the closest alternatives` : `Here is what I found for "${query.text}"`;
  // The thing named has no name here: say so before showing what matched the rest of the words.
  const unsoldText = found.unsold ? `Nothing here goes by "${found.unsold}", so these match the rest of what you asked. ` : '';
  const lead = page > 0 ? `Here are more results (${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + products.length}).`
    : `${unsoldText}${intro}${filtersText ? `, ${filtersText}` : ''}${orderText(query.order)}.${relaxedText}${foreignPriceNote(o.foreignPrice ?? found.foreignPrice, products[0]?.currency)}`;
  const replies: Reply[] = [say(lead, { products: products.map(toCard), suggestions: question ? undefined : afterResults(products.length) })];
  if (question) replies.push(say(`${question.question} That helps me narrow it down.`, { suggestions: question.options }));
  return {
    replies,
    state: {
      ...state,
      search: { text: query.text, filters, ...(query.understood ? { understood: true as const } : {}), ...(query.order ? { order: query.order } : {}), ...(needs.length ? { needs } : {}), page, clarified: state.search?.clarified === true || !o.clarify || !!question },
      shown: products.map((p) => p.id),
      focus: products.length === 1 ? products[0]!.id : undefined,
      pending: question ? { kind: 'facet', facet: question.facet, options: question.options } : undefined,
    },
  };
}
