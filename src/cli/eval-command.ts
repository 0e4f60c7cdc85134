// `aisle eval reranker`: the offline evaluation of the personalised reranker (issue 13) against the non-personalised
// order and simple baselines, on the home's event log. Protocols and metrics live in src/rerank/eval/.
import { AppError } from '../errors.ts';
import { openModelStore, type ModelVersion } from '../rerank/model-store.ts';
import { openOnnxRerankModel } from '../rerank/onnx-runtime.ts';
import type { RerankModel } from '../rerank/reranker.ts';
import { isHeldOutUser } from '../rerank/split.ts';
import { readAllEvents } from '../rerank/eval/eval-data.ts';
import { DEFAULT_NEGATIVES, runNextItemProtocol, type NextItemResult } from '../rerank/eval/next-item-protocol.ts';
import { modelRanker, type Ranker, type ScoringModel } from '../rerank/eval/rankers.ts';
import { EVAL_SEED } from '../rerank/eval/sampling.ts';
import { runSessionProtocol, type SessionResult } from '../rerank/eval/session-protocol.ts';
import type { BehaviourEvent } from '../storage/event-log.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { evalTable, nextItemJson } from './eval-table.ts';
import { catalogFacts, contentSource } from './reranker-sources.ts';

const USAGE = 'aisle eval reranker [--protocol session|next-item] [--negatives 100] [--json] [options]';

