import type { Product } from '../domain.ts';
import type { ProductCard } from './reply.ts';

/** The fields a channel draws for a product, and nothing else. */
export function toCard(p: Product & { id: string }): ProductCard {
  const card: ProductCard = { id: p.id, title: p.title, currency: p.currency, availability: p.availability };
  if (p.price !== undefined) card.price = p.price;
  if (p.brand) card.brand = p.brand;
  if (p.rating !== undefined) card.rating = p.rating;
  if (p.reviewCount !== undefined) card.reviewCount = p.reviewCount;
  if (p.imageUrl) card.imageUrl = p.imageUrl;
  if (p.url) card.url = p.url;
  return card;
}
