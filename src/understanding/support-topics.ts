import type { Intent } from './intents.ts';

/**
 * Words a message about each customer-service topic uses. A reading of the intent model with none of
 * its topic's words ("do you do gift wrapping?" as payment methods, "how long is it supposed to take"
 * as delivery time after a refund) is a guess: the dialog then keeps the conversation's topic, or says
 * it does not know, instead of naming a topic the shopper never raised. Complaints need no words.
 */
const TOPIC_WORDS: Partial<Record<Intent, RegExp>> = {
  order_status: /\b(?:orders?|package|parcel|shipment|deliver\w*|track\w*|arriv\w*|stuff|purchase|status|shipped|came|received?|where(?:'?s| is| are) my)\b/,
  cancel_order: /\b(?:cancel\w*|order)\b/,
  change_order: /\b(?:change|edit|modify|update|swap|switch|add|remove)\b.*\b(?:order|size|colou?r|item|quantity)\b|\border\b/,
  place_order: /\b(?:order(?:ing)?|check ?out|buy|purchas\w*|place|cart|basket)\b/,
  delivery_options: /\b(?:ship\w*|deliver\w*|express|courier|postage|pick ?up|collect\w*|overnight|international|abroad|countr\w+)\b/,
  delivery_period: /\b(?:ship\w*|deliver\w*|arriv\w*|package|parcel|order|courier|dispatch\w*|transit|get here|come|receive)\b/,
  shipping_address: /\b(?:address|ship\w*|deliver\w*|send|move[ds]?)\b/,
  return_policy: /\b(?:return\w*|refund\w*|exchang\w*|send (?:it |them )?back|policy)\b/,
  start_return: /\b(?:return\w*|exchang\w*|send (?:it |them )?back|swap|replace\w*)\b/,
  request_refund: /\b(?:refund\w*|money back|reimburs\w*|charge ?back|credit)\b/,
  refund_status: /\b(?:refund\w*|money|reimburs\w*|credit\w*)\b/,
  payment_methods: /\b(?:pay\w*|card|cards|credit|debit|paypal|cash|install?ments?|klarna|afterpay|apple pay|google pay|visa|mastercard|amex|financ\w*|checkout)\b/,
  payment_problem: /\b(?:pay\w*|card|charg\w*|declin\w*|billed|bill|transaction|money|refus\w*|twice|double)\b/,
  invoice: /\b(?:invoice\w*|receipt\w*|bill|vat|tax)\b/,
  account_manage: /\b(?:account|profile|email|e-mail|sign ?up|register|details|delete|name)\b/,
  account_access: /\b(?:password|log ?in|login|sign ?in|locked|account|access|reset)\b/,
  registration_problem: /\b(?:sign ?up|regist\w*|account|create)\b/,
  cancellation_fees: /\b(?:fee|fees|charge\w*|cost|penalt\w*|cancel\w*)\b/,
  newsletter: /\b(?:newsletter|emails?|e-mails?|mailing|subscri\w*|unsubscri\w*|spam|promo\w*)\b/,
  leave_review: /\b(?:review\w*|rat(?:e|ing)|feedback|stars?)\b/,
  contact_support: /\b(?:phone|call|e-?mail|contact|reach|hours|open|number|customer service|support|address|chat)\b/,
};

/** The message uses words of the topic it was read as (or the topic needs none). */
export function topicEvidenced(intent: Intent, text: string): boolean {
  const words = TOPIC_WORDS[intent];
  return !words || words.test(plain(text));
}

/** The topics that are about one order: a bare order code or "I don't have the number" continues them. */
export const ORDER_TOPICS: readonly Intent[] = [
  'order_status', 'cancel_order', 'change_order', 'delivery_period', 'shipping_address', 'start_return', 'request_refund', 'refund_status', 'invoice', 'payment_problem',
];

const DAMAGE = /\b(?:damaged|broken|broke|cracked|shattered|smashed|dented|crushed|torn|ripped|scratched|defective|faulty|leak(?:s|ed|ing)|(?:does ?n[o']?t|doesnt|do ?n[o']?t|dont|won'?t|wont|stopped|isn'?t|not) work(?:ing)?|missing (?:parts?|pieces?))\b/;
/** It came to the shopper: a delivery, a purchase, "my …", or "it/they" about something already had. */
const RECEIVED = /\b(?:(?:was|were) (?:all |badly )?(?:damaged|broken|cracked|shattered|smashed|dented|crushed|torn|ripped|scratched)|stopped working|arriv\w*|came|come|delivered|received?|got|bought|ordered|purchased|shipped|out of the box|in the box|my|our|it|they|them|item|package|parcel|order)\b/;
/** A request for something new ("I need a new kettle, mine is broken"; "a phone case that won't break"). */
const WANTS_NEW = /\b(?:need a|want a|looking for|show me|recommend|suggest|find me|do you (?:have|sell|carry)|replacement for|new one|a new)\b/;

/** "it arrived damaged", "I got a broken item", "my lamp doesn't work": a problem with something received. */
export function reportsDamage(text: string): boolean {
  const t = plain(text);
  return DAMAGE.test(t) && RECEIVED.test(t) && !WANTS_NEW.test(t);
}

const LACK = /\b(?:do ?n[o']?t|dont|did ?n[o']?t|didnt|have ?n[o']?t|havent|never (?:got|had|received)|can'?t|cant|cannot|could ?n[o']?t|couldnt|lost|no longer have|forgot|no idea|not sure)\b/;
const IDENTIFIER = /\b(?:number|no\.?|code|id|reference|ref|receipt|confirmation|tracking|email|e-mail)\b/;

/** "I don't have the number", "I lost the receipt", "can't find my order code": no way to name the order. */
export function lacksOrderNumber(text: string): boolean {
  const t = plain(text);
  return LACK.test(t) && IDENTIFIER.test(t) && t.split(' ').length <= 12;
}

const CODE_LEAD = /^(?:(?:it'?s|its|it is|here(?: it is)?|sure|ok(?:ay)?|yes|yeah)[\s,:]+)?(?:(?:my|the)\s+)?(?:order(?:\s+(?:number|no\.?|num|id|code))?\s*(?:is|:)?\s*)?/;
/** Digits only, three or more ("5521" after "cancel my order"), where an order topic is open. */
const DIGITS = /^#?\d{3,12}$/;
/** Letters then five or more digits ("A10234", "ORD-55821"): an order code even with nothing asked. */
const PLAIN_CODE = /^#?[a-z]{0,4}-?\d{5,12}(?:-\d{1,8})?$/;
/** Letters and digits mixed ("A1B2C3"), taken as a code only where an order topic is open. */
const MIXED_CODE = /^#?(?=(?:[a-z-]*\d){2})(?=[\d-]*[a-z])[a-z0-9-]{4,20}$/;

/**
 * The order code a message is made of ("A10234", "#10234", "it's A1B2C3"), upper-cased; undefined
 * when the message says more than a code. `orderTopic`: an order topic is open, so a code of mixed
 * letters and digits counts too (outside one, "rtx4090" is a product).
 */
export function bareOrderCode(text: string, orderTopic: boolean): string | undefined {
  const t = plain(text).replace(CODE_LEAD, '').trim();
  if (t.includes(' ')) return undefined;
  const hash = t.startsWith('#');
  if (PLAIN_CODE.test(t) || (hash && /\d{3}/.test(t)) || (orderTopic && (MIXED_CODE.test(t) || DIGITS.test(t)))) return t.replace(/^#/, '').toUpperCase();
  return undefined;
}

/** "do you do gift wrapping?", "can you engrave it?", "is assembly available?": asking whether the store offers a service. */
const SERVICE_QUESTION = /^(?:(?:hi|hey|hello|also|and|so|ok|okay|oh|btw)[\s,]+)?(?:(?:do|does|can|could|will|would) (?:you|u|ya|y'?all|they|the store|your store)(?: guys)? (?:do|offer|provide)|(?:is|are) (?:there )?(?:an? )?(?:[a-z'-]+ ){0,2}?[a-z'-]+ (?:available|offered|an option|possible)|(?:is|are) there (?:an? |any )?[a-z'-]+$)\b/;
const ASKING_OBJECT = /^(?:(?:hi|hey|hello|also|and|so|ok|okay|oh|btw)[\s,]+)?(?:(?:do|does|can|could|will|would) (?:you|u|ya|y'?all|they|the store|your store)(?: guys)? (?:do|offer|provide) (?:an? |any )?(.+)$|(?:is|are) (?:there )?(?:an? )?(.+?) (?:available|offered|an option|possible)\b|(?:is|are) there (?:an? |any )?([a-z'-]+)$)/;

/**
 * The thing asked about when the message asks whether the store offers a service ("gift wrapping"
 * of "do you do gift wrapping?"); undefined for any other message.
 */
export function serviceAskedAbout(text: string): string | undefined {
  const t = plain(text);
  if (!SERVICE_QUESTION.test(t)) return undefined;
  const m = t.match(ASKING_OBJECT);
  return (m?.[1] ?? m?.[2] ?? m?.[3])?.trim() || undefined;
}

/** Lower case, curly apostrophes straightened, punctuation other than '#', '-' and apostrophes gone. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z0-9'#\- ]+/g, ' ').replace(/\s+/g, ' ').trim();
}
