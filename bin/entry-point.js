// Which code bin/aisle.js runs: the compiled build in dist/ when it is current, else the TypeScript
// sources through tsx. Plain JavaScript, so it runs before anything is compiled or registered.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Written by `npm run build` after tsc succeeds; its mtime is the build time. */
export const BUILD_STAMP = path.join('dist', 'BUILT');
/** What the build compiles: an edit to any of these (or a file added or removed in them) makes dist/ stale. */
const SOURCES = ['src', 'dialogs', 'demo', 'tsconfig.json', 'tsconfig.build.json'];

/**
 * `{ kind: 'dist' }` when dist/ was built after the last change to the sources, `{ kind: 'sources', why }`
 * when AISLE_DEV=1 asks for the sources, no build exists, or a source is newer than the build.
 * A checkout without src/ (an installed package) always runs dist/. Costs one stat per source file
 * and folder (about 2 ms for this repository).
 */
export function chooseEntry(root, env) {
  if (env.AISLE_DEV === '1') return { kind: 'sources', why: 'AISLE_DEV=1' };
  const built = mtimeOf(path.join(root, BUILD_STAMP));
  if (built === undefined) return { kind: 'sources', why: `no build (${BUILD_STAMP} is missing): run \`npm run build\`` };
  const changed = SOURCES.map((s) => newerThan(path.join(root, s), built)).find(Boolean);
  return changed ? { kind: 'sources', why: `${path.relative(root, changed)} changed after the build: run \`npm run build\`` } : { kind: 'dist' };
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first file or folder at or under `p` modified after `time` (a folder's mtime moves when an entry is added, removed or renamed). */
function newerThan(p, time) {
  let stat;
  try {
    stat = statSync(p);
  } catch {
    return undefined;
  }
  if (stat.mtimeMs > time) return p;
  if (!stat.isDirectory()) return undefined;
  for (const entry of readdirSync(p)) {
    const found = newerThan(path.join(p, entry), time);
    if (found) return found;
  }
  return undefined;
}
