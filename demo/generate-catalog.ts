/** The demo store: a deterministic, invented catalog of any size for demos, tests and benchmarks. */
import type { Product } from '../src/domain.ts';
import { AppError } from '../src/errors.ts';
import { createRandom, mixSeed } from './random.ts';
import { preparedDepartments } from './departments.ts';
import { buildDemoProduct } from './build-product.ts';

export { demoVocabulary } from './demo-vocabulary.ts';

export interface DemoCatalogOptions {
  /** Any integer; the same seed and count always give byte-identical products. */
  seed: number;
  /** Number of products, 0–999,999 (ids are "P" + 6 digits). */
  count: number;
}

const MAX_COUNT = 999_999;

/**
 * `count` invented products spread evenly over the departments (in a seed-dependent order).
 * Product `i` depends only on the seed and `i`, so a smaller catalog is a prefix of a larger one.
 */
export function generateDemoCatalog(options: DemoCatalogOptions): Product[] {
  const { seed, count } = options;
  if (!Number.isInteger(seed)) throw new AppError('BAD_INPUT', `demo catalog seed must be an integer, got ${seed}`);
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new AppError('BAD_INPUT', `demo catalog count must be an integer from 0 to ${MAX_COUNT}, got ${count}`);
  }
  const departments = createRandom(mixSeed(seed, 0x5eed)).sample(preparedDepartments(), Infinity);
  const products: Product[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const rng = createRandom(mixSeed(seed, index));
    const department = departments[index % departments.length];
    if (!department) throw new Error('no demo departments');
    products[index] = buildDemoProduct(rng, demoProductId(index), department);
  }
  return products;
}

/** "P000001" for index 0. */
export function demoProductId(index: number): string {
  return `P${String(index + 1).padStart(6, '0')}`;
}
