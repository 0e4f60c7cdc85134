// The reranker's one importer of onnxruntime-node (the encoder has its own in src/embed): a trained
// version directory becomes a RerankModel that scores a search's candidates in one batched call.
import path from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../errors.ts';
import { FEATURE_COUNT, buildRerankInput, type FeatureSources, type RerankInput } from './features.ts';
import { readItemTable, type ModelVersion } from './model-store.ts';
import type { RerankModel, RerankRequest, RerankScores } from './reranker.ts';

/** What serving knows of products: the catalog's facts and the vector index's content vectors. */
export interface CatalogSources {
  facts: FeatureSources['facts'];
  vector: FeatureSources['vector'];
  /** Width of `vector`'s vectors; undefined when the store has no vector index. */
  vectorDimensions?: number;
  /** The encoder that made them (the embedder id); a model trained on another encoder's vectors is refused. */
  vectorModel?: string;
}

export interface OnnxRerankOptions {
  /** ONNX Runtime threads inside one operator; the model is small, so one avoids thread hand-offs. */
  threads?: number;
}

const ORT_LOG_ERRORS = 3;
/** Searches per ONNX run in scoreBatch: bounds the tensors (B × C × Dc floats) whatever the caller passes. */
const BATCH_SEARCHES = 32;

/** A RerankModel that also scores many searches per run (the offline evaluation's thousands of lists). */
export interface BatchRerankModel extends RerankModel {
  /** One personal score array per request, each as long as its candidates; runs of up to 32 searches. */
  scoreBatch(requests: readonly RerankRequest[]): Promise<Float32Array[]>;
}

/** The inputs feeds() passes and the output the scorers read (src/rerank/CONTRACT.md). */
const INPUT_NAMES = ['query', 'cand_vec', 'cand_id', 'cand_feat', 'hist_vec', 'hist_id', 'hist_kind', 'hist_gap'] as const;
const OUTPUT_NAME = 'score';

/**
 * Loads `version`'s model.onnx and items.tsv; ARTIFACT_MISMATCH when its content width is not the store's or the
 * ONNX graph does not take this Aisle's inputs (checked here, so a wrong model is refused at load, not on every search).
 */
export async function openOnnxRerankModel(version: ModelVersion, catalog: CatalogSources, options: OnnxRerankOptions = {}): Promise<BatchRerankModel> {
  const { manifest } = version;
  if (manifest.content_dim > 0 && manifest.content_model && catalog.vectorModel && catalog.vectorModel !== manifest.content_model) {
    // Same width, other meaning (an encoder continued from another keeps its dimensions): the scores would be noise.
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version.version} was trained on ${manifest.content_model}'s vectors but the store's index is built with ${catalog.vectorModel}: run aisle train reranker, or aisle reranker rollback.`);
  }
  if (manifest.content_dim > 0 && catalog.vectorDimensions !== manifest.content_dim) {
    const has = catalog.vectorDimensions ? `${catalog.vectorDimensions}-dimensional vectors` : 'no vector index';
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version.version} reads ${manifest.content_dim}-dimensional product vectors but the store has ${has}: run aisle train reranker, or aisle reranker rollback.`);
  }
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(path.join(version.dir, 'model.onnx'), {
      intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, logSeverityLevel: ORT_LOG_ERRORS,
    });
  } catch (cause) {
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version.version}'s model.onnx cannot be loaded (${(cause as Error).message}): run aisle train reranker, or aisle reranker rollback.`, { cause });
  }
  try {
    checkSignature(session, version.version);
  } catch (err) {
    await session.release();
    throw err;
  }
  const sources: FeatureSources = {
    items: readItemTable(version), facts: catalog.facts, vector: catalog.vector,
    contentDim: manifest.content_dim, historyLen: manifest.history_len,
  };
  return {
    version: version.version,
    score: (req) => scoreSearch(session, sources, version.version, req),
    scoreBatch: (requests) => scoreSearches(session, sources, version.version, requests),
    close: () => session.release(),
  };
}

/** The graph's input and output names, and cand_feat's width where the graph fixes it, against FEATURE_COUNT. */
function checkSignature(session: InferenceSession, version: string): void {
  const fix = 'run aisle train reranker, or aisle reranker rollback';
  const missing = INPUT_NAMES.filter((name) => !session.inputNames.includes(name));
  if (missing.length > 0 || !session.outputNames.includes(OUTPUT_NAME)) {
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version}'s model.onnx takes inputs [${session.inputNames.join(', ')}] and gives [${session.outputNames.join(', ')}], not this Aisle's [${INPUT_NAMES.join(', ')}] -> ${OUTPUT_NAME}: ${fix}.`);
  }
  const feat = session.inputMetadata.find((m) => m.name === 'cand_feat');
  const width = feat?.isTensor ? feat.shape.at(-1) : undefined;
  if (typeof width === 'number' && width !== FEATURE_COUNT) {
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version}'s model.onnx reads ${width} features per candidate but this Aisle builds ${FEATURE_COUNT}: ${fix}.`);
  }
}

/** One search, one forward pass over all its candidates. */
async function scoreSearch(session: InferenceSession, sources: FeatureSources, version: string, req: RerankRequest): Promise<RerankScores> {
  const c = req.candidates.length;
  if (c === 0) return { personal: new Float32Array(0), version };
  const out = await session.run(feeds(buildRerankInput([req], sources)));
  const score = out.score;
  if (!score || score.type !== 'float32' || score.data.length !== c) {
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version} returned ${score ? `${score.type} ${JSON.stringify(score.dims)}` : 'no score'} for ${c} candidates: run aisle train reranker again.`);
  }
  return { personal: Float32Array.from(score.data as Float32Array), version };
}

/** Runs of up to BATCH_SEARCHES searches, candidates padded to each run's longest list and sliced back. */
async function scoreSearches(session: InferenceSession, sources: FeatureSources, version: string, requests: readonly RerankRequest[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let start = 0; start < requests.length; start += BATCH_SEARCHES) {
    const run = requests.slice(start, start + BATCH_SEARCHES);
    const input = buildRerankInput(run, sources);
    if (input.candidates === 0) {
      out.push(...run.map(() => new Float32Array(0)));
      continue;
    }
    const { score } = await session.run(feeds(input));
    if (!score || score.type !== 'float32' || score.data.length !== run.length * input.candidates) {
      throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version} returned ${score ? `${score.type} ${JSON.stringify(score.dims)}` : 'no score'} for ${run.length} × ${input.candidates} candidates: run aisle train reranker again.`);
    }
    const data = score.data as Float32Array;
    run.forEach((req, b) => out.push(data.slice(b * input.candidates, b * input.candidates + req.candidates.length)));
  }
  return out;
}

function feeds(x: RerankInput): Record<string, Tensor> {
  const { batch: b, candidates: c, historyLen: h, vecDim: d } = x;
  return {
    query: new Tensor('float32', x.query, [b, d]),
    cand_vec: new Tensor('float32', x.candVec, [b, c, d]),
    cand_id: new Tensor('int64', x.candId, [b, c]),
    cand_feat: new Tensor('float32', x.candFeat, [b, c, x.candFeat.length / (b * c)]),
    hist_vec: new Tensor('float32', x.histVec, [b, h, d]),
    hist_id: new Tensor('int64', x.histId, [b, h]),
    hist_kind: new Tensor('int64', x.histKind, [b, h]),
    hist_gap: new Tensor('int64', x.histGap, [b, h]),
  };
}
