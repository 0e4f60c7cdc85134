import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** A Chromium the browser tests can start. Plain data, so global setup can hand it to the test files. */
export interface FoundBrowser {
  readonly executablePath: string;
  /** Added to the browser's environment: the npm Chromium's own NSS libraries and fonts. */
  readonly env: Readonly<Record<string, string>>;
  /** Where it came from, for the reader of a failure: 'AISLE_TEST_BROWSER', 'PATH' or the npm package. */
  readonly source: string;
}

/** Either a browser, or why there is none and how to get one. */
export type BrowserSearch = { found: FoundBrowser } | { missing: string };

/** The npm package whose Chromium `npm ci` installs (a devDependency; test/README.md says why this version). */
export const NPM_CHROMIUM = '@sparticuz/chromium';
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];
export const HOW_TO_INSTALL =
  `run npm ci (it installs ${NPM_CHROMIUM}, a Chromium for Linux x64), or apt-get install chromium, ` +
  'or point AISLE_TEST_BROWSER at a Chromium or Chrome executable';

/**
 * AISLE_TEST_BROWSER first, then Debian's chromium (or chromium-browser, google-chrome) on PATH, then the
 * Chromium shipped in @sparticuz/chromium, unpacked once under node_modules/.cache. Each is started once with
 * `--version`, so a browser that cannot run (a missing library, a snap stub) is reported, not launched.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserSearch> {
  const chosen = env.AISLE_TEST_BROWSER;
  if (chosen) return checked({ executablePath: chosen, env: {}, source: 'AISLE_TEST_BROWSER' });
  const onPath = findOnPath(env.PATH ?? '');
  if (onPath) return checked({ executablePath: onPath, env: {}, source: 'PATH' });
  return findNpmChromium();
}

/** Starts the browser the way every browser test does. */
export function launchBrowser(found: FoundBrowser): Promise<Browser> {
  return chromium.launch({
    executablePath: found.executablePath,
    args: ['--no-sandbox', '--disable-background-networking'],
    env: { ...process.env, ...found.env },
  });
}

function findOnPath(pathVar: string): string | undefined {
  for (const dir of pathVar.split(path.delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

async function findNpmChromium(): Promise<BrowserSearch> {
  const none = `no ${PATH_NAMES.join(', ')} on PATH`;
  let pkgDir: string;
  try {
    // The package's exports hide package.json; its entry point lives in build/cjs/.
    pkgDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve(NPM_CHROMIUM)), '..', '..');
  } catch {
    return { missing: `${none} and ${NPM_CHROMIUM} is not installed` };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { missing: `${none}, and ${NPM_CHROMIUM} runs on Linux x64 only (this is ${process.platform} ${process.arch})` };
  }
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = path.resolve(pkgDir, '..', '..', '.cache', `aisle-chromium-${version}`);
  try {
    await unpackOnce(path.join(pkgDir, 'bin'), dir);
  } catch (err) {
    return { missing: `${none}, and ${NPM_CHROMIUM} could not be unpacked into ${dir}: ${(err as Error).message}` };
  }
  const env = { LD_LIBRARY_PATH: path.join(dir, 'al2023', 'lib'), FONTCONFIG_PATH: path.join(dir, 'fonts') };
  return checked({ executablePath: path.join(dir, 'chromium'), env, source: `${NPM_CHROMIUM}@${version}` });
}

/**
 * Unpacks what @sparticuz/chromium would put in /tmp into a directory of our own: its /tmp/chromium is shared
 * by every user and process, and one that sees a half-written file there launches it. Here a complete copy
 * appears at once (rename), so test processes starting together cannot meet a partial one.
 */
async function unpackOnce(binDir: string, dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'chromium'))) return;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await pipeline(createReadStream(path.join(binDir, 'chromium.br')), createBrotliDecompress(),
    createWriteStream(path.join(partial, 'chromium'), { mode: 0o755 }));
  untar(path.join(binDir, 'swiftshader.tar.br'), partial); // beside the executable, where Chromium looks
  untar(path.join(binDir, 'fonts.tar.br'), path.join(partial, 'fonts'));
  untar(path.join(binDir, 'al2023.tar.br'), path.join(partial, 'al2023')); // NSS, which a bare Debian lacks
  // The shipped fonts.conf names /tmp/fonts; point it at this copy.
  const fonts = path.join(dir, 'fonts');
  writeFileSync(path.join(partial, 'fonts', 'fonts.conf'),
    `<?xml version="1.0"?>\n<fontconfig><dir>${fonts}</dir><cachedir>${fonts}-cache</cachedir></fontconfig>\n`);
  try {
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'chromium'))) throw err; // else another process finished first
  }
}

function untar(file: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const run = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(file)) });
  if (run.status !== 0) throw new Error(`tar could not unpack ${path.basename(file)}: ${run.stderr?.toString().trim() || run.error?.message}`);
}

function checked(found: FoundBrowser): BrowserSearch {
  const run = spawnSync(found.executablePath, ['--version'], { env: { ...process.env, ...found.env }, encoding: 'utf8', timeout: 30_000 });
  if (run.status === 0) return { found };
  const why = run.error?.message ?? run.stderr.trim().split('\n').at(-1) ?? `exit status ${run.status}`;
  return { missing: `${found.executablePath} (from ${found.source}) does not start: ${why}` };
}
