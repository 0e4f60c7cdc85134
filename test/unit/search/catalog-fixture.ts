import { emptyProduct, type Availability, type StoredProduct } from '../../../src/domain.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { terms } from '../../../src/search/text.ts';

interface Spec {
  category: string[];
  price?: number;
  colors?: string[];
  materials?: string[];
  sizes?: string[];
  brand?: string;
  description?: string;
  rating?: number;
  reviewCount?: number;
  availability?: Availability;
}

/** A stored product with only the fields a test cares about. */
export function product(id: string, title: string, spec: Spec): StoredProduct {
  return { ...emptyProduct(id, title), availability: 'in_stock', ...spec, colors: spec.colors ?? [],
    materials: spec.materials ?? [], sizes: spec.sizes ?? [], description: spec.description ?? '', version: 1 };
}

const SOFAS = ['Furniture', 'Living Room', 'Sofas'];
const CHAIRS = ['Furniture', 'Dining', 'Chairs'];
const LAMPS = ['Lighting', 'Lamps'];
const AUDIO = ['Electronics', 'Audio', 'Headphones'];
const SHOES = ['Apparel', 'Shoes', 'Sneakers'];
const SHIRTS = ['Apparel', 'Tops', 'Shirts'];
const MUGS = ['Kitchen', 'Mugs'];

