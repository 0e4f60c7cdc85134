import type { SupportDesk } from '../conversation/dialog-services.ts';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { createHelpCentre } from './help-centre.ts';
import { loadHelpCentre, vectorsKey } from './help-centre-file.ts';
import { createHelpDesk } from './help-desk.ts';

/**
 * The help desk over the home's help centre, or undefined when none was ingested (the dialogs then say
 * they cannot answer and offer a person). Vectors from another model than `embedder` are refused at
 * start-up, not on a shopper's question; without a model, the help centre is searched by its words.
 */
export function openHelpDesk(home: string, embedder: Embedder | undefined): SupportDesk | undefined {
  const stored = loadHelpCentre(home);
  if (!stored) return undefined;
  const key = vectorsKey(embedder);
  if (key && stored.embedder && stored.embedder !== key) {
    throw new AppError('ARTIFACT_MISMATCH', `The help centre in ${home} was embedded as ${stored.embedder}, but the model now makes ${key}: run aisle kb ingest PATH again.`);
  }
  const withVectors = key && stored.embedder === key ? embedder : undefined;
  return createHelpDesk(createHelpCentre(stored.articles, withVectors));
}
