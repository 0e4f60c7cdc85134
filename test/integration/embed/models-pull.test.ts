import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { runCli } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

/** Serves the tiny model the way the hub does: /<org>/<name>/resolve/<revision>/<file>. */
function fakeHub(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/aisle\/tiny\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = m && path.join(TINY_MODEL_DIR, m[1]!);
    if (!file || !existsSync(file)) return void res.writeHead(404).end('Entry not found');
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })));
}

describe('aisle models pull', () => {
  const modelsDir = mkdtempSync(path.join(os.tmpdir(), 'aisle-pull-'));
  let hub: Awaited<ReturnType<typeof fakeHub>>;
  beforeAll(async () => { hub = await fakeHub(); });
  afterAll(() => { hub.server.close(); rmSync(modelsDir, { recursive: true, force: true }); });

  it('downloads a hub model into models/<org>/<name> where the embedder loads it', async () => {
    const r = await runCli(['models', 'pull', 'aisle/tiny', '--models-dir', modelsDir], { AISLE_HF_ENDPOINT: hub.url });
    expect(r.code).toBe(0);
    expect(hub.requests).toContain('/aisle/tiny/resolve/main/onnx/model.onnx');
    const embedder = await openTransformersEmbedder({ modelDir: path.join(modelsDir, 'aisle', 'tiny'), device: 'cpu' });
    expect(embedder.dimensions).toBe(32);
    await embedder.close();
    const list = await runCli(['models', 'list', '--models-dir', modelsDir, '--model', 'aisle/tiny']);
    expect(list.stdout).toContain('* aisle/tiny');
  });

  it('says the machine looks offline when the hub cannot be reached, and leaves nothing half-written', async () => {
    const r = await runCli(['models', 'pull', 'BAAI/bge-small-en-v1.5', '--models-dir', modelsDir], { AISLE_HF_ENDPOINT: 'http://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/looks offline/);
    expect(existsSync(path.join(modelsDir, 'BAAI'))).toBe(existsSync(path.join(modelsDir, 'BAAI', 'bge-small-en-v1.5.partial')));
  });

  it('refuses ids that would escape the models folder', async () => {
    const r = await runCli(['models', 'pull', '../..', '--models-dir', modelsDir], { AISLE_HF_ENDPOINT: hub.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a hub id');
  });

  it('reports a model without an ONNX export', async () => {
    const r = await runCli(['models', 'pull', 'aisle/missing', '--models-dir', modelsDir], { AISLE_HF_ENDPOINT: hub.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no config.json');
  });
});
