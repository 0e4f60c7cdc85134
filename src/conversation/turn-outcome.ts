import type { TurnOutcome } from '../storage/conversation-store.ts';
import { maskIdentifiers } from '../understanding/identifiers.ts';
import { TALK_TO_A_PERSON, type Reply } from './reply.ts';
import type { WatchedSearch } from './turn-events.ts';

/** Chips that offer a person: the dialogs' own words for it. */
const PERSON_CHIPS = new Set([TALK_TO_A_PERSON, 'Yes, connect me']);
/** The most characters of a search's words an outcome keeps (a search is a few words). */
const MAX_SEARCH_CHARS = 200;

/**
 * What a turn's replies did, in the turn log's structured form, so reports count it without reading reply text:
 * the handoff and its reason, a person offered, a help answer (the passages it quoted and the articles cited),
 * and the product search whose results were shown with how many came back (its words masked like the log's).
 */
export function turnOutcome(replies: readonly Reply[], search?: WatchedSearch): TurnOutcome {
  const handoff = replies.find((r) => r.handoff)?.handoff?.reason;
  const answered = replies.find((r) => r.feedback);
  const offered = !handoff && replies.some((r) => r.suggestions?.some((s) => PERSON_CHIPS.has(s)));
  return {
    ...(handoff ? { handoff } : {}),
    ...(offered ? { offeredPerson: true } : {}),
    ...(answered?.feedback ? { answer: { id: answered.feedback.answer, citations: (answered.citations ?? []).map((c) => c.url) } } : {}),
    ...(search ? { search: { ...search, text: maskIdentifiers(search.text).slice(0, MAX_SEARCH_CHARS) } } : {}),
  };
}
