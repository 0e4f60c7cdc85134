import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Product, StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { CATEGORY_INDEX_FILE, loadCategoryIndex, type SerializedCategoryIndex } from './category-index.ts';
import { catalogVocabulary, loadCatalogVocabulary, VOCABULARY_FILE, type SerializedCatalogVocabulary } from './catalog-vocabulary.ts';
import type { Lexicon } from './lexicon.ts';
import { loadLexicalIndex, type SerializedLexicalIndex } from '../index/lexical-index.ts';
import { catalogLanguageOf, createProductSearch } from './product-search.ts';
import type { CatalogLanguage, ProductSearch } from './search.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import { createProductNameIndex, loadProductNameIndex, type ProductNameIndex, type SerializedProductNames } from '../understanding/product-names.ts';
import { openHnswIndex, type HnswParams } from '../index/hnsw-index.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import { readCurrentIndex, type IndexManifest } from '../index/index-manifest.ts';

export interface OpenSearchOptions {
  home: string;
  store: CatalogStore;
  embedder?: Embedder;
  hnsw: HnswParams;
  semanticWeight?: number;
  lexicon?: Lexicon;
  /** Also load the product-name index a conversation reads names with ("the Cedar 500"). */
  productNames?: boolean;
}

export interface OpenedSearch {
  search: ProductSearch;
  /** The catalog's own words, for understanding: handed on by the composition root, not through the search. */
  language: CatalogLanguage;
  manifest: IndexManifest;
  /** Present when `productNames` was asked for. */
  names?: ProductNameIndex;
  /** The catalog the search serves, in catalog order (the same objects, not a copy). */
  products: readonly StoredProduct[];
  /** The product vectors, when an embedding model is configured: the reranker's content inputs. */
  vectors?: VectorIndex;
}

/**
 * Loads the active index and the catalog into a ready ProductSearch. Refuses, naming the command
 * that fixes it, when the index is missing, damaged, stale or built by another model.
 */
export async function openProductSearch(o: OpenSearchOptions): Promise<OpenedSearch> {
  const current = readCurrentIndex(o.home);
  if (!current) throw new AppError('ARTIFACT_MISSING', `No index in ${o.home}: run \`aisle index\` (or \`aisle demo\` for the demo store).`);
  const { dir, manifest } = current;
  if ((await o.store.catalogId()) !== manifest.catalogId) {
    throw new AppError('ARTIFACT_MISMATCH', `The index in ${dir} was built from another catalog (another database or a re-created one): run \`aisle index --full\`.`);
  }
  const catalogVersion = await o.store.version();
  if (catalogVersion !== manifest.catalogVersion) {
    throw new AppError('ARTIFACT_MISMATCH',
      `The index was built from catalog version ${manifest.catalogVersion} but the catalog is at version ${catalogVersion}: run \`aisle index\` to bring it up to date.`);
  }
  if (o.embedder && manifest.embedder?.id !== o.embedder.id) {
    throw new AppError('ARTIFACT_MISMATCH',
      `The index was built with ${manifest.embedder ? `model ${manifest.embedder.id}` : 'no embedding model'} but the configured model is ${o.embedder.id}: run \`aisle index --full\`.`);
  }
  checkFiles(dir, manifest);
  const products = await o.store.all();
  const lexical = loadLexicalIndex(readJson<SerializedLexicalIndex>(dir, 'lexical.json'));
  const { categories, vocabulary, productTerms, currency } = readCatalogWords(dir, manifest, products);
  const semantic = o.embedder && { embedder: o.embedder, vectors: openHnswIndex(dir, o.embedder.dimensions, o.hnsw) };
  const deps = { products, lexical, vocabulary, productTerms, currency, semantic, semanticWeight: o.semanticWeight, lexicon: o.lexicon, categories };
  const language = catalogLanguageOf(deps);
  const search = createProductSearch(deps, language);
  const vectors = semantic ? { vectors: semantic.vectors } : {};
  if (!o.productNames) return { search, language, manifest, products, ...vectors };
  const names = has(manifest, 'names.json') ? loadProductNameIndex(readJson<SerializedProductNames>(dir, 'names.json')) : createProductNameIndex(products);
  return { search, language, manifest, names, products, ...vectors };
}

/**
 * What the build read from the products. A build from before categories-v2.json and vocabulary-v2.json
 * still opens, reading the products instead (seconds for a large catalog; the next `aisle index` writes them).
 */
function readCatalogWords(dir: string, manifest: IndexManifest, products: readonly Product[]) {
  const categories = has(manifest, CATEGORY_INDEX_FILE) ? loadCategoryIndex(readJson<SerializedCategoryIndex>(dir, CATEGORY_INDEX_FILE)) : undefined;
  const words = has(manifest, VOCABULARY_FILE) ? loadCatalogVocabulary(readJson<SerializedCatalogVocabulary>(dir, VOCABULARY_FILE)) : catalogVocabulary(products);
  return { categories, vocabulary: words.vocabulary, productTerms: words.productTerms, currency: words.currency };
}

function has(manifest: IndexManifest, file: string): boolean {
  return Object.hasOwn(manifest.files, file);
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
}

/** A cheap integrity check at start-up: every file the manifest lists exists with its size. */
function checkFiles(dir: string, manifest: IndexManifest): void {
  for (const [name, { bytes }] of Object.entries(manifest.files)) {
    let size = -1;
    try {
      size = statSync(path.join(dir, name)).size;
    } catch {
      // reported below
    }
    if (size !== bytes) throw new AppError('ARTIFACT_MISMATCH', `Index file ${name} in ${dir} is missing or truncated: run \`aisle index --full\`.`);
  }
}
