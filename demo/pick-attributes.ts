/** Department- and leaf-specific attributes of one demo product (gender, battery_life, dimensions, …). */
import type { Random } from './random.ts';
import type { PreparedLeaf } from './departments.ts';

/** One value per attribute the leaf knows, plus `dimensions` ("84" W x 38" D x 34" H") when it has ranges. */
export function pickAttributes(rng: Random, leaf: PreparedLeaf): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, values] of leaf.attributes) attributes[name] = rng.pick(values);
  const dims = leaf.spec.dims;
  if (dims) {
    const [width, depth, height] = dims.map(([min, max]) => rng.int(min, max));
    attributes.dimensions = `${width}" W x ${depth}" D x ${height}" H`;
  }
  return attributes;
}

/** Possessive used in titles ("Women's Wool Coat"); none for unisex products. */
export function audienceLabel(gender: string | undefined): string | undefined {
  switch (gender) {
    case 'women': return "women's";
    case 'men': return "men's";
    case 'kids': return "kids'";
    default: return undefined;
  }
}

/** Who a product is made for, in a sentence ("Designed for women."). */
export function audienceNoun(gender: string | undefined): string | undefined {
  if (gender === undefined) return undefined;
  return gender === 'unisex' ? 'everyone' : gender;
}
