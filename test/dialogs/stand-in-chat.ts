import { emptyProfile } from '../../src/storage/conversation-store.ts';
import { createDialogServices, type SupportDesk } from '../../src/conversation/dialog-services.ts';
import type { DialogServices } from '../../src/conversation/dialog.ts';
import type { Caller, OrderDesk } from '../../src/orders/order-desk.ts';
import type { Reply, TurnAction } from '../../src/conversation/reply.ts';
import { emptyProduct, type Availability, type StoredProduct } from '../../src/domain.ts';
import { buildFacetVocabulary } from '../../src/search/facet-vocabulary.ts';
import type { Filters } from '../../src/search/filters.ts';
import { buildLexicalIndex } from '../../src/index/lexical-index.ts';
import { catalogLanguageOf, createProductSearch } from '../../src/search/product-search.ts';
import { lexicalDocument } from '../../src/search/product-text.ts';
import type { Intent } from '../../src/understanding/intents.ts';
import type { Slots } from '../../src/understanding/slots.ts';
import type { Understanding } from '../../src/understanding/understand.ts';
import { createProductNameIndex } from '../../src/understanding/product-names.ts';
import { extractSlots } from '../../src/understanding/slot-extractor.ts';
import { mainDialog } from '../../dialogs/main-dialog.ts';
import type { Lexicon } from '../../src/search/lexicon.ts';
import type { MainState } from '../../dialogs/state.ts';

interface Spec {
  category: string[];
  price: number;
  colors?: string[];
  materials?: string[];
  sizes?: string[];
  rating?: number;
  availability?: Availability;
}

function item(id: string, title: string, spec: Spec): StoredProduct {
  return { ...emptyProduct(id, title), availability: 'in_stock', ...spec, colors: spec.colors ?? [], materials: spec.materials ?? [], sizes: spec.sizes ?? [], version: 1 };
}

const SOFAS = ['Furniture', 'Sofas'];
const HOODIES = ['Apparel', 'Hoodies'];
const LAMPS = ['Lighting', 'Lamps'];
const ARMCHAIRS = ['Furniture', 'Armchairs'];
const DOG_BEDS = ['Pets', 'Dog Beds'];

/**
 * A small store: sofas told apart by colour, price and rating (titles name no colour; the top-rated
 * one is sold out), armchairs in four materials (the leather one cheap enough to survive "cheaper"),
 * hoodies for men, women and kids, lamps, a mug, dog beds.
 */
export const STORE: StoredProduct[] = [
  item('sofa-harbor', 'Harbor sofa', { category: SOFAS, price: 1200, colors: ['Blue'], materials: ['Linen'], rating: 4.2 }),
  item('sofa-moss', 'Moss velvet sofa', { category: SOFAS, price: 450, colors: ['Green'], materials: ['Velvet'], rating: 4.7, availability: 'out_of_stock' }),
  item('sofa-fog', 'Fog sofa', { category: SOFAS, price: 380, colors: ['Grey'], materials: ['Linen'], rating: 3.9 }),
  item('sofa-onyx', 'Onyx sofa', { category: SOFAS, price: 900, colors: ['Black'], materials: ['Leather'], rating: 4.5 }),
  item('sofa-cloud', 'Cloud sofa', { category: SOFAS, price: 650, colors: ['White'], materials: ['Boucle'], rating: 4.1 }),
  item('hoodie-men', "Men's fleece hoodie", { category: HOODIES, price: 60, colors: ['Black'], sizes: ['S', 'M', 'L', 'XL'] }),
  item('hoodie-women', "Women's cropped hoodie", { category: HOODIES, price: 55, colors: ['Pink'], sizes: ['XS', 'S', 'M', 'L', 'XL'] }),
  item('hoodie-kids-zip', "Kids' zip hoodie", { category: HOODIES, price: 30, colors: ['Red'], sizes: ['6', '8', '10', '12'] }),
  item('hoodie-kids-dino', "Kids' dino hoodie", { category: HOODIES, price: 25, colors: ['Green'], sizes: ['4', '6', '8'] }),
  item('lamp-arc', 'Arc floor lamp', { category: LAMPS, price: 159, colors: ['Black'], availability: 'out_of_stock' }),
  item('lamp-brass', 'Brass desk lamp', { category: LAMPS, price: 79, colors: ['Gold'] }),
  item('lamp-ceramic', 'Ceramic table lamp', { category: LAMPS, price: 45, colors: ['White'] }),
  item('mug-stoneware', 'Stoneware mug', { category: ['Kitchen', 'Mugs'], price: 18, colors: ['Blue'] }),
  item('armchair-saddle', 'Saddle leather armchair', { category: ARMCHAIRS, price: 320, colors: ['Brown'], materials: ['Leather'], rating: 4.4 }),
  item('armchair-wingback', 'Wingback armchair', { category: ARMCHAIRS, price: 540, colors: ['Green'], materials: ['Linen'], rating: 4.6 }),
  item('armchair-rattan', 'Rattan lounge armchair', { category: ARMCHAIRS, price: 280, colors: ['Natural'], materials: ['Rattan'], rating: 4.0 }),
  item('armchair-boucle', 'Boucle accent armchair', { category: ARMCHAIRS, price: 410, colors: ['Cream'], materials: ['Boucle'], rating: 4.3 }),
  item('dog-bed-orthopedic', 'Orthopedic dog bed', { category: DOG_BEDS, price: 89, colors: ['Grey'], materials: ['Memory foam'], sizes: ['M', 'L'] }),
  item('dog-bed-donut', 'Donut dog bed', { category: DOG_BEDS, price: 45, colors: ['Beige'], materials: ['Faux fur'] }),
];

