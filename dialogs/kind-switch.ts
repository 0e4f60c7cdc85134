import type { DialogServices } from '../src/conversation/dialog.ts';
import { FILLER } from '../src/conversation/refine-search.ts';
import { isAudienceWord } from '../src/search/audience.ts';
import { facetKey, type Filters } from '../src/search/filters.ts';
import { isOfKind } from '../src/search/kind-match.ts';
import { isStopword, stem, terms, words } from '../src/search/text.ts';
import type { Slots } from '../src/understanding/slots.ts';
import type { MainState } from './state.ts';

/**
 * A follow-up that moves to another kind of product ("what about shorts" after jeans, "bike lights
 * then", "something educational instead"): a new search for that kind, not a filter on the old results.
 */
export interface KindSwitch {
  /** The words to search by: the follow-up without its steering words ("a bed for him"). */
  text: string;
  /** The text with the old kind's head nouns ("outdoor planter"): finds the new kind's category beside the old one's. */
  probe: string;
  /** Stems every product of the new kind shows in its title or category ("bed"; "bike", "light"). */
  kindTerms: string[];
  /** Category names to look in first, nearest the old kind first ("Dog", then "Pets"): "a bed for him" after dog toys means a dog bed. */
  scopes: string[];
  /** What still holds for another kind: who it is for, colours and materials (given up when nothing matches), stock. */
  keep: Filters;
  /** The budget, kept only while the new kind is looked for in the old one's department. */
  budget: Pick<Filters, 'priceMin' | 'priceMax'>;
  /** "instead": the old kinds are ruled out, or the same products would come back. */
  exclude: string[];
}

/** Words by which a shopper says the next thing replaces the current one, rather than narrows it. */
const SWITCH_CUE = /\b(?:what about|how about|instead|rather|switch to)\b|\bthen\s*[?.!]*$/i;
const CUES = /\b(?:what about|how about|instead|rather|switch to|then)\b/gi;
const REPLACING = /\b(?:instead|rather)\b/i;
/** "what about blue ones": "ones" points back at the current kind. */
const SAME_KIND = /\b(?:ones?|them|those|these)\b/i;

/**
 * The kind switch a follow-up asks for, or undefined when it narrows the current search. It switches
 * when it names a category off every shown product's path ("shorts" after jeans; "for a big dog" after
 * dog toys is on the path), or, after a cue ("what about", "instead", "… then"), words of the store
 * the current search does not have ("bike lights then" after bikes). `cueOnly` for a message read as
 * a new search: without a cue ("nvm, show me blenders") it starts afresh, keeping nothing.
 */
export function readKindSwitch(state: MainState, text: string, slots: Slots, services: Pick<DialogServices, 'product' | 'isCatalogTerm'>, o: { cueOnly?: boolean } = {}): KindSwitch | undefined {
  const search = state.search;
  const shown = (state.shown.length ? state.shown : state.focus ? [state.focus] : []).flatMap((id) => services.product(id) ?? []);
  if (!search || shown.length === 0 || slots.order) return undefined;
  const onPath = new Set(shown.flatMap((p) => p.category.map(facetKey)));
  const had = new Set([...(search.filters.categories ?? []).map(facetKey), ...terms(search.text)]);
  const named = (slots.filters?.categories ?? []).filter((c) => !onPath.has(facetKey(c)) && !had.has(facetKey(c)));
  const said = words(slots.residual ?? text).filter((w) => !isStopword(w) && !FILLER.has(stem(w)) && !isAudienceWord(w) && !/\d/.test(w));
  const fresh = said.filter((w) => services.isCatalogTerm(stem(w)) && !had.has(stem(w)));
  const cued = SWITCH_CUE.test(text) && !SAME_KIND.test(text);
  if (!(cued && fresh.length > 0) && (named.length === 0 || o.cueOnly)) return undefined;
  const path = shown[0]!.category;
  const f = search.filters;
  const newText = (slots.residual ?? text).replace(CUES, ' ').split(/\s+/).filter((w) => !words(w).some((x) => FILLER.has(stem(x)))).join(' ').trim();
  const oldHeads = (path.at(-1) ?? '').split(/\s*(?:&|,|\band\b)\s*/).flatMap((part) => part.split(/\s+/).slice(-1));
  return {
    text: newText,
    probe: [newText, ...oldHeads].join(' '),
    kindTerms: kindTermsOf(said, named, services),
    // "instead" turns from the old kind: the department's other kinds, rather than its nearest neighbours.
    scopes: REPLACING.test(text) ? path.slice(0, 1) : path.slice(0, -1).reverse(),
    keep: {
      ...(f.audience ? { audience: f.audience } : {}), ...(f.inStock ? { inStock: true } : {}),
      ...(f.colors?.length ? { colors: f.colors } : {}), ...(f.materials?.length ? { materials: f.materials } : {}),
      ...(f.exclude?.colors || f.exclude?.materials ? { exclude: { colors: f.exclude.colors, materials: f.exclude.materials } } : {}),
    },
    budget: { ...(f.priceMin !== undefined ? { priceMin: f.priceMin } : {}), ...(f.priceMax !== undefined ? { priceMax: f.priceMax } : {}) },
    exclude: REPLACING.test(text) ? [...new Set(shown.map((p) => p.category.at(-1)!).filter(Boolean))] : [],
  };
}

