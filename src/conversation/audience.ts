import { isAudienceWord, type Audience } from '../search/audience.ts';

/**
 * Whether sizes chosen for one audience still mean something for another: an adult XL does not
 * for kids, a men's 10 is not a women's 10; an XL said with no audience still fits "for women".
 */
export function sizesCarryOver(from: Audience | undefined, to: Audience): boolean {
  return to === from || (from === undefined && to !== 'kids');
}

/** The text without its audience words, as typed otherwise: "men's fleece hoodies" → "fleece hoodies". */
export function withoutAudience(text: string): string {
  return text.split(/\s+/).filter((token) => !isAudienceWord(token)).join(' ');
}
