import { formatPrice } from '../src/conversation/format-price.ts';
import type { DialogServices } from '../src/conversation/dialog.ts';
import type { Reply } from '../src/conversation/reply.ts';
import type { StoredProduct } from '../src/domain.ts';
import { askWhich } from './product-dialog.ts';
import { afterResults, say, STARTERS } from './replies.ts';
import type { CartLine, MainState } from './state.ts';
import { facetKey } from '../src/search/filters.ts';
import { resolveOrdinals } from '../src/understanding/ordinals.ts';
import { pointsAt, resolveTargets, type TargetSlots } from './targets.ts';

type Step = { replies: Reply[]; state: MainState };

/** Aisle asks the channel to add to the store's cart; it only knows what it added itself. */
const ONLY_THIS_CHAT = 'That is what I added in this chat; your cart on the store may hold more.';

export function addToCart(state: MainState, slots: TargetSlots, services: DialogServices, quantity = 1): Step {
  const ids = resolveTargets(state, slots);
  // "add the first and third", "add the first two": several products picked out, each added.
  if (ids.length > 1 && pointsAt(slots)) return addSeveral(state, ids, slots, services, quantity);
  if (ids.length !== 1) return askWhich(state, 'add_to_cart', undefined, quantity);
  const product = services.product(ids[0]!);
  if (!product) return { replies: [say('That product is no longer in the catalog.')], state };
  if (product.availability === 'out_of_stock') {
    const text = `${product.title} is out of stock, so I can't add it. Want me to find something similar?`;
    return { replies: [say(text, { suggestions: ['Yes, show similar', 'No thanks'] })], state: { ...state, focus: product.id, pending: { kind: 'confirm-similar', productId: product.id } } };
  }
  const size = sizeFor(product, state, slots);
  if (product.sizes.length > 1 && !size) return askSize(state, product, quantity);
  return cartStep(state, product, quantity, size);
}

/** The size said now, else the one size the search is filtered to, when the product comes in it ("size 8" said earlier). */
function sizeFor(product: StoredProduct, state: MainState, slots: TargetSlots): string | undefined {
  const said = slots.filters?.sizes?.[0];
  if (said) return said;
  const searched = state.search?.filters.sizes;
  if (searched?.length !== 1) return undefined;
  return product.sizes.find((s) => facetKey(s) === facetKey(searched[0]!));
}

function askSize(state: MainState, product: StoredProduct, quantity: number): Step {
  return { replies: [say(`Which size of ${product.title}?`, { suggestions: product.sizes.slice(0, 8) })], state: { ...state, focus: product.id, pending: { kind: 'size', productId: product.id, options: product.sizes, quantity } } };
}

/** Adds each product that can be added as it is; says which are sold out, and asks the size of the first that needs one. */
function addSeveral(state: MainState, ids: string[], slots: TargetSlots, services: DialogServices, quantity: number): Step {
  let next = state;
  const replies: Reply[] = [];
  const soldOut: string[] = [];
  let needsSize: StoredProduct | undefined;
  for (const product of ids.flatMap((id) => services.product(id) ?? [])) {
    const size = sizeFor(product, state, slots);
    if (product.availability === 'out_of_stock') soldOut.push(product.title);
    else if (product.sizes.length > 1 && !size) needsSize ??= product;
    else {
      const step = cartStep(next, product, quantity, size);
      next = step.state;
      replies.push(...step.replies);
    }
  }
  if (soldOut.length) replies.push(say(`${soldOut.join(' and ')} ${soldOut.length > 1 ? 'are' : 'is'} out of stock, so I left ${soldOut.length > 1 ? 'them' : 'it'} out.`));
  if (needsSize) replies.push(...askSize(next, needsSize, quantity).replies);
  return { replies, state: needsSize ? askSize(next, needsSize, quantity).state : next };
}

/** Asks the channel to add the product, and remembers the line for "what's in my cart?". */
export function cartStep(state: MainState, product: StoredProduct, quantity: number, size?: string): Step {
  const variant = size ? product.variants.find((v) => Object.values(v.options).some((o) => o.toLowerCase() === size.toLowerCase())) : undefined;
  const action = { type: 'add_to_cart' as const, productId: product.id, quantity, ...(variant ? { variantSku: variant.sku } : {}) };
  const what = `${quantity > 1 ? `${quantity} × ` : ''}${product.title}${size ? ` (size ${size})` : ''}`;
  const line: CartLine = { productId: product.id, title: product.title, quantity, currency: product.currency, ...(size ? { size } : {}) };
  const unitPrice = variant?.price ?? product.price;
  if (unitPrice !== undefined) line.unitPrice = unitPrice;
  return {
    replies: [say(`Added ${what} to your cart.`, { actions: [action], suggestions: ['Keep shopping', 'Checkout help'] })],
    state: { ...state, focus: product.id, pending: undefined, cart: withLine(state.cart ?? [], line) },
  };
}

