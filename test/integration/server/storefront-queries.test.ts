import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { createShelf } from '../../../src/storefront/shelf.ts';

describe('the storefront listing refuses a malformed address plainly', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const lamp: StoredProduct = { ...emptyProduct('A1', 'Lamp'), category: ['Home', 'Lamps'], version: 1 };
    const search = { size: 1, mode: 'lexical', search: async () => ({ results: [], relaxed: [] }) } as unknown as ProductSearch;
    const app = createApp({ search, manifest: {} as IndexManifest, storefront: { shelf: createShelf([lamp]), search } });
    server = await listen(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a repeated or overlong category is BAD_INPUT (400), not a 500', async () => {
    for (const query of ['category=Home&category=Lamps', `category=${'x'.repeat(2001)}`]) {
      const res = await fetch(`${base}/?${query}`, { headers: { accept: 'text/html' } });
      expect(res.status, query.slice(0, 40)).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('category') });
    }
    expect((await fetch(`${base}/?category=Home`)).status).toBe(200);
  });
});
