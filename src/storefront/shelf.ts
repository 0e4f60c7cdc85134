import type { StoredProduct } from '../domain.ts';

/** The storefront's contract: the catalog as shelves a shopper browses. Pure and in memory. */

/** One category of the catalog's tree, with the number of products at or below it. */
export interface CategoryNode {
  name: string;
  /** Full path, department first. */
  path: readonly string[];
  count: number;
  /** Sub-categories, by name. */
  children: readonly CategoryNode[];
}

/** One page of a listing; `page` is 1-based and within 1…`pages`. */
export interface ShelfPage {
  products: readonly StoredProduct[];
  page: number;
  pages: number;
  total: number;
}

export interface Shelf {
  /** Products in the catalog; 0 means there is no catalog to show yet. */
  readonly size: number;
  /** The first level of the category tree (departments), by name. */
  readonly departments: readonly CategoryNode[];
  product(id: string): StoredProduct | undefined;
  /**
   * Products under `path` (every product when empty), in catalog order, cut into pages of `pageSize`.
   * A page past the end is the last page; undefined when no category has that path.
   */
  list(path: readonly string[], page: number, pageSize: number): (ShelfPage & { category?: CategoryNode }) | undefined;
}

interface MutableNode {
  name: string;
  path: string[];
  products: StoredProduct[];
  children: Map<string, MutableNode>;
}

/** Builds the shelves once from the catalog (the products the search serves, in catalog order). */
export function createShelf(products: readonly StoredProduct[]): Shelf {
  const root: MutableNode = { name: '', path: [], products: [], children: new Map() };
  const byId = new Map<string, StoredProduct>();
  for (const product of products) {
    byId.set(product.id, product);
    addToTree(root, product);
  }
  const nodes = new Map<string, { node: CategoryNode; products: readonly StoredProduct[] }>();
  const departments = freeze(root, nodes).children;
  return {
    size: products.length,
    departments,
    product: (id) => byId.get(id),
    list: (path, page, pageSize) => listShelf(path.length === 0 ? { products } : nodes.get(pathKey(path)), page, pageSize),
  };
}

function addToTree(root: MutableNode, product: StoredProduct): void {
  let node = root;
  for (const name of product.category) {
    let child = node.children.get(name);
    if (!child) {
      child = { name, path: [...node.path, name], products: [], children: new Map() };
      node.children.set(name, child);
    }
    child.products.push(product);
    node = child;
  }
}

/** The read-only tree, registering every node under its path on the way. */
function freeze(node: MutableNode, nodes: Map<string, { node: CategoryNode; products: readonly StoredProduct[] }>): CategoryNode {
  const children = [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name)).map((child) => freeze(child, nodes));
  const frozen: CategoryNode = { name: node.name, path: node.path, count: node.products.length, children };
  if (node.path.length > 0) nodes.set(pathKey(node.path), { node: frozen, products: node.products });
  return frozen;
}

function listShelf(
  found: { node?: CategoryNode; products: readonly StoredProduct[] } | undefined, page: number, pageSize: number,
): (ShelfPage & { category?: CategoryNode }) | undefined {
  if (!found) return undefined;
  const pages = Math.max(1, Math.ceil(found.products.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return {
    products: found.products.slice((current - 1) * pageSize, current * pageSize),
    page: current, pages, total: found.products.length,
    ...(found.node ? { category: found.node } : {}),
  };
}

/** Category names may hold any character but NUL, which no parser keeps. */
function pathKey(path: readonly string[]): string {
  return path.join('\u0000');
}
