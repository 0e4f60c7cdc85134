import type { DialogServices } from '../src/conversation/dialog.ts';
import type { Reply } from '../src/conversation/reply.ts';
import { facetKey } from '../src/search/filters.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import { addToCart, quantityIn } from './cart-dialog.ts';
import { dropFacet, refine } from './search-dialog.ts';
import type { MainState } from './state.ts';

type Step = { replies: Reply[]; state: MainState };
type Facet = 'colors' | 'sizes' | 'materials' | 'brands' | 'price';

const FACET_WORDS: Record<string, Facet> = { colour: 'colors', color: 'colors', size: 'sizes', material: 'materials', fabric: 'materials', brand: 'brands', price: 'price', budget: 'price' };
/** "forget the colour", "drop the size", "any brand is fine", "the colour doesn't matter". */
const DROP = /^(?:(?:ok(?:ay)?|actually|and|also|oh)[\s,]+)?(?:(?:forget|drop|remove|ignore|scrap|lose|clear|skip|never ?mind|nevermind|no need for|don'?t (?:care|worry) about)\s+(?:about\s+)?(?:the\s+|that\s+|my\s+)?(colou?r|size|material|fabric|brand|price|budget)s?(?:\s+(?:filter|limit|thing|part))?|(?:any|whatever)\s+(colou?r|size|material|fabric|brand)s?(?:\s+(?:is|are)\s+(?:fine|ok(?:ay)?|good))?|(?:the\s+)?(colou?r|size|material|fabric|brand|price)s?\s+(?:does ?n[o']?t|doesnt|do ?n[o']?t) matter)\s*[.!]*$/i;
/** "3 pairs of the first", "2 of the second one", "two of those": a quantity of a product on screen. */
const QUANTITY_OF = /^(?:(?:i'?ll take|i want|give me|add|get me|can i (?:get|have))\s+)?(\d{1,2}|two|three|four|five|six)\s+(?:(?:pairs?|packs?|sets?|units?|pieces?|boxes?)\s+)?of\s+(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d(?:st|nd|rd|th)|that|this|those|these|them|it)\b/i;
/** A bare size: "9", "10.5", "XL" is read by the slot reader already. */
const BARE_NUMBER = /^\s*(\d{1,2}(?:\.5)?)\s*$/;

/**
 * Short follow-ups the intent model misreads, recognised by their shape against what is on screen:
 * dropping one filter ("forget the colour", read as start over), a quantity of a shown product
 * ("3 pairs of the first", read as a comparison), a bare number that is a size the results come in
 * ("9", read as show more). Undefined for any other message.
 */
export function shortFollowUp(state: MainState, text: string, u: Understanding, services: DialogServices): Promise<Step> | Step | undefined {
  if (!state.search && !state.shown.length) return undefined;
  const drop = state.search ? text.trim().match(DROP) : null;
  if (drop) return dropFacet(state, FACET_WORDS[(drop[1] ?? drop[2] ?? drop[3])!.toLowerCase().replace('colour', 'color')]!, services);
  if (QUANTITY_OF.test(text.trim()) && state.shown.length && u.intent !== 'add_to_cart') {
    return addToCart({ ...state, pending: undefined }, u.slots, services, quantityIn(text));
  }
  const size = text.match(BARE_NUMBER)?.[1];
  if (size && state.search && comesIn(state, size, services)) return refine({ ...state, pending: undefined }, text, { ...u.slots, filters: { ...u.slots.filters, sizes: [size] } }, services);
  return undefined;
}

/** Some product on screen comes in the size. */
function comesIn(state: MainState, size: string, services: DialogServices): boolean {
  const key = facetKey(size);
  return state.shown.some((id) => services.product(id)?.sizes.some((s) => facetKey(s) === key || facetKey(s) === facetKey(`US ${size}`)));
}
