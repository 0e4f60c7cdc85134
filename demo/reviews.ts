/** Demo ratings: most products 3.5–4.8, a few poorly rated, some not yet reviewed. */
import type { Random } from './random.ts';

export interface Reviews {
  /** 1.0–5.0, one decimal; absent when there are no reviews yet. */
  rating?: number;
  reviewCount: number;
}

export function sampleReviews(rng: Random): Reviews {
  if (rng.chance(0.07)) return { reviewCount: 0 };
  const rating = rng.chance(0.88)
    ? 3.5 + 1.3 * ((rng.next() + rng.next() + rng.next()) / 3) // bell-shaped around 4.15
    : 1 + 4 * rng.next();
  // Log-uniform 1–4000: many products with a handful of reviews, a few with thousands.
  const reviewCount = Math.max(1, Math.floor(Math.exp(rng.next() * Math.log(4000))));
  return { rating: Math.round(rating * 10) / 10, reviewCount };
}
