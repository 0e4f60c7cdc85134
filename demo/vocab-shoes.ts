/** Demo vocabulary: Shoes. */
import type { DepartmentSpec } from './vocab-types.ts';
import { SHOES_PURPOSES } from './purposes-shoes.ts';

/** US sizes from `from` to `to` in half sizes: 'US 6', 'US 6.5', … */
function usSizes(from: number, to: number): string[] {
  const sizes: string[] = [];
  for (let size = from; size <= to; size += 0.5) sizes.push(`US ${size}`);
  return sizes;
}

const LEATHERS = ['leather', 'suede', 'vegan leather', 'waterproof leather', 'nubuck'];
const FLAT = ['flat'];

export const SHOES: DepartmentSpec = {
  name: 'Shoes',
  palette: [
    'black', 'white', 'ivory', 'tan', 'cognac', 'chocolate brown', 'navy', 'olive', 'charcoal', 'sage', 'gray',
    'burgundy', 'blush', 'terracotta', 'taupe',
  ],
  styles: ['classic', 'lightweight', 'cushioned', 'handcrafted', 'everyday', 'retro', 'minimalist', 'comfort', 'sleek'],
  features: ['with removable insole', 'with padded collar', 'with memory foam footbed', 'with rubber outsole'],
  uses: ['all-day wear', 'city walking', 'the office', 'weekend adventures', 'travel days', 'long commutes', 'nights out'],
  sizes: usSizes(6, 13),
  sizeRun: true,
  sizesByGender: {
    women: usSizes(5, 11),
    men: usSizes(7, 13),
    kids: ['Toddler 7', 'Toddler 8', 'Toddler 9', 'Toddler 10', 'Youth 11', 'Youth 12', 'Youth 13', 'Youth 1', 'Youth 2', 'Youth 3'],
  },
  variants: true,
  titles: [
    '{brand} {who} {model} {noun}',
    '{who} {style} {material} {noun}',
    '{brand} {model} {noun} - {color}',
    '{brand} {style} {noun} {feature}',
    '{who} {noun} in {color} {material}',
    '{brand} {model} {style} {noun}, {color}',
    '{material} {noun} by {brand}',
  ],
  openers: [
    'The {brand} {model} {item} is made for {use}.',
    'A {style} {item} in {material}, built to keep up with {use}.',
    'Step into this {style} {item}, designed by {brand} for {use}.',
    'This {item} pairs a {style} shape with a cushioned footbed for {use}.',
  ],
  sentences: [
    'The {color} {material} upper [softens and molds to your foot|wears in beautifully|holds its shape] over time.',
    'A [grippy|durable|lightweight] rubber outsole handles wet pavement and dry trails alike.',
    'Offered in sizes {size_range}.',
    'Designed for {audience}; [it runs true to size|consider half a size up if you are between sizes].',
    'It comes {feature}.',
    'A padded heel counter keeps every step [stable|secure|comfortable].',
    'Made with [recycled laces and linings|a partly recycled sole|responsibly sourced materials].',
  ],
  care: ['Wipe clean with a damp cloth and let air dry away from heat.', 'Use a protective spray before first wear.'],
  attributes: { width: ['narrow', 'medium', 'medium', 'wide'], gender: ['women', 'men', 'kids', 'unisex'] },
  leaves: [
    { path: ['Sneakers', 'Lifestyle Sneakers'], nouns: ['sneakers', 'low-top sneakers', 'court sneakers', 'slip-on sneakers', 'high-top sneakers'],
      unit: 'pair of', price: [45, 180], materials: ['leather', 'canvas', 'suede', 'recycled knit', 'vegan leather'],
      attributes: { heel_height: FLAT },
      ...SHOES_PURPOSES.lifestyleSneakers },
    { path: ['Sneakers', 'Running Shoes'], nouns: ['running shoes', 'trainers', 'road running shoes', 'trail running shoes'], unit: 'pair of',
      price: [60, 220], materials: ['engineered mesh', 'recycled knit', 'synthetic mesh'], attributes: { heel_height: FLAT },
      styles: ['responsive', 'breathable', 'stability'], uses: ['daily runs', 'race day', 'trail runs', 'long runs', 'gym sessions'],
      features: ['with responsive foam midsole', 'with reflective details', 'with carbon plate', 'with rock plate'],
      ...SHOES_PURPOSES.runningShoes },
    { path: ['Boots', 'Ankle Boots'], nouns: ['ankle boots', 'chelsea boots', 'booties', 'lace-up boots'], unit: 'pair of', price: [70, 320],
      materials: LEATHERS, styles: ['waterproof'], attributes: { heel_height: ['flat', '1 in', '2 in', '3 in'] }, features: ['with side zip', 'with elastic gores', 'with lug sole'],
      ...SHOES_PURPOSES.ankleBoots },
    { path: ['Boots', 'Hiking Boots'], nouns: ['hiking boots', 'trail boots', 'backpacking boots', 'mid hikers'], unit: 'pair of', price: [90, 300],
      materials: ['waterproof leather', 'suede', 'ripstop nylon', 'nubuck'], attributes: { heel_height: FLAT }, styles: ['rugged', 'trail-ready', 'waterproof'], uses: ['day hikes', 'backpacking trips', 'muddy trails', 'mountain weekends'],
      features: ['with waterproof membrane', 'with deep-lug outsole', 'with gusseted tongue'],
      ...SHOES_PURPOSES.hikingBoots },
    { path: ['Boots', 'Rain & Snow Boots'], nouns: ['rain boots', 'snow boots', 'wellies', 'winter boots'], unit: 'pair of', price: [35, 220],
      materials: ['natural rubber', 'insulated nylon', 'shearling', 'waterproof leather'], attributes: { heel_height: FLAT },
      features: ['with shearling lining', 'with pull tabs', 'with insulated lining'],
      ...SHOES_PURPOSES.rainSnowBoots },
    { path: ['Dress Shoes', 'Loafers & Oxfords'], nouns: ['loafers', 'penny loafers', 'driving moccasins', 'oxfords', 'derby shoes'], unit: 'pair of',
      price: [70, 350], materials: ['leather', 'suede', 'patent leather', 'vegan leather'], attributes: { heel_height: ['flat', '1 in'] },
      styles: ['welted', 'polished', 'hand-stitched'],
      ...SHOES_PURPOSES.loafersOxfords },
    { path: ['Heels & Flats', 'Heels'], nouns: ['heels', 'pumps', 'block heels', 'slingback heels', 'kitten heels'], unit: 'pair of',
      price: [50, 280], materials: ['leather', 'suede', 'satin', 'patent leather', 'vegan leather'],
      attributes: { heel_height: ['2 in', '3 in', '4 in'], gender: ['women'] }, features: ['with ankle strap', 'with padded insole'],
      ...SHOES_PURPOSES.heels },
    { path: ['Heels & Flats', 'Flats'], nouns: ['ballet flats', 'flats', 'mary janes', 'pointed flats'], unit: 'pair of', price: [35, 180],
      materials: ['leather', 'suede', 'recycled knit', 'vegan leather'], attributes: { heel_height: FLAT, gender: ['women', 'kids'] },
      ...SHOES_PURPOSES.flats },
    { path: ['Sandals & Slippers', 'Sandals'], nouns: ['sandals', 'slides', 'flip-flops', 'sport sandals', 'espadrilles'], unit: 'pair of',
      price: [20, 160], materials: ['leather', 'cork', 'rubber', 'jute', 'recycled webbing'], attributes: { heel_height: ['flat', '1 in', '2 in'] },
      features: ['with contoured cork footbed', 'with adjustable straps', 'with quick-dry straps'],
      ...SHOES_PURPOSES.sandals },
    { path: ['Sandals & Slippers', 'Slippers'], nouns: ['slippers', 'moccasin slippers', 'scuff slippers', 'house shoes'], unit: 'pair of',
      price: [20, 120], materials: ['shearling', 'wool felt', 'faux fur', 'suede'], attributes: { heel_height: FLAT },
      features: ['with indoor-outdoor sole', 'with memory foam footbed'],
      ...SHOES_PURPOSES.slippers },
  ],
};