/** About thirty products across furniture, lighting, audio, apparel and kitchen. */
export const CATALOG: StoredProduct[] = [
  product('sofa-linen-blue', 'Harbor linen sofa', { category: SOFAS, price: 849, colors: ['Navy Blue'], materials: ['Linen'], brand: 'Nordhaus', rating: 4.6, reviewCount: 210, description: 'Three seat sofa with deep cushions.' }),
  product('sofa-leather-brown', 'Chesterfield leather sofa', { category: SOFAS, price: 1899, colors: ['Brown'], materials: ['Leather'], brand: 'Lumen & Oak', rating: 4.8, reviewCount: 95 }),
  product('sofa-velvet-green', 'Velvet loveseat sofa', { category: SOFAS, price: 699, colors: ['Green'], materials: ['Velvet'], brand: 'Nordhaus', rating: 4.1, reviewCount: 40 }),
  product('sofa-linen-grey', 'Compact linen sofa', { category: SOFAS, price: 1150, colors: ['Grey'], materials: ['Linen'], brand: 'Nordhaus', rating: 4.3, reviewCount: 60, availability: 'out_of_stock' }),
  product('sofa-faux-black', 'Modern sofa bed', { category: SOFAS, price: 520, colors: ['Black'], materials: ['Faux Leather'], brand: 'Casa', rating: 3.9, reviewCount: 150 }),
  product('sofa-boucle-white', 'Curved boucle sofa', { category: SOFAS, price: 1299, colors: ['White'], materials: ['Boucle'], brand: 'Casa', rating: 4.4, reviewCount: 30 }),
  product('chair-oak', 'Oak dining chair', { category: CHAIRS, price: 180, colors: ['Natural'], materials: ['Oak'], brand: 'Lumen & Oak', rating: 4.7, reviewCount: 320 }),
  product('chair-walnut', 'Walnut dining chair', { category: CHAIRS, price: 240, colors: ['Brown'], materials: ['Walnut'], brand: 'Lumen & Oak', rating: 4.5, reviewCount: 80 }),
  product('chair-metal-red', 'Bistro metal chair', { category: CHAIRS, price: 95, colors: ['Red'], materials: ['Steel'], brand: 'Casa', rating: 4.0, reviewCount: 500 }),
  product('chair-leather', 'Leather armchair', { category: CHAIRS, price: 640, colors: ['Black'], materials: ['Leather'], brand: 'Nordhaus', rating: 4.2, reviewCount: 45 }),
  product('lamp-brass', 'Brass desk lamp', { category: LAMPS, price: 79, colors: ['Gold'], materials: ['Brass'], brand: 'Lumo', rating: 4.6, reviewCount: 410 }),
  product('lamp-floor-black', 'Arc floor lamp', { category: LAMPS, price: 159, colors: ['Black'], materials: ['Steel'], brand: 'Lumo', rating: 4.3, reviewCount: 120 }),
  product('lamp-ceramic', 'Ceramic table lamp', { category: LAMPS, price: 45, colors: ['White'], materials: ['Ceramic'], brand: 'Lumo', rating: 3.8, reviewCount: 15 }),
  product('lamp-glass-grey', 'Smoked glass pendant lamp', { category: LAMPS, price: 130, colors: ['Gray'], materials: ['Glass'], brand: 'Lumo', rating: 4.0, reviewCount: 22 }),
  product('hp-wireless', 'Wireless noise cancelling headphones', { category: AUDIO, price: 299, colors: ['Black'], brand: 'Sonora', rating: 4.7, reviewCount: 2300, description: 'Over-ear, 30 hour battery.' }),
  product('hp-studio', 'Studio headphones', { category: AUDIO, price: 149, colors: ['Silver'], brand: 'Sonora', rating: 4.5, reviewCount: 800 }),
  product('hp-kids', 'Kids headphones', { category: AUDIO, price: 25, colors: ['Blue'], brand: 'Tinytune', rating: 4.1, reviewCount: 60 }),
  product('earbuds', 'True wireless earbuds', { category: ['Electronics', 'Audio', 'Earbuds'], price: 89, colors: ['White'], brand: 'Sonora', rating: 4.2, reviewCount: 1500, description: 'Pocket case with battery for 24 hours.' }),
  product('sneaker-run', 'Road running sneakers', { category: SHOES, price: 120, colors: ['Blue'], sizes: ['9', '10', '11'], materials: ['Mesh'], brand: 'Stride', rating: 4.4, reviewCount: 700 }),
  product('sneaker-court', 'Leather court sneakers', { category: SHOES, price: 95, colors: ['White'], sizes: ['8', '9'], materials: ['Leather'], brand: 'Stride', rating: 4.2, reviewCount: 300 }),
  product('sneaker-trail', 'Trail sneakers', { category: SHOES, price: 140, colors: ['Green'], sizes: ['10', '12'], materials: ['Mesh'], brand: 'Stride', rating: 4.6, reviewCount: 210 }),
  product('shirt-oxford-xl', 'Oxford shirt', { category: SHIRTS, price: 49, colors: ['Light Blue'], sizes: ['M', 'L', 'XL'], materials: ['Cotton'], brand: 'Fielder', rating: 4.3, reviewCount: 90 }),
  product('shirt-linen', 'Linen summer shirt', { category: SHIRTS, price: 59, colors: ['White'], sizes: ['S', 'M'], materials: ['Linen'], brand: 'Fielder', rating: 4.0, reviewCount: 40 }),
  product('shirt-flannel', 'Flannel shirt', { category: SHIRTS, price: 39, colors: ['Red'], sizes: ['L', 'XL'], materials: ['Cotton'], brand: 'Fielder', rating: 4.5, reviewCount: 260 }),
  product('mug-stoneware', 'Stoneware mug', { category: MUGS, price: 18, colors: ['Blue'], materials: ['Stoneware'], brand: 'Kiln', rating: 4.8, reviewCount: 900 }),
  product('mug-glass', 'Double wall glass mug', { category: MUGS, price: 15, colors: ['Clear'], materials: ['Glass'], brand: 'Kiln', rating: 4.2, reviewCount: 50 }),
  product('mug-travel', 'Insulated travel mug', { category: MUGS, price: 24, colors: ['Black'], materials: ['Steel'], brand: 'Kiln', rating: 4.6, reviewCount: 1200 }),
  product('mug-set', 'Espresso cups set', { category: MUGS, price: 12, colors: ['White'], materials: ['Porcelain'], brand: 'Kiln', rating: 3.5, reviewCount: 8 }),
  product('batteries', 'AA batteries 8 pack', { category: ['Electronics', 'Batteries'], price: 9, brand: 'Voltix', rating: 4.7, reviewCount: 3000 }),
  product('no-price', 'Made to order oak sofa', { category: SOFAS, colors: ['Natural'], materials: ['Oak'], brand: 'Lumen & Oak' }),
];

export const DIMENSIONS = 64;

/** Deterministic bag-of-words embedder: each stemmed term hashes to one of 64 dims, then L2-normalised. */
export function fakeEmbedder(): Embedder {
  const embedOne = (text: string): Float32Array => {
    const v = new Float32Array(DIMENSIONS);
    for (const t of terms(text)) {
      let h = 2166136261;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
      v[(h >>> 0) % DIMENSIONS]! += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return {
    id: 'fake-bag-of-words-64', dimensions: DIMENSIONS,
    embed: async (texts) => texts.map(embedOne),
    close: async () => {},
  };
}
