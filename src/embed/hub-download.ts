import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** Files fetched for a feature-extraction model; the optional ones are skipped when the hub lacks them. */
const FILES = [
  { name: 'config.json', required: true },
  { name: 'tokenizer.json', required: true },
  { name: 'tokenizer_config.json', required: false },
  { name: 'special_tokens_map.json', required: false },
  { name: 'onnx/model.onnx', required: true },
];

export interface PullOptions {
  hubId: string;
  modelsDir: string;
  endpoint: string;
  revision?: string;
  fetchImpl?: typeof fetch;
}

/**
 * Downloads a Hugging Face ONNX model into modelsDir/<hubId>, all files or none: they land in a
 * temporary folder that is renamed into place only when every required file arrived.
 */
export async function pullModel(o: PullOptions): Promise<{ dir: string; files: string[] }> {
  const segments = o.hubId.split('/');
  if (!/^[\w.-]+\/[\w.-]+$/.test(o.hubId) || segments.some((s) => /^\.+$/.test(s))) {
    throw new AppError('BAD_INPUT', `"${o.hubId}" is not a hub id like BAAI/bge-small-en-v1.5.`);
  }
  const target = path.join(o.modelsDir, o.hubId);
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const fetched: string[] = [];
  try {
    for (const file of FILES) {
      const body = await download(o, file.name);
      if (!body) {
        if (file.required) throw new AppError('NOT_FOUND', `${o.hubId} has no ${file.name} on the hub: pick a model with an ONNX export (onnx/model.onnx).`);
        continue;
      }
      mkdirSync(path.dirname(path.join(staging, file.name)), { recursive: true });
      writeFileSync(path.join(staging, file.name), body);
      fetched.push(file.name);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return { dir: target, files: fetched };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function download(o: PullOptions, file: string): Promise<Buffer | undefined> {
  const url = `${o.endpoint.replace(/\/$/, '')}/${o.hubId}/resolve/${o.revision ?? 'main'}/${file}`;
  let response: Response;
  try {
    response = await (o.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new AppError('OFFLINE',
      `Cannot reach ${new URL(url).host} to download ${o.hubId} (${(cause as Error).message}). This machine looks offline: ` +
      'run `aisle models pull` where there is internet and copy the folder into models/, or keep using the shipped model.', { cause });
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new AppError('UNAVAILABLE', `The hub answered ${response.status} for ${url}; try again later or check the model id.`);
  return Buffer.from(await response.arrayBuffer());
}
