import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainDialog } from '../../../dialogs/main-dialog.ts';
import type { DialogServices } from '../../../src/conversation/dialog.ts';
import { createConversationEngine } from '../../../src/conversation/engine.ts';
import type { ConversationEngine } from '../../../src/conversation/turn.ts';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';
import { openSqliteConversationStore } from '../../../src/storage/sqlite-conversation-store.ts';
import type { Understand } from '../../../src/understanding/understand.ts';

/** What the engine makes of a turn before the dialog does: the length limit, an empty turn, a card button. */
describe('conversation engine, reading a turn', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-engine-'));
  const hoodie: StoredProduct = { ...emptyProduct('hoodie', 'Fleece hoodie'), price: 60, sizes: ['S', 'M', 'L'], availability: 'in_stock', version: 1 };
  const read: string[] = [];
  const understand: Understand = async (text) => {
    read.push(text);
    return { intent: 'product_search', confidence: 0.9, ranking: [], slots: {} };
  };
  const services: DialogServices = {
    searchProducts: async () => ({ products: [], relaxed: [], filters: {} }),
    product: (id) => (id === hoodie.id ? hoodie : undefined),
    isCatalogTerm: () => false,
    support: async () => undefined,
  };
  let engine: ConversationEngine;
  beforeAll(async () => {
    const store = await openSqliteConversationStore(path.join(dir, 'conversations.db'));
    engine = createConversationEngine({ store, understand, dialog: mainDialog, services });
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an oversized message with a clear reply, without reading it, and rejects a turn without text', async () => {
    const long = await engine.handle({ conversation: 'c1', user: 'u', text: 'sofa '.repeat(500) });
    expect(long.replies.map((r) => r.text).join('\n')).toMatch(/2499 characters long; I can read up to 2000/);
    expect(read).toEqual([]);
    await expect(engine.handle({ conversation: 'c1', user: 'u', text: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('reads a card button as its intent, for certain: Details is a product question, Add to cart one to add', async () => {
    const details = await engine.handle({ conversation: 'c2', user: 'u', action: { type: 'details', productId: hoodie.id } });
    expect(details).toMatchObject({ intent: 'product_question', confidence: 1, slots: { productIds: [hoodie.id] } });
    expect(details.replies[0]!.products?.map((p) => p.id)).toEqual([hoodie.id]);
    const add = await engine.handle({ conversation: 'c2', user: 'u', action: { type: 'add_to_cart', productId: hoodie.id } });
    expect(add).toMatchObject({ intent: 'add_to_cart', confidence: 1 });
    expect(add.replies[0]!.suggestions).toEqual(hoodie.sizes);
    expect(read).toEqual([]);
  });
});
