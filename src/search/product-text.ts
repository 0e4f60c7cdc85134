import type { Product } from '../domain.ts';
import type { LexicalDocument } from '../index/lexical-index.ts';

/** Fields that describe what a product is, for the lexical index. */
export function lexicalDocument(p: Product): LexicalDocument {
  const facets = [...p.colors, ...p.materials, ...p.sizes, ...p.tags, ...Object.values(p.attributes)];
  return {
    id: p.id,
    title: p.title,
    brand: p.brand ?? '',
    category: p.category.join(' '),
    facets: facets.join(' '),
    description: p.description,
  };
}

/**
 * The text the encoder embeds: most telling fields first, because the model truncates long
 * inputs and the description's tail matters least.
 */
export function embeddingText(p: Product): string {
  const parts = [
    p.title,
    p.brand ? `by ${p.brand}` : '',
    p.category.length ? `Category: ${p.category.join(' > ')}` : '',
    p.colors.length ? `Color: ${p.colors.join(', ')}` : '',
    p.materials.length ? `Material: ${p.materials.join(', ')}` : '',
    p.description,
  ];
  return parts.filter(Boolean).join('. ');
}
