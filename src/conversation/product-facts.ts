import type { Product } from '../domain.ts';
import { facetKey, type Filters } from '../search/filters.ts';
import { formatPrice } from './format-price.ts';
import { conceptVocabulary, OVERVIEW } from './fact-concepts.ts';
import { answerFromMatches, type Answer, type Candidate } from './fact-answer.ts';
import { judge } from './answer-evidence.ts';
import { quantitiesAsked, quantitiesIn } from './fact-quantities.ts';
import { readAgainst, type Reading } from './question-matching.ts';
import { readQuestion, splitWords, stemWord } from './question-text.ts';

const CONCEPT_WORDS = conceptVocabulary();

/**
 * Answers a question about one product from its own record only: its fields, its attributes and
 * the sentences of its description. Values are quoted as written (units included); yes or no is
 * said only when the record says so; otherwise "The product page doesn't say." `said` carries facet
 * values named in the question ("does it come in walnut?"), checked against the product's values.
 */
export function answerFromFields(p: Product, question: string, said: Filters = {}): Answer {
  const self = selfWords(p);
  const reading = readAgainst(readQuestion(question, vocabularyOf(p)), self);
  const facet = answerValueQuestion(p, said, reading) ?? answerSizeQuestion(p, reading);
  if (facet) return { text: facet, known: true };
  // A yes/no question about nothing the record holds ("does a doll come with it?") gets "doesn't say", never an overview that reads as a yes.
  // "When to plant?" of a bulb set names only the product but asks something; a bare name or "what kind of seeds are these" asks what it is.
  const nameOnly = reading.content.length === 0 && (reading.question.form === 'bare' || /\b(what|which) (kind|type|sort) of\b/i.test(question));
  const overview = OVERVIEW.test(question.toLowerCase()) || nameOnly;
  return judge(reading, answerFromMatches(reading, candidatesOf(p), p, self, () => (overview ? summary(p) : undefined)));
}

/** The product's category words ("sofa", "furniture") and brand: they name the product, not a fact of it. */
function selfWords(p: Product): Set<string> {
  return new Set([...p.category, p.brand ?? ''].flatMap(splitWords).map(stemWord));
}

function vocabularyOf(p: Product): Set<string> {
  const record = [p.title, p.description, p.brand ?? '', ...p.category, ...p.colors, ...p.materials, ...p.sizes,
    ...Object.keys(p.attributes).map((k) => k.replace(/_/g, ' ')), ...Object.values(p.attributes)];
  return new Set([...CONCEPT_WORDS, ...record.flatMap(splitWords)]);
}

/** Every fact the record can be asked about: fields first, then attributes in record order. */
function candidatesOf(p: Product): Candidate[] {
  const colors = [...new Set([...p.colors, ...variantValues(p, /colou?r/i)])];
  const sizes = [...new Set([...p.sizes, ...variantValues(p, /size/i)])];
  const fields: Candidate[] = [
    field('price', 'price cost', undefined, () => priceText(p)),
    field('stock', 'stock availability', undefined, () => sayOr(stockText(p), p.availability !== 'unknown')),
    field('colors', 'color', colors.join(', '), () => listOr(colors, 'It comes in', `The catalog does not list colours for ${p.title}.`)),
    field('sizes', 'size', sizes.join(', '), () => listOr(sizes, 'Sizes:', `The catalog does not list sizes for ${p.title}.`)),
    field('materials', 'material', p.materials.join(', '), () => listOr(p.materials, 'It is made of', `The catalog does not list materials for ${p.title}.`)),
    field('rating', 'rating review', undefined, () => ratingText(p)),
    field('brand', 'brand', p.brand, () => (p.brand ? sayOr(`It is made by ${p.brand}.`, true) : sayOr(`The catalog does not name a brand for ${p.title}.`, false))),
  ];
  if (!Object.keys(p.attributes).some((k) => /dimension/i.test(k))) {
    // A size is a measurement only with a unit ("50x60 in", "1.7 fl oz"); "Queen" or "M" is no answer to "how tall".
    const measured = sizes.filter((s) => quantitiesIn(s).length > 0);
    fields.push(field('dimensions', 'dimension', measured.join(', '), () => (measured.length
      ? sayOr(`The catalog gives its size as ${measured.join(', ')}; it lists no other dimensions.`, true)
      : sayOr(`The catalog does not list dimensions for ${p.title}.`, false))));
  }
  const attributes = Object.entries(p.attributes).map(([name, value]): Candidate => ({
    fact: { key: name, kind: 'attribute', names: nameStems(name), value }, label: factLabel(name),
  }));
  return [...fields, ...attributes];
}

