import path from 'node:path';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { checkPyTorch, DEFAULT_PYTHON } from '../rerank/python-trainer.ts';
import { trainReranker, type TrainDeps, type TrainOptions } from '../rerank/train-reranker.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { catalogFacts, contentSource } from './reranker-sources.ts';

const USAGE = 'aisle train reranker [--device cpu|cuda] [--epochs N] [--from DATE] [--to DATE] [options]';

export const trainCommand: Command = {
  name: 'train',
  usage: USAGE,
  summary: 'train the personalised reranker from the event log (PyTorch), write a new version under HOME/reranker and switch to it',
  options: {
    epochs: { type: 'string', value: 'N', description: 'passes over the training searches (default 4; the best by validation NDCG@10 is kept)' },
    from: { type: 'string', value: 'DATE', description: 'train on events at or after this time (ISO 8601 or YYYY-MM-DD, UTC)' },
    to: { type: 'string', value: 'DATE', description: 'train on events before this time' },
    holdout: { type: 'string', value: 'next-item', description: "leave out each shopper's last two distinct items and what follows (the targets of aisle eval reranker --protocol next-item)" },
    'min-steps': { type: 'string', value: 'N', description: 'train more epochs when --epochs gives fewer optimiser steps (default 400; a small log needs them)' },
    negatives: { type: 'string', value: 'N', description: 'sampled items added to each example as negatives (default 20)' },
    'max-minutes': { type: 'string', value: 'M', description: 'stop after the epoch that passes M minutes of training' },
    python: { type: 'string', value: 'PATH', description: `the interpreter with PyTorch and ONNX (default ${DEFAULT_PYTHON})` },
    json: { type: 'boolean', description: 'print one JSON object: the version, its manifest and the time taken' },
  },
  async run(ctx) {
    if (ctx.args.length !== 1 || ctx.args[0] !== 'reranker') throw new AppError('BAD_INPUT', `Usage: ${USAGE}. The reranker is the one model this command trains.`);
    const options = trainOptions(ctx);
    const python = flagString(ctx, 'python') ?? DEFAULT_PYTHON;
    const result = await withDeps(ctx, python, (deps) => trainReranker(deps, options));
    const { version, manifest } = result.model;
    if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ version, seconds: Math.round(result.seconds * 10) / 10, manifest }));
    else print(ctx.stdout, describe(version, manifest.metrics, result.meta.mode, result.meta.content_dim, result.seconds));
    return 0;
  },
};

function trainOptions(ctx: CommandContext): TrainOptions {
  const from = dateFlag(ctx, 'from');
  const to = dateFlag(ctx, 'to');
  if (from && to && from >= to) throw new AppError('BAD_INPUT', `--from ${from.toISOString()} is not before --to ${to.toISOString()}: nothing to train on.`);
  const epochs = countFlag(ctx, 'epochs', 1);
  const negatives = countFlag(ctx, 'negatives', 0);
  const minSteps = countFlag(ctx, 'min-steps', 0);
  const holdout = flagString(ctx, 'holdout');
  if (holdout !== undefined && holdout !== 'next-item') throw new AppError('BAD_INPUT', `--holdout "${holdout}": the one holdout is next-item.`);
  const maxMinutes = flagString(ctx, 'max-minutes');
  if (maxMinutes !== undefined && !(Number(maxMinutes) > 0)) throw new AppError('BAD_INPUT', `--max-minutes "${maxMinutes}" is not a positive number.`);
  return {
    device: ctx.config.device, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(epochs !== undefined ? { epochs } : {}),
    ...(negatives !== undefined ? { negatives } : {}), ...(minSteps !== undefined ? { minSteps } : {}),
    ...(holdout ? { holdout: 'next-item' as const } : {}), ...(maxMinutes !== undefined ? { maxMinutes: Number(maxMinutes) } : {}),
  };
}

function dateFlag(ctx: CommandContext, name: string): Date | undefined {
  const value = flagString(ctx, name)?.trim();
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new AppError('BAD_INPUT', `--${name} "${value}" is not a date: give YYYY-MM-DD (UTC) or an ISO 8601 time.`);
  return date;
}

function countFlag(ctx: CommandContext, name: string, min: number): number | undefined {
  const value = flagString(ctx, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new AppError('BAD_INPUT', `--${name} "${value}" is not a whole number of at least ${min}.`);
  return Number(value);
}

/** The event log, the catalog's facts when there is a catalog, and the index's vectors when its model is the configured one (shared with aisle eval). */
async function withDeps<T>(ctx: CommandContext, python: string, fn: (deps: TrainDeps) => Promise<T>): Promise<T> {
  const { config } = ctx;
  const log = (line: string) => print(ctx.stderr, line);
  const events = await openEventLog(config.db, config.home);
  let embedder: Embedder | undefined;
  try {
    const facts = await catalogFacts(config);
    const content = await contentSource(config, log);
    embedder = content?.embedder;
    return await fn({
      home: config.home, events, facts: (id) => facts.get(id), python, script: path.join(PROJECT_ROOT, 'training', 'train_reranker.py'), log,
      checkTrainer: () => checkPyTorch(python),
      ...(content ? { content: { dimensions: content.dimensions, model: content.model, vector: content.vector, embed: (texts) => content.embedder.embed(texts) } } : {}),
    });
  } finally {
    await embedder?.close();
    await events.close();
  }
}

function describe(version: string, metrics: Record<string, unknown>, mode: string, contentDim: number, seconds: number): string {
  const valid = (metrics.valid ?? {}) as Record<string, { searches?: number; 'ndcg@10'?: number; 'hr@10'?: number; mrr?: number } | undefined>;
  const line = (name: string) => {
    const m = valid[name];
    return m ? `  ${name.padEnd(11)} NDCG@10 ${m['ndcg@10']?.toFixed(4)}  HR@10 ${m['hr@10']?.toFixed(4)}  MRR ${m.mrr?.toFixed(4)}` : undefined;
  };
  const inputs = contentDim > 0 ? `ids + ${contentDim}-dim product vectors` : 'ids only';
  return [
    `Trained reranker ${version} (${mode} examples, ${inputs}) in ${seconds.toFixed(1)} s; it is now active.`,
    valid.model ? `Validation (${valid.model.searches} later searches):` : 'No validation searches (too little data after the time cut).',
    ...['model', 'logged', 'popularity'].flatMap((n) => line(n) ?? []),
  ].join('\n');
}
