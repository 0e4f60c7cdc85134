import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { createHelpCentre } from '../../../src/support/help-centre.ts';
import { ingestHelpCentre, loadHelpCentre } from '../../../src/support/help-centre-file.ts';
import { readHelpSource } from '../../../src/support/help-sources.ts';
import { answerFromHelpCentre } from '../../../src/support/help-answer.ts';
import { createHelpDesk } from '../../../src/support/help-desk.ts';
import { openHelpDesk } from '../../../src/support/open-help-desk.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

const REFUNDS = `---\ntitle: Refunds\nurl: /help/refunds\n---\n# Refunds\n\n## When will I get my refund?\n\nA refund is issued within 3 business days of the return arriving. A refund to a card takes 5 to 10 business days to appear. A refund to PayPal takes 3 to 5 business days. Gift card refunds arrive within 1 business day.\n\n## Why was my refund partial?\n\nA partial refund happens when an item came back used or damaged.\n`;
const SHIPPING = `# Shipping\n\n## How much does shipping cost?\n\nStandard shipping costs $6.95. Standard shipping is free on orders over $75.\n\n## How do I send a parcel back?\n\n1. Print the label.\n2. Pack the item.\n3. Drop it off.\n`;

let embedder: Embedder;
let dir: string;
let home: string;
beforeAll(async () => {
  embedder = await openTransformersEmbedder({ modelDir: TINY_MODEL_DIR, device: 'cpu', batchSize: 8 });
});
afterAll(async () => {
  await embedder.close();
});

function freshStore() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-help-'));
  home = path.join(dir, 'home');
  mkdirSync(path.join(dir, 'articles'));
  writeFileSync(path.join(dir, 'articles', 'refunds.md'), REFUNDS);
  writeFileSync(path.join(dir, 'articles', 'shipping.md'), SHIPPING);
  return path.join(dir, 'articles');
}

describe('ingesting a help centre', () => {
  it('embeds new articles, then only changed ones, and drops articles deleted from the same source', async () => {
    const src = freshStore();
    const first = await ingestHelpCentre(home, readHelpSource(src), embedder);
    expect(first).toMatchObject({ added: ['refunds', 'shipping'], changed: [], removed: [], passagesEmbedded: 4 });
    writeFileSync(path.join(src, 'shipping.md'), SHIPPING.replace('$6.95', '$7.95'));
    const second = await ingestHelpCentre(home, readHelpSource(src), embedder);
    expect(second).toMatchObject({ added: [], changed: ['shipping'], unchanged: ['refunds'], passagesEmbedded: 2 });
    rmSync(path.join(src, 'refunds.md'));
    const third = await ingestHelpCentre(home, readHelpSource(src), embedder);
    expect(third).toMatchObject({ removed: ['refunds'], unchanged: ['shipping'], passagesEmbedded: 0 });
    expect(loadHelpCentre(home)!.articles.map((a) => a.id)).toEqual(['shipping']);
  });

  it('refuses an article whose id another source already has, saying how to fix it, and keeps the first', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src), embedder);
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'refunds.md'), '# Refunds elsewhere\n\nA different text.\n');
    const report = await ingestHelpCentre(home, readHelpSource(other), embedder);
    expect(report.refused).toEqual([expect.stringMatching(/^refunds: already in the help centre from .*articles.*aisle kb remove refunds/)]);
    expect(loadHelpCentre(home)!.articles.find((a) => a.id === 'refunds')!.title).toBe('Refunds');
  });

  it('keeps another source\'s articles when one source is ingested again', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(path.join(src, 'refunds.md')), embedder);
    await ingestHelpCentre(home, readHelpSource(path.join(src, 'shipping.md')), embedder);
    expect(loadHelpCentre(home)!.articles.map((a) => a.id).sort()).toEqual(['refunds', 'shipping']);
  });

  it('embeds everything again for another model, and a server refuses vectors from another model at start-up', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src));
    expect(loadHelpCentre(home)!.embedder).toBeNull();
    const again = await ingestHelpCentre(home, readHelpSource(src), embedder);
    expect(again.passagesEmbedded).toBe(4);
    const other: Embedder = { ...embedder, id: 'another-model', embed: (t) => embedder.embed(t), close: async () => {} };
    expect(() => openHelpDesk(home, other)).toThrow(/run aisle kb ingest PATH again/);
  });

  it('refuses a damaged file with the command that fixes it', () => {
    freshStore();
    mkdirSync(path.join(home, 'help-centre'), { recursive: true });
    writeFileSync(path.join(home, 'help-centre', 'help-centre.json'), '{"format": 99}');
    expect(() => loadHelpCentre(home)).toThrow(/ingest the help centre again/);
  });
});

