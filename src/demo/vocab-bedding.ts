/** Demo vocabulary: Bedding. */
import type { DepartmentSpec } from './vocab-types.ts';

const BED_SIZES = ['Twin', 'Twin XL', 'Full', 'Queen', 'King', 'California King'];
const WOVEN = ['percale cotton', 'sateen cotton', 'linen', 'bamboo viscose', 'organic cotton', 'Egyptian cotton', 'flannel'];

export const BEDDING: DepartmentSpec = {
  name: 'Bedding',
  palette: [
    'white', 'ivory', 'oatmeal', 'sage', 'navy', 'charcoal', 'blush', 'terracotta', 'light gray', 'sky blue',
    'dusty rose', 'mustard', 'olive', 'lavender',
  ],
  styles: ['hotel-style', 'cozy', 'breathable', 'cooling', 'classic', 'luxury', 'everyday'],
  features: ['with deep pockets', 'with corner ties', 'with hidden button closure', 'with matching shams'],
  uses: ['hot sleepers', 'guest rooms', 'kids rooms', 'year-round comfort', 'lazy weekend mornings', 'cold winter nights'],
  sizes: BED_SIZES,
  sizeRun: true,
  titles: [
    '{brand} {style} {material} {noun}',
    '{material} {noun} in {color}',
    '{brand} {model} {noun}, {color}',
    '{style} {noun} {feature}',
    '{brand} {thread_count}-Thread-Count {material} {noun}',
    '{brand} {model} {warmth} {noun}',
    '{color} {style} {noun} by {brand}',
  ],
  openers: [
    'Sink into this {style} {item}, made from {material} for {use}.',
    'The {brand} {model} {item} is made with {material} and finished by hand.',
    'A [soft|breathable|cozy|crisp] {item} that makes every night feel like a hotel stay.',
    'Designed for {use}, this {item} layers easily with the rest of your bed.',
  ],
  sentences: [
    '{material} [feels soft from the first night|breathes well on warm nights|keeps its comfort for years].',
    'Woven at {thread_count} thread count for a [smooth|crisp|silky] hand.',
    'Fitted sheets stretch to mattresses up to {pocket_depth} deep.',
    'Rated {warmth}, it suits [every season|sleepers who run warm|drafty bedrooms].',
    'Offered in sizes {size_range}.',
    'The {color} shade layers well with crisp white or deeper tones.',
    'It comes {feature}.',
    'Tested for harmful substances and dyed with low-impact dyes.',
  ],
  care: [
    'Machine wash warm on a gentle cycle and tumble dry low.',
    'Wash before first use and line dry when you can.',
  ],
  attributes: {},
  leaves: [
    { path: ['Sheets', 'Sheet Sets'], nouns: ['sheet set', 'fitted sheet', 'flat sheet', 'pillowcase set'], price: [30, 300],
      materials: WOVEN, styles: ['stonewashed', 'crisp', 'silky'], attributes: { thread_count: ['200', '300', '400', '600', '800'], pocket_depth: ['15 in', '16 in', '18 in'] } },
    { path: ['Duvets & Comforters', 'Duvet Covers'], nouns: ['duvet cover', 'duvet cover set', 'quilt cover'], price: [40, 300],
      materials: WOVEN, styles: ['stonewashed', 'washed', 'heirloom'], attributes: { thread_count: ['300', '400', '600'] } },
    { path: ['Duvets & Comforters', 'Comforters'], nouns: ['comforter', 'down comforter', 'down alternative comforter', 'duvet insert'],
      price: [50, 450], materials: ['goose down', 'down alternative', 'wool', 'silk'], colors: ['white', 'ivory', 'light gray'],
      attributes: { warmth: ['lightweight', 'all-season', 'extra warm'] }, features: ['with corner ties', 'with baffle-box stitching'] },
    { path: ['Duvets & Comforters', 'Quilts & Coverlets'], nouns: ['quilt', 'coverlet', 'bedspread', 'quilt set'], price: [50, 350],
      materials: ['cotton', 'linen', 'cotton voile', 'organic cotton'], styles: ['patchwork', 'diamond-stitched', 'waffle-weave'] },
    { path: ['Pillows', 'Bed Pillows'], nouns: ['bed pillow', 'pillow', 'side sleeper pillow', 'memory foam pillow', 'down pillow'],
      price: [20, 180], materials: ['memory foam', 'goose down', 'down alternative', 'shredded latex', 'buckwheat hulls'],
      sizes: ['Standard', 'Queen', 'King'], colors: ['white'], attributes: { firmness: ['soft', 'medium', 'firm'] },
      features: ['with adjustable fill', 'with cooling cover', 'with zippered cover'] },
    { path: ['Blankets & Throws', 'Blankets'], nouns: ['blanket', 'throw blanket', 'knit throw', 'weighted blanket', 'fleece blanket'],
      price: [25, 250], materials: ['merino wool', 'cotton', 'cashmere', 'sherpa fleece', 'acrylic', 'linen'],
      sizes: ['50x60 in', '60x80 in', 'Full/Queen', 'King'], sizeRun: false, styles: ['chunky-knit', 'herringbone', 'fringed'],
      features: ['with fringed edges', 'with glass-bead fill'] },
    { path: ['Mattresses & Toppers', 'Mattress Toppers'], nouns: ['mattress topper', 'mattress pad', 'mattress protector', 'featherbed'],
      price: [30, 350], materials: ['memory foam', 'latex', 'down alternative', 'wool', 'cotton'], colors: ['white'],
      attributes: { firmness: ['plush', 'medium', 'firm'] }, features: ['with deep pockets', 'with waterproof backing'] },
    { path: ['Mattresses & Toppers', 'Mattresses'], nouns: ['mattress', 'memory foam mattress', 'hybrid mattress', 'innerspring mattress'],
      price: [250, 2500], materials: ['memory foam', 'latex', 'pocketed coils', 'organic cotton'], colors: ['white'], sizeRun: false,
      attributes: { firmness: ['soft', 'medium', 'medium-firm', 'firm'], mattress_height: ['8 in', '10 in', '12 in', '14 in'] },
      features: ['with a 100-night trial', 'with cooling gel layer', 'with edge support'] },
  ],
};
