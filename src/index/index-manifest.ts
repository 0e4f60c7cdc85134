import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const MANIFEST_FORMAT = 1;

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  buildId: z.string(),
  builtAt: z.string(),
  catalogId: z.string(),
  catalogVersion: z.number().int(),
  productCount: z.number().int(),
  metric: z.literal('cosine'),
  embedder: z.object({ id: z.string(), dimensions: z.number().int() }).nullable(),
  /** deleted: labels marked deleted by incremental builds, still taking room in the graph. */
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), deleted: z.number().int() }).nullable(),
  lexical: z.object({ documents: z.number().int(), terms: z.number().int() }),
  files: z.record(z.string(), z.object({ bytes: z.number().int(), sha256: z.string() })),
});

/** What an index build wrote and from what: checked at start-up against the catalog and model. */
export type IndexManifest = z.infer<typeof manifestSchema>;

const CURRENT = 'CURRENT';

/** Folder holding every build of the home's indexes. */
export function indexesDir(home: string): string {
  return path.join(home, 'indexes');
}

/** The manifest and directory of the active build, or undefined when none was built. */
export function readCurrentIndex(home: string): { dir: string; manifest: IndexManifest } | undefined {
  const pointer = path.join(indexesDir(home), CURRENT);
  if (!existsSync(pointer)) return undefined;
  const dir = path.join(indexesDir(home), readFileSync(pointer, 'utf8').trim());
  const manifestPath = path.join(dir, 'manifest.json');
  const parsed = existsSync(manifestPath) ? manifestSchema.safeParse(readJson(manifestPath)) : undefined;
  if (!parsed?.success) {
    throw new AppError('ARTIFACT_MISMATCH', `The index in ${dir} is damaged or from another Aisle version: run \`aisle index --full\`.`);
  }
  return { dir, manifest: parsed.data };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // a half-written file reads as damaged
  }
}

/** Writes the manifest, then flips CURRENT to the build with one atomic rename. */
export function activateIndex(home: string, dir: string, manifest: IndexManifest): void {
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const pointer = path.join(indexesDir(home), CURRENT);
  const tmp = `${pointer}.${process.pid}.tmp`;
  writeFileSync(tmp, path.basename(dir));
  renameSync(tmp, pointer);
}
