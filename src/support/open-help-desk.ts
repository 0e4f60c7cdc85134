import { statSync } from 'node:fs';
import path from 'node:path';
import type { SupportDesk } from '../conversation/dialog-services.ts';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { createHelpCentre } from './help-centre.ts';
import { HELP_CENTRE_FILE, loadHelpCentre, vectorsKey } from './help-centre-file.ts';
import { createHelpDesk } from './help-desk.ts';

/** How often a running desk looks whether the help centre was ingested again (a new FAQ entry, `aisle kb ingest`). */
const RECHECK_MS = 2000;

/**
 * The help desk over the home's help centre. It follows the file: an article ingested or an FAQ entry added
 * (by the CLI or the agent console, in any process sharing the home) answers from the next question on. With
 * no help centre yet it answers nothing (the dialogs then offer a person). Vectors from another model than
 * `embedder` are refused at start-up, not on a shopper's question; without a model, words alone rank.
 */
export function openHelpDesk(home: string, embedder: Embedder | undefined): SupportDesk {
  const file = path.join(home, HELP_CENTRE_FILE);
  let desk = deskFor(home, embedder, true);
  let seen = modified(file);
  let checked = Date.now();
  return async (turn) => {
    if (Date.now() - checked >= RECHECK_MS) {
      checked = Date.now();
      const now = modified(file);
      if (now !== seen) {
        // A file that cannot serve (another model's vectors) leaves the desk as it was until it is fixed.
        try {
          desk = deskFor(home, embedder, false);
          seen = now;
        } catch { /* kept: the start-up check names the fix */ }
      }
    }
    return desk ? desk(turn) : undefined;
  };
}

function deskFor(home: string, embedder: Embedder | undefined, atStart: boolean): SupportDesk | undefined {
  const stored = loadHelpCentre(home);
  if (!stored) return undefined;
  const key = vectorsKey(embedder);
  if (key && stored.embedder && stored.embedder !== key) {
    throw new AppError('ARTIFACT_MISMATCH', `The help centre in ${home} was embedded as ${stored.embedder}, but the model now makes ${key}: run aisle kb ingest PATH again${atStart ? '' : ' (the running server keeps the help centre it had)'}.`);
  }
  const withVectors = key && stored.embedder === key ? embedder : undefined;
  return createHelpDesk(createHelpCentre(stored.articles, withVectors));
}

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