/** "What's in my cart?": the lines added in this conversation and their total. */
export function viewCart(state: MainState): Step {
  const cart = state.cart ?? [];
  if (cart.length === 0) {
    const text = "Your cart is empty: I haven't added anything in this chat yet. What would you like to find?";
    return { replies: [say(text, { suggestions: state.shown.length ? afterResults(state.shown.length) : STARTERS })], state };
  }
  const lines = cart.map((l) => `- ${l.quantity} × ${l.title}${l.size ? ` (size ${l.size})` : ''}: ${linePrice(l)}`);
  const text = [`In your cart:`, ...lines, `Total: ${totalText(cart)}.`, ONLY_THIS_CHAT].join('\n');
  return { replies: [say(text, { suggestions: ['Checkout help', 'Keep shopping'] })], state };
}

/**
 * "remove the second one", "take it out", "empty my cart": only the lines Aisle added here can go. A
 * position means the products on screen when one of them is in the cart, else the cart's own lines.
 */
export function changeCart(state: MainState, slots: TargetSlots, request: 'remove' | 'clear'): Step {
  const cart = state.cart ?? [];
  if (cart.length === 0) return { replies: [say("I haven't added anything to your cart in this chat, so there is nothing here for me to take out.")], state };
  const inCart = cart.map((l) => l.productId);
  const onScreen = resolveTargets(state, slots).filter((id) => inCart.includes(id));
  const ids = request === 'clear' ? inCart
    : onScreen.length ? onScreen
      : slots.ordinals ? resolveOrdinals(slots.ordinals, inCart)
        : cart.length === 1 ? inCart : [];
  if (ids.length === 0) {
    const list = cart.map((l, i) => `${i + 1}. ${l.title}`).join('\n');
    return { replies: [say(`Which one should I take out?\n${list}`, { suggestions: cart.slice(0, 4).map((l) => `Remove ${l.title}`) })], state };
  }
  const gone = cart.filter((l) => ids.includes(l.productId));
  const actions = gone.map((l) => ({ type: 'remove_from_cart' as const, productId: l.productId, quantity: l.quantity }));
  const left = cart.filter((l) => !ids.includes(l.productId));
  const text = `Removed ${gone.map((l) => l.title).join(' and ')} from your cart.${left.length ? ` Total now: ${totalText(left)}.` : ' Your cart is empty now.'}`;
  return { replies: [say(text, { actions, suggestions: ['Keep shopping', "What's in my cart?"] })], state: { ...state, cart: left, pending: undefined } };
}

/** The same product in the same size adds up on one line. */
function withLine(cart: CartLine[], line: CartLine): CartLine[] {
  const same = (l: CartLine) => l.productId === line.productId && l.size === line.size;
  if (!cart.some(same)) return [...cart, line];
  return cart.map((l) => (same(l) ? { ...l, quantity: l.quantity + line.quantity } : l));
}

function linePrice(l: CartLine): string {
  return formatPrice(l.unitPrice === undefined ? undefined : l.unitPrice * l.quantity, l.currency);
}

/** "$1,049.00", one sum per currency, noting lines without a price. */
function totalText(cart: CartLine[]): string {
  const sums = new Map<string, number>();
  for (const l of cart) if (l.unitPrice !== undefined) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.unitPrice * l.quantity);
  const total = [...sums].map(([currency, sum]) => formatPrice(sum, currency)).join(' + ') || formatPrice(0, cart[0]!.currency);
  return cart.some((l) => l.unitPrice === undefined) ? `${total}, not counting items without a listed price` : total;
}

/** "add 2 of the first one", "three of those", "3 boxes of the second": how many; 1 when unsaid. */
export function quantityIn(text: string): number {
  // "2 x" is a count, "90 x 200" a mattress size.
  const m = text.toLowerCase().match(/\b(\d{1,2}|two|three|four|five|six)\s*(?:x\b(?!\s*\d)|of\b|units?\b|pieces?\b|pairs?\b|packs?\b|sets?\b|box(?:es)?\b)/);
  if (!m) return 1;
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
  return words[m[1]!] ?? Math.max(1, Math.min(99, Number(m[1])));
}