describe('answering from the help centre', () => {
  it('quotes the sentences that answer, cites the article, and offers the next step and thumbs', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src), embedder);
    // The tiny test encoder's vectors are random: the words alone rank here, as with AISLE_MODEL=none.
    const centre = createHelpCentre(loadHelpCentre(home)!.articles);
    const answer = await answerFromHelpCentre(centre, 'how many business days until a refund to paypal appears?');
    expect(answer).toMatchObject({ articleId: 'refunds', citations: [{ title: 'Refunds', url: '/help/refunds' }] });
    expect(answer!.text).toMatch(/PayPal takes 3 to 5 business days/);
    expect(answer!.text).not.toMatch(/Gift card/);
    // Two articles give BM25 little weight: the bars are scaled to this help centre, as a store would calibrate.
    const desk = createHelpDesk(centre, { confident: { lexical: 4, semantic: 2 }, clarify: { lexical: 1, semantic: 2 } });
    const turn = (text: string) => ({ kind: 'text' as const, text, understanding: { intent: 'return_policy' as const, confidence: 0.9, ranking: [], slots: {} } });
    // Below the confident bar the desk asks which article is meant, never guesses.
    const unsure = await desk(turn('how many business days until a refund to paypal appears?'));
    expect(unsure).toMatchObject({ suggestions: ['Refunds', 'Shipping', 'Talk to a person'] });
    expect(unsure!.citations).toBeUndefined();
    const sure = await desk(turn('Refunds'));
    expect(sure).toMatchObject({ citations: [{ title: 'Refunds' }], feedback: { answer: 'refunds#1' }, suggestions: ['Start a return', 'Talk to a person'] });
  });

  it('quotes a numbered procedure whole', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src), embedder);
    const centre = createHelpCentre(loadHelpCentre(home)!.articles, embedder);
    const answer = await answerFromHelpCentre(centre, 'steps to send a parcel back');
    expect(answer!.text).toBe('1. Print the label.\n2. Pack the item.\n3. Drop it off.');
  });

  it('answers a title sent back from a clarifying chip from that article, confidently', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src), embedder);
    const centre = createHelpCentre(loadHelpCentre(home)!.articles, embedder);
    const answer = await answerFromHelpCentre(centre, 'Refunds');
    expect(answer).toMatchObject({ articleId: 'refunds', confident: true });
    expect(answer!.text).toMatch(/^A refund is issued within 3 business days/);
  });

  it('does not answer an order\'s own status from the help centre when the order number is given', async () => {
    const src = freshStore();
    await ingestHelpCentre(home, readHelpSource(src), embedder);
    const desk = createHelpDesk(createHelpCentre(loadHelpCentre(home)!.articles, embedder));
    const reply = await desk({ kind: 'text', text: 'where is my refund for order 10432', understanding: { intent: 'refund_status', confidence: 0.9, ranking: [], slots: { orderNumbers: ['10432'] } } });
    expect(reply).toBeUndefined();
  });
});

describe('a running help desk', () => {
  it('answers from articles ingested after it started (an FAQ entry added from the console or the CLI)', async () => {
    const src = freshStore();
    const desk = openHelpDesk(home, undefined);
    const turn = { kind: 'text' as const, text: 'Refunds', understanding: { intent: 'return_policy' as const, confidence: 0.9, ranking: [], slots: {} } };
    expect(await desk(turn)).toBeUndefined();
    await ingestHelpCentre(home, readHelpSource(src));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 5000);
      expect((await desk(turn))?.citations).toEqual([{ title: 'Refunds', url: '/help/refunds' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('FAQ entries added at the same time', () => {
  it('keeps both (each ingest waits for the one before it)', async () => {
    freshStore();
    const { addFaqEntry } = await import('../../../src/support/add-faq.ts');
    await Promise.all([
      addFaqEntry(home, { question: 'Do you gift wrap?', answer: 'Yes, for $5.' }, embedder),
      addFaqEntry(home, { question: 'Do you ship to Mars?', answer: 'Not yet.' }, embedder),
    ]);
    expect(loadHelpCentre(home)!.articles.map((a) => a.title).sort()).toEqual(['Do you gift wrap?', 'Do you ship to Mars?']);
  });
});
