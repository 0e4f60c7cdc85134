import { AppError } from '../errors.ts';
import { openModelStore, type ModelVersion } from '../rerank/model-store.ts';
import { print, type Command, type CommandContext } from './command.ts';

const USAGE = 'aisle reranker status [options]\n       aisle reranker rollback [options]';

export const rerankerCommand: Command = {
  name: 'reranker',
  usage: USAGE,
  summary: 'the personalised reranker\'s trained versions: which one serves, its validation metrics, and rolling back to the previous one',
  options: {
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(ctx) {
    const [action, ...extra] = ctx.args;
    if (extra.length === 0 && action === 'status') return status(ctx);
    if (extra.length === 0 && action === 'rollback') return rollback(ctx);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.replace(/\n\s+/g, ' | ')}.`);
  },
};

function status(ctx: CommandContext): number {
  const store = openModelStore(ctx.config.home);
  const versions = store.versions();
  const name = store.currentName();
  let current: ModelVersion | undefined;
  let broken: string | undefined;
  try {
    current = store.current();
  } catch (err) {
    // A broken active version is what status is asked about most: say why, and list what rollback can reach.
    broken = (err as Error).message;
  }
  if (ctx.flags.json) {
    print(ctx.stdout, JSON.stringify({ active: name ?? null, previous: current?.manifest.previous ?? null, versions, manifest: current?.manifest ?? null, ...(broken ? { broken } : {}) }));
    return 0;
  }
  if (broken) {
    print(ctx.stdout, [`Active reranker: ${name} (BROKEN: ${broken})`, 'Searches are not personalised until it is fixed: aisle reranker rollback, or aisle train reranker.', `Versions: ${versions.join(', ') || 'none'}`].join('\n'));
    return 0;
  }
  if (!current) {
    print(ctx.stdout, versions.length ? `No reranker is active (versions: ${versions.join(', ')}).` : 'No reranker trained yet: run aisle train reranker.');
    return 0;
  }
  print(ctx.stdout, describe(current, versions));
  return 0;
}

function rollback(ctx: CommandContext): number {
  const store = openModelStore(ctx.config.home);
  const from = store.currentName();
  const to = store.rollback();
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ from, active: to.version }));
  else print(ctx.stdout, `Rolled back from ${from} to ${to.version}; running servers switch within seconds.`);
  return 0;
}

function describe({ version, manifest: m }: ModelVersion, versions: readonly string[]): string {
  const valid = (m.metrics.valid ?? {}) as Record<string, Record<string, number> | undefined>;
  const metric = (name: string) => {
    const v = valid[name];
    return v ? `  ${name.padEnd(11)} NDCG@10 ${v['ndcg@10']}  HR@10 ${v['hr@10']}  MRR ${v.mrr}  (${v.searches} searches)` : [];
  };
  return [
    `Active reranker: ${version} (created ${m.created}; previous: ${m.previous ?? 'none'})`,
    `Data: ${m.data.from ?? '?'} to ${m.data.to ?? '?'}, ${m.data.events} events, ${m.data.users} users, ${m.data.searches} searches`,
    `Inputs: ${m.content_dim > 0 ? `ids + ${m.content_dim}-dim vectors` : 'ids only'}, history ${m.history_len}, item ids ${m.item_ids} (max ${m.max_items})`,
    ...(valid.model ? ['Validation:', ...['model', 'logged', 'popularity'].flatMap(metric)] : []),
    `Versions: ${versions.join(', ')}`,
  ].join('\n');
}
