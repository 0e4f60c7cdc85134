import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Config } from '../config.ts';
import { embedderId, resolveModelDir } from '../embed/model-dir.ts';
import { AppError } from '../errors.ts';
import { buildIndexes, currentBuild, type BuildReport } from '../index/build-index.ts';
import { LEXICON_NAME, openKinds } from '../search/lexicon.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import { print, type Command } from './command.ts';
import { createProgress } from './progress.ts';
import { hnswParams, openEmbedder, openStore } from './services.ts';

export const indexCommand: Command = {
  name: 'index',
  usage: 'aisle index [options]',
  summary: 'embed the catalog and build the HNSW + lexical indexes (incremental unless --full)',
  options: {
    full: { type: 'boolean', description: 're-embed every product instead of only the changed ones' },
    json: { type: 'boolean', description: 'print one JSON summary on stdout (progress stays on stderr)' },
  },
  opens: ['model'],
  async run(ctx) {
    const store = await openStore(ctx.config, { create: false });
    try {
      // An index of nothing would "succeed", and search would then blame the shopper's query.
      if ((await store.count()) === 0) throw new AppError('ARTIFACT_MISSING', 'The catalog is empty: ingest a file first (`aisle ingest FILE`, or `aisle demo`).');
      const report = await runIndex(ctx.config, store, ctx.flags.full === true, ctx.stderr);
      print(ctx.stdout, ctx.flags.json ? JSON.stringify(indexJson(report)) : describe(report));
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** Builds the indexes with a progress bar on `progressStream`; shared by `index`, `demo` and `start`. */
export async function runIndex(config: Config, store: CatalogStore, full: boolean, progressStream: Writable): Promise<BuildReport> {
  // Nothing changed since the active build (every `start` asks): answer without loading the model.
  const modelDir = resolveModelDir(config.model, config.modelsDir);
  const current = full ? undefined : await currentBuild(config.home, store, modelDir ? embedderId(modelDir) : null);
  if (current) return current;
  const embedder = await openEmbedder(config);
  try {
    if (!embedder) print(progressStream, 'No embedding model configured (models/DEFAULT absent or --model none): building the lexical index only.');
    const progress = createProgress('embedding', progressStream);
    return await buildIndexes({
      home: config.home, store, embedder, hnsw: hnswParams(config), full, batchSize: config.batchSize,
      kinds: openKinds(path.join(config.modelsDir, LEXICON_NAME)),
      onProgress: ({ done, total }) => progress.update(done, total),
    });
  } finally {
    await embedder?.close();
  }
}

/** The `--json` summary of a build, shared by `index` and `demo` (README, "Commands"). */
export function indexJson(r: BuildReport) {
  const m = r.manifest;
  return {
    kind: r.kind, buildId: m.buildId, catalogVersion: m.catalogVersion, productCount: m.productCount,
    embedded: r.embedded, removed: r.removed, embedder: m.embedder,
  };
}

function describe(r: BuildReport): string {
  const m = r.manifest;
  if (r.kind === 'up-to-date') return `Index is up to date (catalog version ${m.catalogVersion}, ${m.productCount} products).`;
  const model = m.embedder ? `model ${m.embedder.id}, ${m.embedder.dimensions} dims` : 'lexical only';
  return `${r.kind === 'full' ? 'Built' : 'Updated'} index ${m.buildId}: ${m.productCount} products, ${r.embedded} embedded, ${r.removed} removed (${model}).`;
}
