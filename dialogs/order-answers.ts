// Reading the answers the order flow asks for: an e-mail or postcode, and which items.
import type { ProofKind } from '../src/orders/order-desk.ts';
import { numberKey, postcodeKey } from '../src/orders/order.ts';
import { bareOrderCode } from '../src/understanding/support-topics.ts';

/** What the proof question asked for when the flow did not record it (a state saved before it did). */
const BOTH: readonly ProofKind[] = ['email', 'postcode'];

const EMAIL = /[^\s@<>()",;]+@[^\s@<>()",;]+\.[a-z]{2,}/i;
/** "my zip is", "it's", "postcode:" before the code itself. */
const LEAD = /^(?:(?:it'?s|its|it is|sure|ok(?:ay)?|here(?: you go)?|my|the|zip(?: ?code)?|post ?code|postal code|is|:|,)\s*)+/i;
/** A ZIP, ZIP+4 or postcode: letters and digits, 3–10 long, at least one digit ("43215", "SW1A 1AA", "K1A 0B1"). */
const POSTCODE = /^(?=[a-z0-9 -]*\d)[a-z0-9][a-z0-9 -]{1,8}[a-z0-9]$/i;

/**
 * The e-mail or postcode in a reply to "send the e-mail or postcode on the order"; undefined when it holds neither.
 * A postcode only when one was `asked` for: where the question named the e-mail alone, a code is no proof.
 */
export function proofIn(text: string, emails: readonly string[] | undefined, asked: readonly ProofKind[] = BOTH): string | undefined {
  const email = emails?.[0] ?? text.match(EMAIL)?.[0];
  if (email) return email.replace(/[.,;!?]+$/, '');
  if (!asked.includes('postcode')) return undefined;
  const code = text.trim().replace(/[.!]+$/, '').replace(LEAD, '').trim();
  return POSTCODE.test(code) ? code : undefined;
}

/** "#AD-2044": a code marked as an order number, whatever the slot extractor made of the message. */
const HASH_CODE = /#\s?([a-z0-9][a-z0-9-]{2,24})/gi;
/** What may stand around a corrected number and the proof beside it ("order number 10403 and zip 43215"). */
const NUMBER_WORDS = /\b(?:order(?:\s+(?:number|no\.?|num|id))?(?:\s+is)?|and|with|sorry|actually|i meant|it'?s)\b\s*[:#]?/gi;

/**
 * An order number other than `current` in a reply to "send the e-mail or postcode" (a corrected number), with
 * what is left of the message for the proof; undefined when it names none. Read as what was `asked`: where a
 * postcode was asked for, digits alone that read as one stay a postcode ("10403" cannot be told from a ZIP unless
 * marked: "#10403", "order 10403"); where only the e-mail was, a bare code is another order number.
 */
export function otherOrderIn(text: string, slotNumbers: readonly string[] | undefined, current: string, asked: readonly ProofKind[] = BOTH): { number: string; rest: string } | undefined {
  const bare = asked.includes('postcode') ? undefined : bareOrderCode(text, true);
  const said = [...[...text.matchAll(HASH_CODE)].map((m) => m[1]!), ...(slotNumbers ?? []), ...(bare ? [bare] : [])];
  const asPostcode = proofIn(text, undefined, asked);
  const number = said.find((n) => numberKey(n) !== numberKey(current) && !(/^\d+$/.test(numberKey(n)) && asPostcode !== undefined && postcodeKey(asPostcode) === postcodeKey(n)));
  if (!number) return undefined;
  return { number: numberKey(number), rest: text.replace(new RegExp(`#?\\s?${numberKey(number).replace(/[-]/g, '\\-')}`, 'gi'), ' ').replace(NUMBER_WORDS, ' ').replace(/\s+/g, ' ').trim() };
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };

/**
 * The order lines (0-based indexes, among `options`) a reply picks: "all", "both", "1 and 3", "the second",
 * or an item's title (a chip). Undefined when it picks none of them.
 */
export function pickLines(text: string, options: readonly number[], titles: readonly string[]): number[] | undefined {
  const t = text.toLowerCase().trim();
  if (/^(?:all|both|everything|all of them|the whole order)\b/.test(t)) return [...options];
  const byTitle = options.filter((i) => titles[i] && t.includes(titles[i]!.toLowerCase()));
  if (byTitle.length) return byTitle;
  const numbers = [...t.matchAll(/\b(\d{1,3})\b/g)].map((m) => Number(m[1]) - 1);
  const ordinals = [...t.matchAll(/\b(first|second|third|fourth|fifth|last)\b/g)].map((m) => {
    const n = ORDINALS[m[1]!]!;
    // "the second" counts down the list shown, not the order's own line numbers.
    return n === -1 ? options[options.length - 1]! : options[n - 1] ?? -1;
  });
  const picked = [...new Set([...numbers, ...ordinals])].filter((i) => options.includes(i));
  return picked.length ? picked : undefined;
}
