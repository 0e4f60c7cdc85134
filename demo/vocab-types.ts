/**
 * Shapes of the demo store's vocabulary. Templates use `{slot}` placeholders (a template is used
 * only when every slot it names has a value) and `[a|b|c]` alternatives (one is picked at random).
 */

/** Inclusive range in inches: [min, max]. */
export type InchRange = readonly [number, number];

/** A leaf category and the words its products are made of. */
export interface LeafSpec {
  /** Path below the department, 1–2 names, e.g. ['Living Room', 'Sofas']. */
  path: string[];
  /**
   * 4–8 sentences on what these products are for: the need or problem, who, where and when. Each must be
   * true of every product in the leaf; anything narrower goes in `purposesWhen`.
   */
  purposes: string[];
  /**
   * Purpose sentences for some products only: used when the product's noun, style, feature, size (when it has
   * one), a material or an attribute value equals the key, e.g. { 'blackout curtain panel': ['Blocks early-morning sun …'] }.
   */
  purposesWhen?: Record<string, string[]>;
  /** Lower-case product nouns; the first is the plain name, the rest are synonyms used in titles. */
  nouns: string[];
  /** Counting phrase for plural nouns in descriptions, e.g. 'pair of' (jeans, headphones). */
  unit?: string;
  /** Price range in USD, major units. */
  price: readonly [number, number];
  /** Lower-case materials (or key ingredients for beauty products); may be empty. */
  materials: string[];
  /** Overrides the department's sizes; [] for products without sizes. */
  sizes?: string[];
  /** Overrides the department's `sizeRun`. */
  sizeRun?: boolean;
  /** Overrides the department's palette; [] for colorless products (serums, dog food). */
  colors?: string[];
  /** Added to the department's style words. */
  styles?: string[];
  /** Where or when these products are used; replace the department's when given. */
  uses?: string[];
  /** Phrases starting with "with"; replace the department's when given. */
  features?: string[];
  /** Attribute name → possible values; overrides the department's attribute of the same name. */
  attributes?: Record<string, string[]>;
  /** Care or storage sentences; replace the department's when given. */
  care?: string[];
  /** True for consumables (food, soil, paper) that are sold without a model name. */
  noModel?: boolean;
  /** Width, depth, height ranges, written as the `dimensions` attribute. */
  dims?: readonly [InchRange, InchRange, InchRange];
}

/** A leaf's purpose sentences, kept in a purposes-*.ts file per department and spread into the leaf. */
export type LeafPurposes = Pick<LeafSpec, 'purposes' | 'purposesWhen'>;

/** A top-level department: its word lists, title and description templates, and leaves. */
export interface DepartmentSpec {
  name: string;
  /** Lower-case color names products of this department come in. */
  palette: string[];
  /** Adjectives and style words used in titles and descriptions. */
  styles: string[];
  /** Phrases starting with "with", used when a leaf has none. */
  features: string[];
  /** Where or when the products are used, e.g. 'small apartments'. */
  uses: string[];
  /** Sizes when a leaf gives none; absent means no sizes. */
  sizes?: string[];
  /** True when one product is sold in a run of sizes (S–XL), false when it is one size (a 55" TV). */
  sizeRun?: boolean;
  /** Size lists by the `gender` attribute, used when the leaf gives no sizes. */
  sizesByGender?: Record<string, string[]>;
  /** True when some products have color × size variants with their own SKUs. */
  variants?: boolean;
  /** Title templates. */
  titles: string[];
  /** First sentence of a description. */
  openers: string[];
  /** Further description sentences. */
  sentences: string[];
  /** Care sentences used when the material has none of its own. */
  care: string[];
  /** Attribute name → possible values, for every product of the department. */
  attributes: Record<string, string[]>;
  leaves: LeafSpec[];
}
