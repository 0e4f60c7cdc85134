/** The words one demo product is made of: brand, model, noun, style, colors, materials, sizes, attributes. */
import type { Random } from './random.ts';
import type { PreparedLeaf } from './departments.ts';
import { pickAttributes } from './pick-attributes.ts';
import { MODEL_NAMES, MODEL_SUFFIXES } from './vocab-shared.ts';

export interface Traits {
  brand: string;
  /** Invented model name, e.g. "Kestrel Pro"; absent for consumables. */
  model?: string;
  /** The product noun used in the title and description, e.g. "couch". */
  noun: string;
  style: string;
  /** A "with …" phrase, on about half the products. */
  feature?: string;
  /** Lower-case; usually one, none for colorless categories. */
  colors: string[];
  materials: string[];
  sizes: string[];
  attributes: Record<string, string>;
}

export function pickTraits(rng: Random, leaf: PreparedLeaf): Traits {
  const attributes = pickAttributes(rng, leaf);
  return {
    brand: rng.pick(leaf.department.brands),
    model: leaf.spec.noModel ? undefined : rng.pick(MODEL_NAMES) + rng.pick(MODEL_SUFFIXES),
    noun: rng.pick(leaf.spec.nouns),
    style: rng.pick(leaf.styles),
    feature: leaf.features.length > 0 && rng.chance(0.5) ? rng.pick(leaf.features) : undefined,
    colors: leaf.palette.length > 0 ? [rng.pick(leaf.palette)] : [],
    materials: pickMaterials(rng, leaf.spec.materials),
    sizes: pickSizes(rng, leaf, attributes.gender),
    attributes,
  };
}

/** One material, sometimes two ("oak, powder-coated steel"). */
function pickMaterials(rng: Random, materials: readonly string[]): string[] {
  if (materials.length === 0) return [];
  return rng.sample(materials, materials.length > 1 && rng.chance(0.2) ? 2 : 1);
}

/** A single size, or for size-run categories a contiguous run of at least three (S–XL, US 7–US 11). */
function pickSizes(rng: Random, leaf: PreparedLeaf, gender: string | undefined): string[] {
  const department = leaf.department.spec;
  const list = leaf.spec.sizes ?? (gender ? department.sizesByGender?.[gender] : undefined) ?? department.sizes ?? [];
  if (list.length === 0) return [];
  if (!leaf.sizeRun) return [rng.pick(list)];
  if (list.length <= 3) return list.slice();
  const length = rng.int(3, list.length);
  const start = rng.int(0, list.length - length);
  return list.slice(start, start + length);
}
