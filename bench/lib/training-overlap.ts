import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryOutcome } from './evaluate.ts';

const SYNONYMS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'training', 'data', 'shopping_synonyms.txt');

/** Every phrase of the shopping-synonym list the encoder is trained on. */
function trainingPhrases(): string[] {
  return readFileSync(SYNONYMS_FILE, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => l.split(',').map((w) => w.trim().toLowerCase())).filter(Boolean);
}

/**
 * Splits synonym queries by whether they use a phrase from the encoder's training synonym list:
 * those measure recall of taught words, the others generalisation (WordNet and context).
 */
export function splitByTrainingOverlap(outcomes: readonly QueryOutcome[]): { taught: QueryOutcome[]; unseen: QueryOutcome[] } {
  const phrases = trainingPhrases().map((p) => new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  const synonymQueries = outcomes.filter((o) => o.kind === 'synonym');
  const taught = synonymQueries.filter((o) => phrases.some((re) => re.test(o.query.toLowerCase())));
  return { taught, unseen: synonymQueries.filter((o) => !taught.includes(o)) };
}
