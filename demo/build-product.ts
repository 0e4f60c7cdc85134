/** Builds one demo product from its own random sequence and a department. */
import type { Product } from '../src/domain.ts';
import type { Random } from './random.ts';
import type { PreparedDepartment, PreparedLeaf } from './departments.ts';
import type { Slots, Template } from './templates.ts';
import { pickTraits, type Traits } from './pick-traits.ts';
import { audienceLabel, audienceNoun } from './pick-attributes.ts';
import { samplePrice } from './price.ts';
import { sampleReviews } from './reviews.ts';
import { sampleStock } from './stock.ts';
import { buildVariants, VARIANT_SHARE } from './variants.ts';
import { composeTitle } from './compose-title.ts';
import { composeDescription, type PurposeTemplates } from './compose-description.ts';
import { attributeSentences } from './attribute-phrases.ts';
import { careSentence } from './material-care.ts';

/** Product `id` ("P000123") of `department`, drawn entirely from `rng`. */
export function buildDemoProduct(rng: Random, id: string, department: PreparedDepartment): Product {
  const leaf = rng.pick(department.leaves);
  const traits = pickTraits(rng, leaf);
  const price = samplePrice(rng, leaf.spec.price);
  const variantSet = department.spec.variants && leaf.palette.length >= 2 && traits.sizes.length >= 3 && rng.chance(VARIANT_SHARE)
    ? buildVariants(rng, id, leaf.palette, traits.sizes, price)
    : undefined;
  if (variantSet) Object.assign(traits, { colors: variantSet.colors, sizes: variantSet.sizes });

  const slots = productSlots(rng, leaf, traits);
  const extras = [...attributeSentences(traits.attributes), careSentence(rng, traits.materials[0], leaf.care)];
  const reviews = sampleReviews(rng);
  const stock = variantSet ? variantStock(variantSet.variants) : sampleStock(rng);
  const product: Product = {
    id,
    title: composeTitle(rng, department.titles, slots),
    description: composeDescription(rng, department, slots, purposeTemplates(leaf, traits), extras),
    brand: traits.brand,
    category: leaf.category.slice(),
    price: variantSet ? Math.min(...variantSet.variants.map((variant) => variant.price ?? price)) : price,
    currency: 'USD',
    colors: traits.colors,
    sizes: traits.sizes,
    materials: traits.materials,
    imageUrl: `/images/${id}.svg`,
    url: `/products/${id}`,
    rating: reviews.rating,
    reviewCount: reviews.reviewCount,
    stock: stock.stock,
    availability: stock.availability,
    tags: pickTags(rng, leaf, traits),
    attributes: traits.attributes,
    variants: variantSet?.variants ?? [],
  };
  // Unreviewed products have no rating key at all, as a parsed catalog row would.
  if (product.rating === undefined) delete product.rating;
  return product;
}

function productSlots(rng: Random, leaf: PreparedLeaf, traits: Traits): Slots {
  const { sizes, colors } = traits;
  const unit = leaf.spec.unit;
  const entries: [string, string | undefined][] = [
    ...Object.entries(traits.attributes),
    ['brand', traits.brand],
    ['model', traits.model],
    ['style', traits.style],
    ['noun', traits.noun],
    ['item', unit ? `${unit} ${traits.noun}` : traits.noun],
    ['material', traits.materials[0]],
    ['color', colors.length === 1 ? colors[0] : undefined],
    ['size', sizes.length === 1 ? sizes[0] : undefined],
    ['size_range', sizes.length > 1 ? `${sizes[0]} to ${sizes[sizes.length - 1]}` : undefined],
    ['feature', traits.feature],
    ['use', rng.pick(leaf.uses)],
    ['who', audienceLabel(traits.attributes.gender)],
    ['audience', audienceNoun(traits.attributes.gender)],
  ];
  const slots = new Map<string, string>();
  for (const [name, value] of entries) if (value) slots.set(name, value);
  return slots;
}

/** The leaf's purposes, with those keyed by the product's noun or by its other traits (a size only when it has one) set apart. */
function purposeTemplates(leaf: PreparedLeaf, traits: Traits): PurposeTemplates {
  const size = traits.sizes.length === 1 ? traits.sizes[0] : undefined;
  const others = new Set([traits.style, traits.feature, size, ...traits.materials, ...Object.values(traits.attributes)]);
  others.delete(traits.noun);
  const keyed = (trait: string | undefined): Template[] => (trait === undefined ? [] : (leaf.purposesWhen.get(trait) ?? []));
  return { noun: keyed(traits.noun), traits: [...others].flatMap(keyed), general: leaf.purposes };
}

function variantStock(variants: Product['variants']): { stock: number; availability: Product['availability'] } {
  const stock = variants.reduce((sum, variant) => sum + (variant.stock ?? 0), 0);
  return { stock, availability: stock > 0 ? 'in_stock' : 'out_of_stock' };
}

const ECO = /recycled|organic|bamboo|reclaimed|hemp|cork/;

/** 3–6 lower-case keywords: noun, leaf, style, department, material, color, now and then a merchandising tag. */
function pickTags(rng: Random, leaf: PreparedLeaf, traits: Traits): string[] {
  const material = traits.materials[0];
  const tags = [traits.noun.toLowerCase(), (leaf.category.at(-1) ?? '').toLowerCase(), traits.style.toLowerCase(), leaf.department.spec.name.toLowerCase()];
  if (material) tags.push(material.toLowerCase());
  if (traits.colors.length === 1 && rng.chance(0.5)) tags.push(traits.colors[0] as string);
  if (material && ECO.test(material)) tags.push('eco-friendly');
  if (rng.chance(0.1)) tags.push(rng.pick(['gift idea', 'new arrival', 'bestseller', 'limited edition']));
  return [...new Set(tags)].slice(0, 6);
}
