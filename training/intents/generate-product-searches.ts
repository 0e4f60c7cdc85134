// Writes training/intents/generated-product-searches.jsonl: shopper-style product queries built from
// the demo store's vocabulary (category nouns, colours, materials, brands, styles, prices), so the
// intent model learns that a bare noun phrase is a search. Deterministic. Never reads bench/eval/.
//   node --import tsx training/intents/generate-product-searches.ts [--count 360]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoVocabulary } from '../../demo/demo-vocabulary.ts';
import { mulberry32 } from '../../src/seeded-random.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '360' }, out: { type: 'string', default: 'training/intents/generated-product-searches.jsonl' } } });
const random = mulberry32(2024);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const vocab = demoVocabulary();
const WHO = ['kids', 'a toddler', 'my mum', 'a teenager', 'men', 'women', 'a small flat', 'the garden', 'travel', 'a gift'];
const FRAMES: ((x: Record<string, string>) => string)[] = [
  (x) => x.noun!, (x) => x.noun!, (x) => `${x.color} ${x.noun}`, (x) => `${x.material} ${x.noun}`,
  (x) => `${x.noun} under $${x.price}`, (x) => `${x.noun} under ${x.price}`, (x) => `${x.brand} ${x.noun}`,
  (x) => `cheap ${x.noun}`, (x) => `${x.noun} for ${x.who}`, (x) => `i need a ${x.noun}`, (x) => `looking for a ${x.style} ${x.noun}`,
  (x) => `${x.noun} in ${x.color}`, (x) => `best ${x.noun}`, (x) => `${x.style} ${x.noun}`, (x) => `do you have ${x.noun}s`,
  (x) => `${x.color} ${x.material} ${x.noun} under $${x.price}`, (x) => `any ${x.noun} not ${x.material}`, (x) => `${x.noun} no ${x.color}`,
  (x) => `show me ${x.noun}s`, (x) => `${x.noun} ${x.size}`, (x) => `${x.noun} in stock`, (x) => `a ${x.noun} around ${x.price} dollars`,
];

/** One dropped or doubled letter, as fast typists make. */
function typo(text: string): string {
  const i = 1 + Math.floor(random() * Math.max(1, text.length - 2));
  return random() < 0.5 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + text[i] + text.slice(i);
}

const seen = new Set<string>();
const lines: string[] = [];
while (lines.length < Number(values.count)) {
  const c = pick(vocab.categories);
  const [low, high] = c.price;
  const slots = {
    noun: pick(c.nouns), color: pick(c.colors.length ? c.colors : vocab.colors), material: pick(c.materials.length ? c.materials : vocab.materials),
    brand: pick(vocab.brands).name, style: pick(c.styles.length ? c.styles : ['modern']), who: pick(WHO), size: pick(c.sizes.length ? c.sizes : ['large']),
    price: String(Math.round((low + random() * (high - low)) / 10) * 10 || 20),
  };
  let text = pick(FRAMES)(slots).toLowerCase();
  if (random() < 0.15) text = typo(text);
  if (seen.has(text)) continue;
  seen.add(text);
  lines.push(JSON.stringify({ text, intent: 'product_search' }));
}
writeFileSync(values.out!, lines.join('\n') + '\n');
console.log(`wrote ${lines.length} generated product searches to ${values.out}`);