function field(key: string, names: string, value: string | undefined, say: () => Answer): Candidate {
  return { fact: { key, kind: 'field', names: names.split(' ').map(stemWord), value: value || undefined }, say };
}

function sayOr(text: string, known: boolean): Answer {
  return { text, known };
}

function nameStems(name: string): string[] {
  return splitWords(name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ')).filter((w) => !/^(of|to|the|a|an|and|for|in)$/.test(w)).map(stemWord);
}

/** "refresh_rate" → "Refresh rate", "max_tv_size" → "Max TV size", "Seat Height" → "Seat height". */
export function factLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().split(/\s+/);
  const label = words.map((w) => {
    if (w.length > 1 && /^[A-Z0-9]+$/.test(w)) return w;
    if (w.length <= 4 && !/[aeiouy]/i.test(w)) return w.toUpperCase();
    return w.toLowerCase();
  }).join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function priceText(p: Product): Answer {
  if (p.price === undefined) return sayOr(`The catalog does not list a price for ${p.title}.`, false);
  return sayOr(`${p.title} costs ${formatPrice(p.price, p.currency)}${p.variants.length > 1 ? ' (the lowest of its options)' : ''}.`, true);
}

function ratingText(p: Product): Answer {
  if (p.rating === undefined) return sayOr(`The catalog does not have reviews for ${p.title} yet.`, false);
  return sayOr(`Rated ${p.rating.toFixed(1)} out of 5${p.reviewCount ? ` from ${reviewsText(p.reviewCount)}` : ''}.`, true);
}

function stockText(p: Product): string {
  switch (p.availability) {
    case 'in_stock': return `${p.title} is in stock${p.stock !== undefined ? ` (${p.stock} left)` : ''}.`;
    case 'out_of_stock': return `${p.title} is out of stock at the moment.`;
    case 'preorder': return `${p.title} is available to pre-order.`;
    case 'backorder': return `${p.title} is on back order: you can order it now and it ships when restocked.`;
    default: return `The catalog does not say whether ${p.title} is in stock.`;
  }
}

function listOr(values: string[], lead: string, otherwise: string): Answer {
  return values.length ? sayOr(`${lead} ${values.join(', ')}.`, true) : sayOr(otherwise, false);
}

const FACET_FILLER = /^(available|availability|option|options|offer|offered|choice|color|colors|size|sizes|material|materials)$/;

/**
 * "Does it come in walnut?": yes when the value is among the product's own, no (with what it has)
 * for colours and sizes. Only when the question is about those values alone: "does it have a red
 * light?" is not a colour question. A material not listed is not a no ("wood" vs "oak").
 */
function answerValueQuestion(p: Product, said: Filters, r: Reading): string | undefined {
  if (r.question.form === 'open' || r.question.form === 'either-or') return undefined;
  const values = [...(said.colors ?? []), ...(said.materials ?? []), ...(said.sizes ?? [])].map((v) => new Set(facetKey(v).split(' ')));
  const entry = (i: number) => values.findIndex((v) => v.has(facetKey(r.question.words[i]?.text ?? '')));
  if (r.content.some((i) => entry(i) < 0 && !FACET_FILLER.test(r.question.words[i]!.text))) return undefined;
  // Two values side by side are a thing described, not two choices: "a red light".
  if (r.content.some((i) => r.content.includes(i + 1) && entry(i + 1) !== entry(i))) return undefined;
  const checks: [string[] | undefined, string[], string][] = [
    [said.colors, [...p.colors, ...variantValues(p, /colou?r/i)], 'colours'],
    [said.materials, p.materials, 'materials'],
    [said.sizes, [...p.sizes, ...variantValues(p, /size/i)], 'sizes'],
  ];
  for (const [asked, has, noun] of checks) {
    if (!asked?.length) continue;
    const keysOf = (v: string) => [facetKey(v), ...facetKey(v).split(' ')];
    const yes = [...new Set(has)].filter((v) => asked.some((a) => keysOf(v).includes(facetKey(a))));
    if (yes.length) return `Yes: ${p.title} ${noun === 'materials' ? 'is made of' : 'comes in'} ${yes.join(' and ')}.`;
    if (!has.length) return `The catalog does not list ${noun} for ${p.title}, so I can't confirm ${asked.join(' or ')}.`;
    // Not a no: "is it wood?" of oak is a yes, and writers differ on "is it cotton?" of linen; the list says it.
    if (noun === 'materials') return `The catalog lists ${p.title} as made of ${has.join(', ')}.`;
    // "Pocket" is a notebook size elsewhere in the store, not a size of a dress sized 2T to 12.
    if (noun === 'sizes' && !asked.every((a) => has.some((v) => sizeShape(v) === sizeShape(a)))) return undefined;
    return `No, not in ${asked.join(' or ')}: the catalog lists ${p.title} in ${[...new Set(has)].join(', ')}.`;
  }
  return undefined;
}

/**
 * "Do u have them in an 8?", "does it come in youth 4", "will my king mattress fit": a size named
 * in the question, of the same kind as the product's own (a number, a letter size, a bed size),
 * is a yes when listed and a no when not, since the sizes are a complete list.
 */
function answerSizeQuestion(p: Product, r: Reading): string | undefined {
  if (r.question.form === 'open' || r.question.form === 'either-or') return undefined;
  const sizes = [...new Set([...p.sizes, ...variantValues(p, /size/i)])].filter((s) => quantitiesIn(s).length === 0);
  const words = r.question.words;
  const asked = words.flatMap((w, i) => {
    const next = words[i + 1];
    if (/^\d+(\.\d+)?$/.test(w.text)) return next && !next.stop && next.text !== 'now' ? [] : [w.text];
    return /^(x+s|x+l|\dxl|twin|full|queen|king)$/.test(w.text) ? [w.text] : [];
  });
  if (asked.length !== 1 || sizes.length === 0 || quantitiesAsked(words).length > 0) return undefined;
  const want = asked[0]!;
  const shape = sizeShape(want);
  if (!sizes.some((s) => sizeShape(s) === shape)) return undefined;
  const has = sizes.filter((s) => splitWords(s).some((w) => w === want || w.replace(/[a-z]+$/, '') === want));
  return has.length ? `Yes — it comes in ${has.join(', ')} (sizes: ${sizes.join(', ')}).` : `No — sizes: ${sizes.join(', ')}.`;
}

/** What kind of size a value is: a number ("US 7", "2T", "10"), a letter size ("XL"), a bed size, or itself. */
function sizeShape(size: string): string {
  const v = size.trim().toLowerCase();
  if (/\d/.test(v)) return 'number';
  if (/^(x*s|m|x*l|\d?x+l|small|medium|large|petite|tall|one size)$/.test(v)) return 'letter';
  if (/^(twin|full|double|queen|king|california king|cal king|twin xl|super king|single)$/.test(v)) return 'bed';
  return v;
}

function variantValues(p: Product, option: RegExp): string[] {
  return p.variants.flatMap((v) => Object.entries(v.options).filter(([k]) => option.test(k)).map(([, val]) => val));
}

function summary(p: Product): Answer {
  const parts = [
    `${titleWithBrand(p)}: ${formatPrice(p.price, p.currency)}.`,
    p.rating !== undefined ? `Rated ${p.rating.toFixed(1)}/5${p.reviewCount ? ` (${reviewsText(p.reviewCount)})` : ''}.` : '',
    p.colors.length ? `Colours: ${p.colors.join(', ')}.` : '',
    p.materials.length ? `Materials: ${p.materials.join(', ')}.` : '',
    p.sizes.length ? `Sizes: ${p.sizes.join(', ')}.` : '',
    stockText(p),
    p.description.split(/(?<=\.)\s/)[0] ?? '',
  ];
  return { text: parts.filter(Boolean).join(' '), known: true };
}

function reviewsText(count: number): string {
  return `${count} ${count === 1 ? 'review' : 'reviews'}`;
}

/** "Harbor Sofa by Nordhaus"; a title that already names its brand ("Bar Stool by Wickerly") is left as it is. */
function titleWithBrand(p: Product): string {
  if (!p.brand) return p.title;
  const brand = p.brand.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`(^|[^\\p{L}\\p{N}])${brand}($|[^\\p{L}\\p{N}])`, 'iu').test(p.title);
  return named ? p.title : `${p.title} by ${p.brand}`;
}
