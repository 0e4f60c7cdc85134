// How long `aisle report` takes over a large log (issue 12 part 6): synthetic turns and events written through the
// SQLite stores, then buildReport with shared-words grouping and with the shipped encoder.
// Usage: node --import tsx bench/report-speed.ts [--conversations 4000] [--turns-each 5]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../src/analytics/report.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import type { TurnOutcome } from '../src/storage/conversation-store.ts';
import type { NewEvent } from '../src/storage/event-log.ts';
import { openSqliteConversationStore } from '../src/storage/sqlite-conversation-store.ts';
import { openSqliteEventLog } from '../src/storage/sqlite-event-log.ts';
import { int, readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({ conversations: { type: 'string', default: '4000' }, 'turns-each': { type: 'string', default: '5' } });
const conversations = int(flags.conversations, 'conversations');
const each = int(flags['turns-each'], 'turns-each');
const QUESTIONS = ['do you do gift wrapping?', 'is gift wrapping available?', 'can I pay with klarna?', 'do you ship to canada?', 'what are your store hours?', 'can I get a student discount?'];

const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-report-bench-'));
const file = path.join(dir, 'conversations.db');
const store = await openSqliteConversationStore(file);
const events = openSqliteEventLog(file);
const rows: Row[] = [];
try {
  for (let c = 0; c < conversations; c++) {
    const batch: NewEvent[] = [];
    for (let t = 0; t < each; t++) {
      const kind = (c + t) % 4;
      const outcome: TurnOutcome = kind === 0 ? { search: { text: `sofa ${c % 50}`, results: c % 9 === 0 ? 0 : 5 } } : kind === 1 ? { offeredPerson: true } : kind === 2 && c % 10 === 0 ? { handoff: 'requested' } : {};
      const text = kind === 1 ? QUESTIONS[(c * 7 + t) % QUESTIONS.length]! : `message ${t}`;
      await store.runTurn({ conversation: `c${c}`, user: `anon:${c % 1500}`, channel: 'widget' }, async (current) => ({
        commit: { state: {}, profile: current.profile, log: { text, action: null, intent: kind === 1 ? 'not_sure' : 'product_search', confidence: 0.8, slots: {}, shown: [], reply: 'r', outcome } },
        result: undefined,
      }));
      if (kind === 0) for (let p = 1; p <= 5; p++) batch.push({ user: `anon:${c % 1500}`, product: `p${(c + p) % 700}`, kind: 'impression', position: p, channel: 'widget', conversation: `c${c}` });
    }
    if (c % 5 === 0) batch.push({ user: `anon:${c % 1500}`, product: `p${(c + 1) % 700}`, kind: 'click', channel: 'widget', conversation: `c${c}` });
    await events.append(batch);
  }
  const modelDir = resolveModelDir('default', 'models')!;
  const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 32 });
  for (const [label, e] of [['shared words', undefined], ['encoder + shared words', embedder]] as const) {
    const started = performance.now();
    const report = await buildReport({ turns: store, events, ...(e ? { embedder: e } : {}) });
    rows.push({ grouping: label, conversations: report.conversations, turns: report.turns, unanswered: report.unanswered.questions, groups: report.unanswered.grouping.groups.length, seconds: (performance.now() - started) / 1000 });
  }
  await embedder.close();
} finally {
  await events.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
publish('report-speed', [{ title: 'aisle report over a synthetic SQLite log (buildReport, one run each)', rows, digits: 2,
  notes: ['Impressions: 5 per search turn; unanswered questions use 6 distinct wordings, so the encoder embeds only those.'] }], { conversations, each });
