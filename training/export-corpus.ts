// Writes the product corpus the encoder trains on: the demo catalog with, for each product, the
// exact text the indexer embeds (embeddingText), so training and serving see the same input.
// Usage: node --import tsx training/export-corpus.ts OUT.jsonl [--products 20000] [--seed 7]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCatalog } from '../demo/generate-catalog.ts';
import { embeddingText } from '../src/search/product-text.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { products: { type: 'string', default: '20000' }, seed: { type: 'string', default: '7' } },
});
const out = positionals[0];
if (!out) throw new Error('usage: export-corpus.ts OUT.jsonl [--products N] [--seed S]');
const products = generateDemoCatalog({ count: Number(values.products), seed: Number(values.seed) });
const lines = products.map((p) => JSON.stringify({
  id: p.id, text: embeddingText(p), title: p.title, brand: p.brand ?? null, category: p.category,
  colors: p.colors, materials: p.materials, sizes: p.sizes, tags: p.tags, attributes: p.attributes, price: p.price ?? null,
  description: p.description,
}));
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${products.length} products to ${out}`);