/** A sliver of general English: nouns this store has no word for, as the shipped lexicon would know them. */
const LEXICON: Lexicon = { related: () => [], namesThing: (word) => ['tampons', 'faucet'].includes(word) };
const deps = { products: STORE, lexical: buildLexicalIndex(STORE.map(lexicalDocument)), vocabulary: buildFacetVocabulary(STORE), lexicon: LEXICON };
const language = catalogLanguageOf(deps);
const search = createProductSearch(deps, language);
const SOURCES = { vocabulary: language.vocabulary, names: createProductNameIndex(STORE), productTerms: language.productTerms, currency: language.currency };

/** A row of a transcript: what the shopper says, the intent the classifier is taken to give, and the slots read from it. */
export type Says = [text: string, intent: Intent | 'not_sure', slots?: Slots, confidence?: number, extra?: Partial<Pick<Understanding, 'language' | 'catalogWords' | 'ranking' | 'need' | 'noEnglish' | 'frustrated'>>];

/**
 * The main dialog alone over the small store, with fixed understandings: what the dialog does with
 * a reading, whatever the classifier of the day makes of the words. Records every search it runs.
 */
export function standInChat(state: MainState = mainDialog.initial(), options: { support?: SupportDesk; orders?: OrderDesk; caller?: Caller; humanOnly?: Intent[] } = {}) {
  const searches: { text: string; filters: Filters }[] = [];
  const real = createDialogServices(search, language.productTerms, options.support, options.orders, options.humanOnly);
  const caller = options.caller ?? { user: 'shopper', conversation: 'stand-in', channel: 'test' };
  const services: DialogServices = {
    ...real,
    searchProducts: (text, filters, k, understood) => {
      searches.push({ text, filters: structuredClone({ ...understood?.fromWords, ...filters }) });
      return real.searchProducts(text, filters, k, understood);
    },
  };
  const chat = {
    state,
    searches,
    async say(...[text, intent, slots = {}, confidence = 0.9, extra = {}]: Says): Promise<Reply[]> {
      // The intent is fixed; the slots are read by the real slot reader over this store, as understanding would, unless given.
      const read = extractSlots(text, SOURCES, mainDialog.shown(chat.state).flatMap((id) => STORE.filter((p) => p.id === id)));
      const understanding = { intent, confidence, ranking: [] as Understanding['ranking'], slots: { ...read, ...slots }, ...extra };
      const step = await mainDialog.step(chat.state, { kind: 'text', text, understanding, caller }, services, emptyProfile(caller.user));
      chat.state = step.state;
      return step.replies;
    },
    async press(action: TurnAction): Promise<Reply[]> {
      const step = await mainDialog.step(chat.state, { kind: 'action', action }, services, emptyProfile('shopper'));
      chat.state = step.state;
      return step.replies;
    },
    /** Plays the rows in order; the replies of each. */
    async play(rows: Says[]): Promise<Reply[][]> {
      const out: Reply[][] = [];
      for (const row of rows) out.push(await chat.say(...row));
      return out;
    },
  };
  return chat;
}

export const product = (id: string): StoredProduct => search.product(id)!;
export const textOf = (replies: Reply[]): string => replies.map((r) => r.text).join('\n');
export const shownIds = (replies: Reply[]): string[] => replies.flatMap((r) => [...(r.products ?? []), ...(r.comparison?.products ?? [])]).map((p) => p.id);
export const cartActions = (replies: Reply[]) => replies.flatMap((r) => r.actions ?? []);
export const handedOver = (replies: Reply[]): boolean => replies.some((r) => r.handoff);
