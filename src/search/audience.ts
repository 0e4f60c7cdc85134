/**
 * Who a product is for, in the shopper's words and in the catalog's. Apparel and shoes come in
 * women's, men's and kids' versions whose sizes differ ("size 10" is a men's shoe or a child's
 * dress), so "for women", "men's", "for my 7 year old" become a filter over the products that say
 * whom they are for; products that do not say (a sofa, a candle) pass it.
 */
import { stem, terms } from './text.ts';

export type Audience = 'women' | 'men' | 'kids';

/**
 * Stemmed words naming an audience, the shopper's relatives included ("a hoodie for my son").
 * Not "baby": "baby blue" is a colour. Not "her"/"him": "for her" says too little about sizes.
 */
const WORDS: Readonly<Record<string, Audience>> = {
  kid: 'kids', child: 'kids', children: 'kids', boy: 'kids', girl: 'kids', toddler: 'kids', youth: 'kids', junior: 'kids',
  teen: 'kids', son: 'kids', daughter: 'kids', niece: 'kids', nephew: 'kids', grandson: 'kids', granddaughter: 'kids',
  women: 'women', woman: 'women', lady: 'women', ladie: 'women', female: 'women', wife: 'women', girlfriend: 'women',
  mom: 'women', mum: 'women', mother: 'women', sister: 'women', grandma: 'women',
  men: 'men', man: 'men', gent: 'men', gentlemen: 'men', male: 'men', husband: 'men', boyfriend: 'men',
  dad: 'men', father: 'men', brother: 'men', grandpa: 'men',
};
/** "for my 7 year old", "a 3-year-old": a child under 13. */
const CHILD_AGE = /\b([1-9]|1[0-2])\s?-?\s?(?:yr|year|yo\b)/;

/** The audience a message names, first word first; an age under 13 means kids. */
export function audienceOf(text: string): Audience | undefined {
  for (const t of terms(text.replace(/['’]s\b/g, 's'))) {
    const audience = WORDS[t] ?? WORDS[stem(t)];
    if (audience) return audience;
  }
  return CHILD_AGE.test(text.toLowerCase()) ? 'kids' : undefined;
}

/** Whether a token names an audience (for taking audience words out of a search text). */
export function isAudienceWord(token: string): boolean {
  return terms(token).some((t) => WORDS[t] !== undefined);
}

/** Attributes a catalog uses for whom a product is for (Shopify's and Google's "gender", "age group"). */
const ATTRIBUTE = /^(?:gender|audience|age[ _-]?group|department|who)$/i;

/**
 * The audience a product's own attributes give: 'unisex' for adults of any gender, undefined when
 * the record does not say (the product then passes any audience filter).
 */
export function productAudience(attributes: Readonly<Record<string, string>>): Audience | 'unisex' | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE.test(name)) continue;
    const v = value.toLowerCase();
    if (/unisex|adult|everyone/.test(v)) return 'unisex';
    const said = audienceOf(v);
    if (said) return said;
  }
  return undefined;
}
