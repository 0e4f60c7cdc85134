// `aisle train reranker`: event log → training examples → train_reranker.py → HOME/reranker/<version>/ → CURRENT.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { MAX_SCAN_PAGE, type BehaviourEvent, type EventLog } from '../storage/event-log.ts';
import { DEFAULT_HISTORY_LEN, FEATURE_COUNT, type ItemFacts } from './features.ts';
import { writeExampleArrays, type ExamplesMeta } from './example-arrays.ts';
import { writeItemsTsv } from './item-table.ts';
import { MANIFEST_FORMAT, openModelStore, type ModelStore, type ModelVersion, type RerankerManifest } from './model-store.ts';
import { runTrainer } from './python-trainer.ts';
import { DEFAULT_PLAN, planExamples, type ExamplePlan, type PlanOptions } from './training-examples.ts';

/** Fewer training examples with a positive than this is too little to learn from. */
export const MIN_TRAIN_EXAMPLES = 20;

export interface TrainDeps {
  home: string;
  events: Pick<EventLog, 'scan'>;
  facts(id: string): ItemFacts | undefined;
  /** The product vectors of the home's index and the encoder that made them; absent: an ids-only model. */
  content?: { dimensions: number; model?: string; vector(id: string): Float32Array | undefined; embed(texts: readonly string[]): Promise<Float32Array[]> };
  python: string;
  script: string;
  /** Throws, saying how to install, when the trainer cannot run (checked once the log proves worth training on). */
  checkTrainer(): void;
  log(line: string): void;
}

export interface TrainOptions extends Partial<PlanOptions> {
  from?: Date;
  to?: Date;
  device: 'cpu' | 'cuda';
  epochs?: number;
  minSteps?: number;
  maxMinutes?: number;
  now?: Date;
}

export interface TrainResult {
  model: ModelVersion;
  meta: ExamplesMeta;
  seconds: number;
}

