import type { IntentClassifier, IntentPrediction } from './intent-classifier.ts';
import { extractSlots, messageTags, type SlotSources } from './slot-extractor.ts';
import type { Slots } from './slots.ts';
import { terms } from '../search/text.ts';
import { typoNeighbours } from '../search/typo.ts';

/** What the dialogs get for a typed message. */
export interface Understanding extends IntentPrediction {
  slots: Slots;
  /** The message uses words (or near-misspellings of words) the store's categories or tags use: a search is a sensible fallback. */
  catalogWords?: boolean;
}

export interface UnderstandContext {
  previous?: string;
  /** Products on screen, in order: the referents of "it", "the second one", "the Japandi one". */
  shown: readonly { id: string; title: string }[];
}

export type Understand = (text: string, context: UnderstandContext) => Promise<Understanding>;

/** Intent from the classifier, slots from the catalog's vocabulary and names, in one call. */
export function createUnderstanding(classifier: IntentClassifier, sources: SlotSources): Understand {
  const productTerms = [...sources.productTerms];
  // "soffa", "matress": a misspelt product word still says the shopper is looking for something.
  const nearCatalog = (text: string) => terms(text).some((t) => sources.productTerms.has(t) || typoNeighbours(t, productTerms).length > 0);
  return async (text, context) => {
    const slots = extractSlots(text, sources, context.shown);
    const tags = messageTags(text, slots, sources);
    const prediction = await classifier.classify(text, { previous: context.previous, results: context.shown.length > 0 }, tags);
    return { ...prediction, slots, catalogWords: tags.includes('catalog-words') || (prediction.intent === 'not_sure' && nearCatalog(text)) };
  };
}
