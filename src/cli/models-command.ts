import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveModelDir } from '../embed/model-dir.ts';
import { pullModel } from '../embed/hub-download.ts';
import { AppError, isAppError } from '../errors.ts';
import { flagString, print, type Command } from './command.ts';

export const modelsCommand: Command = {
  name: 'models',
  usage: 'aisle models list [options]\n       aisle models pull HUB_ID [options]',
  summary: 'list the local embedding models, or download a Hugging Face ONNX model into models/',
  options: { revision: { type: 'string', value: 'REF', description: 'with pull: hub branch, tag or commit (default main)' } },
  async run(ctx) {
    const [verb, hubId, ...extra] = ctx.args;
    const { modelsDir, hfEndpoint, model } = ctx.config;
    if (verb === 'list' && !hubId) {
      // Listing is how a missing model gets diagnosed, so a bad setting is reported here, not fatal.
      const active = activeModel(model, modelsDir);
      for (const dir of modelDirs(modelsDir)) print(ctx.stdout, `${dir === active.dir ? '*' : ' '} ${path.relative(modelsDir, dir)}`);
      if (active.problem) print(ctx.stdout, `The configured model cannot be used: ${active.problem}`);
      else if (!active.dir) print(ctx.stdout, `No active model (AISLE_MODEL=${model}): search is lexical only.`);
      return 0;
    }
    if (verb === 'pull' && hubId && extra.length === 0) {
      print(ctx.stderr, `Downloading ${hubId} from ${hfEndpoint}…`);
      const { dir, files } = await pullModel({ hubId, modelsDir, endpoint: hfEndpoint, revision: flagString(ctx, 'revision') });
      print(ctx.stdout, `Saved ${files.length} files to ${dir}. Use it with --model ${hubId} (or AISLE_MODEL), then \`aisle index --full\`.`);
      return 0;
    }
    throw new AppError('BAD_INPUT', `Usage:\n  ${this.usage}`);
  },
};

function activeModel(model: string, modelsDir: string): { dir?: string; problem?: string } {
  try {
    return { dir: resolveModelDir(model, modelsDir) };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { problem: err.message };
  }
}

/** Directories under modelsDir (one or two levels, for hub ids) that hold a model. */
function modelDirs(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (existsSync(path.join(full, 'config.json'))) found.push(full);
      else if (depth < 1) visit(full, depth + 1);
    }
  };
  visit(modelsDir, 0);
  return found.filter((d) => readFileSync(path.join(d, 'config.json'), 'utf8').length > 0).sort();
}