/** The store's words of the new kind ("bed" of "a bed for him"), or the words of the categories named. */
function kindTermsOf(said: string[], named: string[], services: Pick<DialogServices, 'isCatalogTerm'>): string[] {
  const own = said.map(stem).filter((t) => services.isCatalogTerm(t));
  return [...new Set(own.length ? own : terms(named.join(' ')))];
}

/** Results read in each scope: enough to find a category of the new kind beside the old one. */
const SCOPE_DEPTH = 20;

/**
 * Where the new kind is: in the nearest scope around the old kind, a category named by every kind
 * word ("outdoor" beside Indoor Planters is Outdoor Planters), else that scope when its first results
 * are of the new kind by title; else the whole store, without the old budget. Colours and materials
 * kept from the old search may still be given up when nothing matches.
 */
export async function scopeOf(s: KindSwitch, said: Filters, services: Pick<DialogServices, 'searchProducts'>): Promise<{ filters: Filters; found: boolean }> {
  const base: Filters = { ...said, ...(s.exclude.length ? { exclude: { ...said.exclude, categories: s.exclude } } : {}) };
  const has = (text: string) => { const own = new Set(terms(text)); return s.kindTerms.every((t) => own.has(t)); };
  for (const scope of s.scopes) {
    const filters = { ...s.budget, ...base, categories: [scope] };
    // Probed without the old search's colours: they may be given up later, the kind may not.
    const pages = await Promise.all([s.text, s.probe].map((text) => services.searchProducts(text, filters, SCOPE_DEPTH, { fromWords: {} })));
    const leaf = pages.flatMap((p) => p.products).map((p) => p.category.at(-1) ?? '').find((c) => c && !s.exclude.includes(c) && has(c));
    if (leaf) return { filters: { ...filters, categories: [leaf] }, found: true };
    if (pages[0]!.products.slice(0, 3).some((p) => has(p.title))) return { filters, found: true };
  }
  return { filters: base, found: false };
}

/** "not a chair", "no candles", "without the lamp": a kind ruled out by name. */
const RULED_OUT = /\b(?:not|no|without|except|but not)\s+(?:a|an|the|any|more)?\s*([a-z][a-z-]+)/gi;

/**
 * Kinds on screen the shopper rules out by name ("not a chair, I already have one" under desks and
 * chairs): the leaf categories of the shown products whose title or category is named by that noun,
 * and the text without the ruled-out words, so they are not searched for again.
 */
export function ruledOutKinds(text: string, shown: readonly { title: string; category: string[] }[]): { categories: string[]; text: string } {
  const categories = new Set<string>();
  let rest = text;
  for (const m of text.matchAll(RULED_OUT)) {
    const noun = stem(m[1]!.toLowerCase());
    const leaves = shown.filter((p) => isOfKind(p, noun)).map((p) => p.category.at(-1)!).filter(Boolean);
    if (leaves.length === 0) continue;
    leaves.forEach((c) => categories.add(c));
    rest = rest.replace(m[0], ' ');
  }
  return { categories: [...categories], text: rest.replace(/\s+/g, ' ').trim() };
}