export const evalCommand: Command = {
  name: 'eval',
  usage: USAGE,
  summary: 'offline evaluation of the personalised reranker on the event log: NDCG@10, HR@10, MRR against the non-personalised order and baselines',
  options: {
    protocol: { type: 'string', value: 'session|next-item', description: 'session: held-out shoppers\' logged searches in the final 15% of the log\'s time (default); next-item: each user\'s last item among sampled negatives' },
    negatives: { type: 'string', value: 'N', description: `next-item: items the user never interacted with, drawn uniformly, ranked with the target (default ${DEFAULT_NEGATIVES})` },
    reranker: { type: 'string', value: 'VERSION', description: 'the trained version under HOME/reranker to evaluate (default: the active one, CURRENT)' },
    seed: { type: 'string', value: 'N', description: `sampling seed (default ${EVAL_SEED})` },
    'all-users': { type: 'boolean', description: 'next-item: test every user even when the model\'s manifest does not say it left their last two items out (its figures then count targets it trained on)' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(ctx) {
    if (ctx.args.length !== 1 || ctx.args[0] !== 'reranker') throw new AppError('BAD_INPUT', `Usage: ${USAGE}. The reranker is the one model this command evaluates.`);
    const protocol = flagString(ctx, 'protocol') ?? 'session';
    if (protocol !== 'session' && protocol !== 'next-item') throw new AppError('BAD_INPUT', `--protocol "${protocol}" is not session or next-item.`);
    const negatives = wholeFlag(ctx, 'negatives', 1) ?? DEFAULT_NEGATIVES;
    const seed = wholeFlag(ctx, 'seed', 0) ?? EVAL_SEED;
    const version = chosenVersion(ctx);
    const log = (line: string) => print(ctx.stderr, line);
    if (!version) log(`No trained reranker in ${ctx.config.home} (run aisle train reranker): baselines only.`);
    const events = await readEvents(ctx);
    const started = Date.now();
    const result = protocol === 'session'
      ? await sessionEval(ctx, events, version, seed, log)
      : await nextItemEval(events, version, { negatives, seed, allUsers: ctx.flags['all-users'] === true }, log);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const json = result.protocol === 'next-item' ? nextItemJson(result, version?.version) : { ...result, model: version?.version ?? null };
    print(ctx.stdout, ctx.flags.json ? JSON.stringify({ ...json, seconds }) : evalTable(result, events.length, seconds));
    return 0;
  },
};

function wholeFlag(ctx: CommandContext, name: string, min: number): number | undefined {
  const value = flagString(ctx, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new AppError('BAD_INPUT', `--${name} "${value}" is not a whole number of at least ${min}.`);
  return Number(value);
}

function chosenVersion(ctx: CommandContext): ModelVersion | undefined {
  const store = openModelStore(ctx.config.home);
  const name = flagString(ctx, 'reranker');
  return name ? store.read(name) : store.current();
}

async function readEvents(ctx: CommandContext): Promise<BehaviourEvent[]> {
  const log = await openEventLog(ctx.config.db, ctx.config.home);
  try {
    const events = await readAllEvents(log);
    if (events.length === 0) throw new AppError('NOT_FOUND', `The event log of ${ctx.config.home} is empty: aisle events simulate or aisle events import FILE first.`);
    return events;
  } finally {
    await log.close();
  }
}

/** Session protocol with the catalog's facts and vectors (when the home has them) and the query encoder. */
async function sessionEval(ctx: CommandContext, events: BehaviourEvent[], version: ModelVersion | undefined, seed: number, log: (l: string) => void): Promise<SessionResult> {
  const facts = await catalogFacts(ctx.config);
  const content = await contentSource(ctx.config, log);
  let model: RerankModel | undefined;
  try {
    if (version) model = await openOnnxRerankModel(version, { facts: (id) => facts.get(id), vector: (id) => content?.vector(id), ...(content ? { vectorDimensions: content.dimensions, vectorModel: content.model } : {}) });
    const queries = new Map<string, Promise<Float32Array | undefined>>();
    const queryVector = (text: string) => {
      if (!content) return Promise.resolve(undefined);
      if (!queries.has(text)) queries.set(text, content.embedder.embed([text]).then((v) => v[0]));
      return queries.get(text)!;
    };
    const models: Ranker[] = model ? [modelRanker(model as ScoringModel, { mode: 'served', queryVector }), modelRanker(model as ScoringModel, { mode: 'raw', queryVector })] : [];
    const result = await runSessionProtocol(events, { ...(content ? { vectorOf: (id: string) => content.vector(id) } : {}), models, seed });
    const trainedTo = version?.manifest.data.to;
    // data.to is the training window's exclusive end: a model trained with --to at the slice's start saw none of it.
    if (trainedTo && Date.parse(trainedTo) > Date.parse(result.testFrom)) {
      log(`Reranker ${version!.version} trained on events up to ${trainedTo}, inside the tested slice (from ${result.testFrom}): for a clean figure, aisle train reranker --to ${result.testFrom}.`);
    }
    return result;
  } finally {
    await model?.close();
    await content?.embedder.close();
  }
}

/**
 * Next-item protocol, the model scored from ids alone. A model trained without leaving each user's last two items out
 * (manifest data.holdout "next-item") has seen most targets: then only held-out users, whose events it never saw, are tested.
 */
async function nextItemEval(
  events: BehaviourEvent[], version: ModelVersion | undefined, o: { negatives: number; seed: number; allUsers: boolean }, log: (l: string) => void,
): Promise<NextItemResult & { scope: string }> {
  if (version && version.manifest.content_dim > 0) {
    // The protocol has ids only: a model that reads product vectors and catalog facts is scored with them all zero.
    log(`Reranker ${version.version} reads ${version.manifest.content_dim}-dimensional product vectors and catalog facts; the next-item protocol scores ids alone, so they are all zero here and its figures understate it: for this protocol train an ids-only model (aisle train reranker --model none --holdout next-item), or use --protocol session.`);
  }
  const holdout = (version?.manifest.data as { holdout?: unknown } | undefined)?.holdout;
  const clean = !version || holdout === 'next-item';
  const allUsers = clean || o.allUsers;
  if (!clean && o.allUsers) log(`Reranker ${version!.version} trained on most of these targets (no next-item holdout in its manifest): its figures leak.`);
  if (!allUsers) log(`Reranker ${version!.version} was trained on every non-held-out user's whole history: testing held-out users only (1 in 10), whose events it never saw.`);
  let model: RerankModel | undefined;
  try {
    if (version) model = await openOnnxRerankModel(version, { facts: () => undefined, vector: () => undefined, vectorDimensions: version.manifest.content_dim });
    const models = model ? [modelRanker(model as ScoringModel, { mode: 'raw', batchSize: 512 })] : [];
    const result = await runNextItemProtocol(events, { negatives: o.negatives, seed: o.seed, models, ...(allUsers ? {} : { only: isHeldOutUser }) });
    return { ...result, scope: allUsers ? (clean ? 'all users' : 'all users (model trained on their targets)') : 'held-out users' };
  } finally {
    await model?.close();
  }
}
