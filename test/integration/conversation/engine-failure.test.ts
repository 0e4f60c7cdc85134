import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainDialog } from '../../../dialogs/main-dialog.ts';
import type { MainState } from '../../../dialogs/state.ts';
import type { Dialog } from '../../../src/conversation/dialog.ts';
import { createConversationEngine } from '../../../src/conversation/engine.ts';
import { openSqliteConversationStore } from '../../../src/storage/sqlite-conversation-store.ts';
import type { Understand } from '../../../src/understanding/understand.ts';
import { captureLog } from '../../support/log-capture.ts';

/** The engine's error policy: a failing dialog step becomes an apology, a fresh dialog and a logged turn. */
describe('conversation engine, when a dialog step fails', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-engine-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('apologises, offers a person, resets the dialog and still logs the turn', async () => {
    const store = await openSqliteConversationStore(path.join(dir, 'conversations.db'));
    const understand: Understand = async () => ({ intent: 'product_search', confidence: 0.9, ranking: [], slots: {} });
    const failing: Dialog<MainState> = {
      ...mainDialog,
      async step() { throw new Error('search backend exploded'); },
    };
    const { log, lines } = captureLog();
    const services = { searchProducts: async () => { throw new Error('unused'); }, product: () => undefined, isCatalogTerm: () => false, support: async () => undefined };
    const engine = createConversationEngine({ store, understand, dialog: failing, services, log });
    const result = await engine.handle({ conversation: 'c1', user: 'u1', text: 'sofas' });
    expect(result.replies[0]!.text).toMatch(/^Sorry, something went wrong on my side/);
    expect(result.replies[0]!.suggestions).toContain('Talk to a person');
    const failure = lines.find((l) => l.level === 'error')!;
    expect(failure.err).toMatchObject({ type: 'Error', message: 'search backend exploded' });
    expect(failure.err.stack).toBeUndefined(); // stacks only at debug level
    expect((await store.conversation('c1'))!.state).toEqual(mainDialog.initial());
    const [turn] = await store.turns('c1');
    expect(turn).toMatchObject({ seq: 1, text: 'sofas', intent: 'product_search' });
    await engine.close();
  });
});
