import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { FEATURE_COUNT, type ItemTable } from './features.ts';

/**
 * Trained reranker versions in HOME/reranker/<version>/ (model.onnx, manifest.json, items.tsv) and the
 * CURRENT pointer naming the one that serves. `aisle train reranker` adds a version and switches to it;
 * `aisle reranker rollback` points CURRENT back at the manifest's `previous`. Running servers follow
 * CURRENT (active-model.ts), so both take effect without a restart.
 */

export const RERANKER_DIR = 'reranker';
export const CURRENT_FILE = 'CURRENT';
export const MANIFEST_FORMAT = 'aisle-reranker/1';
const VERSION_NAME = /^v(\d+)-(\d{12})$/;

export const rerankerManifestSchema = z.looseObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.string().regex(VERSION_NAME),
  created: z.string(),
  data: z.looseObject({ from: z.string().nullable(), to: z.string().nullable(), events: z.number(), users: z.number(), searches: z.number() }),
  params: z.record(z.string(), z.unknown()),
  content_dim: z.number().int().min(0),
  /** The encoder whose product vectors and query embeddings the model was trained on (absent: models from before it was recorded). */
  content_model: z.string().optional(),
  history_len: z.number().int().min(1),
  features: z.literal(FEATURE_COUNT),
  max_items: z.number().int().min(1),
  item_ids: z.enum(['vocab', 'hashed']),
  metrics: z.record(z.string(), z.unknown()),
  previous: z.string().nullable(),
});
export type RerankerManifest = z.infer<typeof rerankerManifestSchema>;

/** One stored version, its manifest checked. */
export interface ModelVersion {
  version: string;
  dir: string;
  manifest: RerankerManifest;
}

export interface ModelStore {
  /** HOME/reranker. */
  readonly root: string;
  /** Version names present, oldest first. */
  versions(): string[];
  /** The version CURRENT names; undefined when none was ever switched to. */
  currentName(): string | undefined;
  /** The version CURRENT names, its manifest read and checked; undefined when there is none. */
  current(): ModelVersion | undefined;
  /** Reads and checks one version; ARTIFACT_MISSING / ARTIFACT_MISMATCH name the fix. */
  read(version: string): ModelVersion;
  /** Points CURRENT at `version` (checked first), atomically. */
  switchTo(version: string): ModelVersion;
  /**
   * Points CURRENT at the current manifest's `previous` (checked first); BAD_INPUT when there is none. The current
   * version itself is not checked, only its raw manifest read: rolling back is the fix for a broken one.
   */
  rollback(): ModelVersion;
  /** The name the next trained version gets: v<N+1>-<yyyymmddHHMM> (UTC). */
  nextVersion(now: Date): string;
}

export function openModelStore(home: string): ModelStore {
  const root = path.join(home, RERANKER_DIR);
  return {
    root,
    versions: () => listVersions(root),
    currentName: () => readCurrent(root),
    current: () => { const name = readCurrent(root); return name ? readVersion(root, name) : undefined; },
    read: (version) => readVersion(root, version),
    switchTo: (version) => switchVersion(root, version),
    rollback: () => rollbackVersion(root),
    nextVersion: (now) => nextVersionName(listVersions(root), now),
  };
}

function listVersions(root: string): string[] {
  if (!existsSync(root)) return [];
  const names = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && VERSION_NAME.test(d.name)).map((d) => d.name);
  return names.sort((a, b) => versionNumber(a) - versionNumber(b) || a.localeCompare(b));
}

function versionNumber(name: string): number {
  return Number(VERSION_NAME.exec(name)?.[1] ?? 0);
}

export function nextVersionName(existing: readonly string[], now: Date): string {
  const n = Math.max(0, ...existing.map(versionNumber)) + 1;
  const stamp = now.toISOString().slice(0, 16).replace(/[-T:]/g, '');
  return `v${n}-${stamp}`;
}

function readCurrent(root: string): string | undefined {
  try {
    return readFileSync(path.join(root, CURRENT_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function readVersion(root: string, version: string): ModelVersion {
  if (!VERSION_NAME.test(version)) throw new AppError('BAD_INPUT', `"${version}" is not a reranker version name (v<N>-<yyyymmddHHMM>); aisle reranker status lists them.`);
  const dir = path.join(root, version);
  const file = path.join(dir, 'manifest.json');
  for (const needed of [file, path.join(dir, 'model.onnx'), path.join(dir, 'items.tsv')]) {
    if (!existsSync(needed)) throw new AppError('ARTIFACT_MISSING', `Reranker ${version} has no ${path.basename(needed)} in ${dir}: run aisle train reranker, or aisle reranker rollback.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version}'s manifest.json is not JSON: run aisle train reranker again.`, { cause: err });
  }
  const parsed = rerankerManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('ARTIFACT_MISMATCH', `Reranker ${version}'s manifest does not fit this Aisle (${why}): run aisle train reranker again.`);
  }
  return { version, dir, manifest: parsed.data };
}

function switchVersion(root: string, version: string): ModelVersion {
  const target = readVersion(root, version);
  mkdirSync(root, { recursive: true });
  // A reader sees the old name or the new one, never a half-written file.
  const tmp = path.join(root, `${CURRENT_FILE}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, `${version}\n`);
  renameSync(tmp, path.join(root, CURRENT_FILE));
  return target;
}

function rollbackVersion(root: string): ModelVersion {
  const name = readCurrent(root);
  if (!name) throw new AppError('BAD_INPUT', `No reranker is active in ${root}: nothing to roll back (aisle train reranker makes one).`);
  const previous = rawPrevious(root, name);
  if (!previous) throw new AppError('BAD_INPUT', `Reranker ${name} is the first version: there is nothing to roll back to (aisle reranker status lists the versions).`);
  return switchVersion(root, previous);
}

/** The `previous` a version's manifest.json names, read without checking the version (it may be the broken one). */
function rawPrevious(root: string, name: string): string | null {
  if (!VERSION_NAME.test(name)) throw new AppError('BAD_INPUT', `CURRENT in ${root} names "${name}", not a reranker version: run aisle train reranker.`);
  const file = path.join(root, name, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('ARTIFACT_MISSING', `Reranker ${name} has no readable manifest.json in ${path.dirname(file)}, so its previous version is unknown: run aisle train reranker (aisle reranker status lists the versions).`, { cause: err });
  }
  const previous = (raw as { previous?: unknown } | null)?.previous;
  return typeof previous === 'string' && previous ? previous : null;
}

/** Reads a version's items.tsv (`product_id<TAB>index<TAB>popularity`) into the features' item table. */
export function readItemTable(model: ModelVersion): ItemTable {
  const index = new Map<string, number>();
  const popularity = new Map<string, number>();
  const text = readFileSync(path.join(model.dir, 'items.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [id, at, pop] = line.split('\t');
    if (!id || at === undefined || !/^\d+$/.test(at)) continue; // a header line, or one cut short
    index.set(id, Number(at));
    popularity.set(id, Number(pop ?? 0) || 0);
  }
  return { mode: model.manifest.item_ids, maxItems: model.manifest.max_items, index, popularity };
}
