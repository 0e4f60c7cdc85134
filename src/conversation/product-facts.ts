import type { Product } from '../domain.ts';
import { facetKey, type Filters } from '../search/filters.ts';
import { terms } from '../search/text.ts';
import { formatPrice } from './cards.ts';

type Topic = 'price' | 'stock' | 'colors' | 'sizes' | 'dimensions' | 'materials' | 'rating' | 'brand';

const TOPICS: [Topic, RegExp][] = [
  ['price', /\b(price|cost|costs|how much|expensive|cheap|on sale|discount)\b/],
  ['stock', /\b(stock|available|availability|sold out|back ?order|pre-?order|in store|ship|ships|left)\b/],
  ['dimensions', /\b(dimensions?|how big|how large|how small|width|height|depth|length|measure(ments?)?|wide|tall|deep|long|weigh|weight)\b/],
  ['sizes', /\b(sizes?|fit|fits)\b/],
  ['colors', /\b(colou?rs?|shades?|finish(es)?)\b/],
  ['materials', /\b(materials?|made of|made from|fabric|fabrics)\b/],
  ['rating', /\b(ratings?|reviews?|rated|stars?|any good|quality)\b/],
  ['brand', /\b(brand|who makes|made by|manufacturer)\b/],
];

/**
 * Answers a question about one product from its own fields only; when the catalog does not hold
 * the answer it says so rather than guessing. `said` carries facet values named in the question
 * ("does it come in walnut?"), checked against the product's values.
 */
export function answerFromFields(p: Product, question: string, said: Filters = {}): { text: string; known: boolean } {
  const q = question.toLowerCase();
  const yesNo = answerValueQuestion(p, said);
  if (yesNo) return { text: yesNo, known: true };
  const attribute = matchingAttribute(p, q);
  if (attribute) return { text: `${p.title}: ${attribute[0]} is ${attribute[1]}.`, known: true };
  const topics = TOPICS.filter(([, re]) => re.test(q)).map(([t]) => t);
  if (topics.length === 0) return { text: summary(p), known: true };
  const answers = topics.map((t) => FACTS[t](p));
  const unknown = answers.filter((a) => a.startsWith('The catalog does not'));
  return { text: answers.join(' '), known: unknown.length < answers.length };
}

const FACTS: Record<Topic, (p: Product) => string> = {
  price: (p) => (p.price === undefined ? `The catalog does not list a price for ${p.title}.` : `${p.title} costs ${formatPrice(p.price, p.currency)}${p.variants.length > 1 ? ' (the lowest of its options)' : ''}.`),
  stock: (p) => stockText(p),
  colors: (p) => listOr(p.colors, `It comes in`, `The catalog does not list colours for ${p.title}.`),
  sizes: (p) => listOr(p.sizes, `Sizes:`, `The catalog does not list sizes for ${p.title}.`),
  dimensions: (p) => {
    const dims = Object.entries(p.attributes).filter(([k]) => /dimension|width|height|depth|length|weight|size/i.test(k));
    if (dims.length) return dims.map(([k, v]) => `${k}: ${v}.`).join(' ');
    return p.sizes.length ? `The catalog gives its size as ${p.sizes.join(', ')}; it lists no other dimensions.` : `The catalog does not list dimensions for ${p.title}.`;
  },
  materials: (p) => listOr(p.materials, `It is made of`, `The catalog does not list materials for ${p.title}.`),
  rating: (p) => (p.rating === undefined ? `The catalog does not have reviews for ${p.title} yet.` : `Rated ${p.rating.toFixed(1)} out of 5${p.reviewCount ? ` from ${p.reviewCount} reviews` : ''}.`),
  brand: (p) => (p.brand ? `It is made by ${p.brand}.` : `The catalog does not name a brand for ${p.title}.`),
};

function stockText(p: Product): string {
  switch (p.availability) {
    case 'in_stock': return `${p.title} is in stock${p.stock !== undefined ? ` (${p.stock} left)` : ''}.`;
    case 'out_of_stock': return `${p.title} is out of stock at the moment.`;
    case 'preorder': return `${p.title} is available to pre-order.`;
    case 'backorder': return `${p.title} is on back order: you can order it now and it ships when restocked.`;
    default: return `The catalog does not say whether ${p.title} is in stock.`;
  }
}

function listOr(values: string[], lead: string, otherwise: string): string {
  return values.length ? `${lead} ${values.join(', ')}.` : otherwise;
}

/** "Does it come in walnut?": yes when the value is among the product's own, no with what it has. */
function answerValueQuestion(p: Product, said: Filters): string | undefined {
  const checks: [string[] | undefined, string[], string][] = [
    [said.colors, [...p.colors, ...variantValues(p, /colou?r/i)], 'colours'],
    [said.materials, p.materials, 'materials'],
    [said.sizes, [...p.sizes, ...variantValues(p, /size/i)], 'sizes'],
  ];
  for (const [asked, has, noun] of checks) {
    if (!asked?.length) continue;
    const keys = new Set(has.flatMap((v) => [facetKey(v), ...facetKey(v).split(' ')]));
    const yes = asked.filter((a) => keys.has(facetKey(a)));
    if (yes.length) return `Yes: ${p.title} comes in ${yes.join(' and ')}.`;
    return has.length ? `No, not in ${asked.join(' or ')}: the catalog lists ${p.title} in ${[...new Set(has)].join(', ')}.`
      : `The catalog does not list ${noun} for ${p.title}, so I can't confirm ${asked.join(' or ')}.`;
  }
  return undefined;
}

function variantValues(p: Product, option: RegExp): string[] {
  return p.variants.flatMap((v) => Object.entries(v.options).filter(([k]) => option.test(k)).map(([, val]) => val));
}

function matchingAttribute(p: Product, q: string): [string, string] | undefined {
  const words = new Set(terms(q));
  return Object.entries(p.attributes).find(([k]) => terms(k).length > 0 && terms(k).every((t) => words.has(t)));
}

function summary(p: Product): string {
  const parts = [
    `${p.title}${p.brand ? ` by ${p.brand}` : ''}: ${formatPrice(p.price, p.currency)}.`,
    p.rating !== undefined ? `Rated ${p.rating.toFixed(1)}/5${p.reviewCount ? ` (${p.reviewCount} reviews)` : ''}.` : '',
    p.colors.length ? `Colours: ${p.colors.join(', ')}.` : '',
    p.materials.length ? `Materials: ${p.materials.join(', ')}.` : '',
    p.sizes.length ? `Sizes: ${p.sizes.join(', ')}.` : '',
    stockText(p),
    p.description.split(/(?<=\.)\s/)[0] ?? '',
  ];
  return parts.filter(Boolean).join(' ');
}