export async function trainReranker(deps: TrainDeps, o: TrainOptions): Promise<TrainResult> {
  const started = Date.now();
  const events = await readEvents(deps.events, o.from, o.to);
  const planOptions = { ...DEFAULT_PLAN, ...definedOnly(o) };
  const plan = planExamples(events, planOptions);
  refuseTooLittle(plan, events.length);
  deps.checkTrainer();
  deps.log(`${plan.mode === 'session' ? `${plan.searches} logged searches` : 'no impressions: next-item examples'}, ${plan.specs.length} examples with a positive, ${plan.table.index.size} items, ${plan.users} users`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'aisle-reranker-'));
  try {
    const meta = await exportExamples(path.join(work, 'examples'), plan, deps);
    const out = path.join(work, 'out');
    await runTrainer(deps.python, deps.script, trainerArgs(path.join(work, 'examples'), out, o), deps.log);
    const report = JSON.parse(readFileSync(path.join(out, 'training-report.json'), 'utf8')) as TrainerReport;
    const model = publish(deps.home, out, plan, meta, report, { ...o, plan: planOptions, events, ...(deps.content?.model ? { contentModel: deps.content.model } : {}) });
    return { model, meta, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface TrainerReport {
  params: Record<string, unknown>;
  device: string;
  train_seconds: number;
  best_epoch: number;
  unused_features?: number[];
  metrics: { valid: Record<string, unknown> };
}

async function readEvents(log: Pick<EventLog, 'scan'>, from?: Date, to?: Date): Promise<BehaviourEvent[]> {
  const out: BehaviourEvent[] = [];
  let after: string | undefined;
  do {
    const page = await log.scan({ ...(from ? { from } : {}), ...(to ? { to } : {}) }, { size: MAX_SCAN_PAGE, ...(after ? { after } : {}) });
    for (const e of page.events) out.push(e);
    after = page.next;
  } while (after);
  return out;
}

function refuseTooLittle(plan: ExamplePlan, events: number): void {
  const train = plan.specs.filter((s) => !s.valid).length;
  if (train >= MIN_TRAIN_EXAMPLES) return;
  const what = plan.mode === 'session' ? 'logged searches followed by a click, add-to-cart or purchase' : 'interactions with an earlier one by the same shopper';
  throw new AppError('BAD_INPUT',
    `Too few events to train the reranker: ${events} events in the range give ${train} training examples (${what}); at least ${MIN_TRAIN_EXAMPLES} are needed. ` +
    'Import a store\'s history (aisle events import FILE), simulate shoppers (aisle events simulate), or widen --from/--to.');
}

async function exportExamples(dir: string, plan: ExamplePlan, deps: TrainDeps): Promise<ExamplesMeta> {
  mkdirSync(dir, { recursive: true });
  const queries = [...new Set(plan.specs.flatMap((s) => (s.query === undefined ? [] : [s.query])))];
  // Each distinct query is encoded once.
  const vectors = deps.content && queries.length ? await deps.content.embed(queries) : [];
  return writeExampleArrays(dir, plan, {
    facts: deps.facts, vector: (id) => deps.content?.vector(id), contentDim: deps.content?.dimensions ?? 0,
    queryVectors: new Map(queries.map((q, i) => [q, vectors[i]!])), historyLen: DEFAULT_HISTORY_LEN,
  });
}

function trainerArgs(examples: string, out: string, o: TrainOptions): string[] {
  const args = ['--examples', examples, '--out', out, '--device', o.device];
  if (o.epochs !== undefined) args.push('--epochs', String(o.epochs));
  if (o.minSteps !== undefined) args.push('--min-steps', String(o.minSteps));
  if (o.maxMinutes !== undefined) args.push('--max-minutes', String(o.maxMinutes));
  return args;
}

/**
 * Writes the version into a hidden folder, renames it into place, then points CURRENT at it. Two runs finishing
 * together may pick the same version name: the one that renames second takes the next name and says so in its
 * manifest, rather than failing after a whole training run.
 */
function publish(home: string, out: string, plan: ExamplePlan, meta: ExamplesMeta, report: TrainerReport,
  o: TrainOptions & { plan: PlanOptions; events: readonly BehaviourEvent[]; contentModel?: string }): ModelVersion {
  const store = openModelStore(home);
  const now = o.now ?? new Date();
  const version = store.nextVersion(now);
  mkdirSync(store.root, { recursive: true });
  const staging = mkdtempSync(path.join(store.root, '.staging-'));
  copyFileSync(path.join(out, 'model.onnx'), path.join(staging, 'model.onnx'));
  writeItemsTsv(path.join(staging, 'items.tsv'), plan.table);
  const manifestFor = (name: string): RerankerManifest => ({
    format: MANIFEST_FORMAT, version: name, created: now.toISOString(),
    data: {
      ...dataRange(o), events: plan.events, users: plan.users, searches: plan.mode === 'session' ? plan.searches : plan.specs.length,
      ...(o.plan.holdout ? { holdout: o.plan.holdout } : {}),
    },
    params: {
      ...report.params, mode: plan.mode, negatives: o.plan.negatives, valid_share: o.plan.validShare, max_shown: o.plan.maxShown,
      seed: o.plan.seed, examples: { train: meta.train, valid: meta.valid }, validation_from: Number.isFinite(plan.cutoff) ? new Date(plan.cutoff).toISOString() : null,
      device: report.device, train_seconds: report.train_seconds, best_epoch: report.best_epoch, unused_features: report.unused_features ?? [],
    },
    content_dim: meta.content_dim, ...(meta.content_dim > 0 && o.contentModel ? { content_model: o.contentModel } : {}), history_len: meta.history_len, features: FEATURE_COUNT, max_items: plan.table.maxItems,
    item_ids: plan.table.mode, metrics: { valid: report.metrics.valid }, previous: store.currentName() ?? null,
  });
  return store.switchTo(placeVersion(store, staging, version, (name) => manifestFor(name), now));
}

/**
 * Renames the staged version folder into place under `first`, or, when another run took that name meanwhile,
 * under the next free one (its manifest rewritten to match); returns the name used.
 */
export function placeVersion(store: Pick<ModelStore, 'root' | 'nextVersion'>, staging: string, first: string,
  manifestFor: (name: string) => RerankerManifest, now: Date): string {
  let version = first;
  for (let attempt = 0; ; attempt++) {
    writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifestFor(version), null, 2));
    try {
      renameSync(staging, path.join(store.root, version));
      return version;
    } catch (err) {
      const taken = (err as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (err as NodeJS.ErrnoException).code === 'EEXIST';
      if (!taken || attempt >= 5) throw err;
      version = store.nextVersion(now);
    }
  }
}

/** The range trained on: the flags when given, else the first and last event's times. */
function dataRange(o: { from?: Date; to?: Date; events: readonly BehaviourEvent[] }): { from: string | null; to: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const e of o.events) {
    if (first === null || e.at < first) first = e.at;
    if (last === null || e.at > last) last = e.at;
  }
  return { from: o.from?.toISOString() ?? first, to: o.to?.toISOString() ?? last };
}

function definedOnly(o: Partial<PlanOptions>): Partial<PlanOptions> {
  const keys = ['negatives', 'validShare', 'maxShown', 'maxItems', 'seed', 'holdout'] as const;
  return Object.fromEntries(keys.flatMap((k) => (o[k] === undefined ? [] : [[k, o[k]]])));
}
