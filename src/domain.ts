/** Shared data shapes of the pipeline. Pure types: no I/O, no SDK types. */

export type Availability = 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder' | 'unknown';

/** One purchasable option of a product (a Shopify variant, a Merchant item in an item group). */
export interface Variant {
  sku: string;
  /** Price in the product's currency, major units (dollars, not cents). */
  price?: number;
  /** Option name → value, e.g. { Color: 'Navy', Size: 'M' }. */
  options: Record<string, string>;
  stock?: number;
  availability: Availability;
}

/** A product as Aisle stores, indexes and shows it; every parser produces this. */
export interface Product {
  /** Stable id from the source (SKU, handle, Merchant id); unique within a catalog. */
  id: string;
  title: string;
  /** Plain text (HTML already stripped). */
  description: string;
  brand?: string;
  /** Category path from broad to narrow, e.g. ['Furniture', 'Living Room', 'Sofas']. */
  category: string[];
  /** Lowest price across variants, major units. */
  price?: number;
  /** ISO 4217 code. */
  currency: string;
  colors: string[];
  sizes: string[];
  materials: string[];
  imageUrl?: string;
  url?: string;
  /** Average review rating, 0–5. */
  rating?: number;
  reviewCount?: number;
  /** Units on hand across variants, when the source says. */
  stock?: number;
  availability: Availability;
  tags: string[];
  /** Free-form attributes: every source column not mapped onto a field above. */
  attributes: Record<string, string>;
  variants: Variant[];
}

/** A product with the catalog bookkeeping the store adds. */
export interface StoredProduct extends Product {
  /** Catalog version at which this product last changed. */
  version: number;
}

/** Input row number (1-based, as an editor shows it) with the reason it was rejected. */
export interface RowError {
  line: number;
  reason: string;
}

/**
 * What a parser yields for each record: a product, or a rejection that keeps its line. `skipped`
 * marks records left out on purpose (a Shopify draft), which are reported but are not errors.
 */
export type ParsedRow =
  | { ok: true; line: number; product: Product }
  | { ok: false; line: number; reason: string; skipped?: boolean };

/** Builds a product with empty collections, so parsers only set what they know. */
export function emptyProduct(id: string, title: string): Product {
  return {
    id, title, description: '', category: [], currency: 'USD', colors: [], sizes: [], materials: [],
    availability: 'unknown', tags: [], attributes: {}, variants: [],
  };
}
