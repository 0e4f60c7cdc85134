import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** The directory of the intent model `intentModel`: a path, or a name under `modelsDir`; throws ARTIFACT_MISSING. */
export function resolveIntentModelDir(intentModel: string, modelsDir: string): string {
  const candidates = [path.resolve(intentModel), path.join(modelsDir, intentModel)];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'manifest.json')));
  if (!found) throw new AppError('ARTIFACT_MISSING', `Intent model "${intentModel}" not found in ${modelsDir}: run \`npm run train:intents\`.`);
  return found;
}
