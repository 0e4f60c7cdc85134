import { stem, terms, words } from '../search/text.ts';

/** Who a product is for, as a shopper says it: "for kids", "men's", "ladies'". */
export type Audience = 'kids' | 'women' | 'men' | 'adults';

/** Stemmed words naming an audience. Not "baby": "baby blue" is a colour. */
const AUDIENCE_WORDS: Record<string, Audience> = {
  kid: 'kids', child: 'kids', children: 'kids', boy: 'kids', girl: 'kids', toddler: 'kids', youth: 'kids', junior: 'kids', teen: 'kids',
  women: 'women', woman: 'women', lady: 'women',
  men: 'men', man: 'men', gent: 'men', gentlemen: 'men',
  adult: 'adults',
};

/** The first audience the text names, if any. */
export function audienceOf(text: string): Audience | undefined {
  for (const t of terms(text)) {
    const audience = AUDIENCE_WORDS[t];
    if (audience) return audience;
  }
  return undefined;
}

/**
 * Whether sizes chosen for one audience still mean something for another: an adult XL does not
 * for kids, a men's 10 is not a women's 10; an XL said with no audience still fits "for women".
 */
export function sizesCarryOver(from: Audience | undefined, to: Audience): boolean {
  return to === from || (from === undefined && to !== 'kids');
}

/** The text without its audience words, as typed otherwise: "men's fleece hoodies" → "fleece hoodies". */
export function withoutAudience(text: string): string {
  return text.split(/\s+/).filter((token) => !words(token).some((w) => AUDIENCE_WORDS[stem(w)])).join(' ');
}
