import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openChatStack } from '../../src/cli/chat-stack.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { main } from '../../src/cli/main.ts';
import { PassThrough, Readable } from 'node:stream';

/**
 * A demo store indexed with the shipped encoder, which the shipped intent model was trained on, with the
 * demo help centre and the demo orders. Keyed by the demo generator's sources, the articles, the demo command and the encoder's weights.
 */
export const CHAT_HOME = path.resolve(`test/.cache/chat-home-${inputsDigest()}`);

function inputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync('demo').filter((f) => f.endsWith('.ts')).sort()) hash.update(readFileSync(path.join('demo', file)));
  // The demo help centre is ingested with the store: an edited article rebuilds the home too.
  for (const file of readdirSync('demo/help-centre').sort()) hash.update(readFileSync(path.join('demo/help-centre', file)));
  // What `aisle demo` loads, and in which order (the demo orders came after the help centre).
  hash.update(readFileSync('src/cli/demo-command.ts'));
  const encoder = readFileSync('models/DEFAULT', 'utf8').trim();
  hash.update(readFileSync(path.join('models', encoder, 'onnx', 'model.onnx')));
  return hash.digest('hex').slice(0, 12);
}
export const CHAT_PRODUCTS = 1500;

/** Builds the shared demo home once per checkout (a few seconds); tests copy it. */
export async function ensureChatHome(): Promise<string> {
  if (existsSync(path.join(CHAT_HOME, 'ready'))) return CHAT_HOME;
  rmSync(CHAT_HOME, { recursive: true, force: true });
  const err = new PassThrough();
  const chunks: string[] = [];
  err.on('data', (c: Buffer) => chunks.push(c.toString()));
  const code = await main(['demo', '--products', String(CHAT_PRODUCTS), '--home', CHAT_HOME], {}, { stdin: Readable.from(['']), stdout: new PassThrough(), stderr: err });
  if (code !== 0) throw new Error(`Could not build the chat test store:\n${chunks.join('')}`);
  cpSync(path.join(CHAT_HOME, 'catalog.db'), path.join(CHAT_HOME, 'ready'));
  return CHAT_HOME;
}

/** A private copy of the demo home, so each test file has its own conversations database. */
export function copyChatHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'aisle-chat-'));
  cpSync(CHAT_HOME, home, { recursive: true, filter: (src) => !src.endsWith('conversations.db') && !src.endsWith('ready') });
  return home;
}

/** The real engine over a copy of the demo home; `close` also deletes the copy unless `keep`. */
export async function openTestChat(home = copyChatHome(), env: NodeJS.ProcessEnv = {}) {
  const config = loadConfig(env, { home }, process.cwd(), process.cwd());
  const stack = await openChatStack(config, createLogger({ level: 'warn', destination: process.stderr }));
  let n = 0;
  return {
    home,
    config,
    stack,
    engine: stack.engine,
    /** A conversation id no other test uses. */
    newConversation: () => `t-${process.pid}-${Date.now().toString(36)}-${n++}`,
    close: async (keep = false) => {
      await stack.close();
      if (!keep) rmSync(home, { recursive: true, force: true });
    },
  };
}
