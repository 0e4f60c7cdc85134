import { emptyProduct, type Product } from '../../src/domain.ts';

/** A full product, every optional field set, so a round trip checks them all. */
export function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    ...emptyProduct(id, `Product ${id}`),
    description: `Description of ${id}`, brand: 'Acme', category: ['Home', 'Kitchen'], price: 19.99, currency: 'EUR',
    colors: ['red'], sizes: ['M'], materials: ['steel'], imageUrl: `https://example.com/${id}.jpg`,
    url: `https://example.com/p/${id}`, rating: 4.5, reviewCount: 12, stock: 3, availability: 'in_stock',
    tags: ['new'], attributes: { origin: 'PT' },
    variants: [{ sku: `${id}-m`, price: 19.99, options: { Size: 'M' }, stock: 3, availability: 'in_stock' }],
    ...overrides,
  };
}

/** `n` distinct products with ids `<prefix>00000`, `<prefix>00001`, … (already in id order). */
export function manyProducts(n: number, prefix = 'p'): Product[] {
  return Array.from({ length: n }, (_, i) => product(`${prefix}${String(i).padStart(5, '0')}`, { tags: [`n${i}`] }));
}
