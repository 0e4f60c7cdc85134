import type { Embedder } from '../embed/embedder.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import { groupQuestions, type Grouping } from './question-groups.ts';
import { tallyTurns } from './turn-tally.ts';

/**
 * Questions the bot could not answer over `from` <= at < `to` (default: the whole turn log), grouped by meaning, most
 * asked first: what the agent console lists for admins (issue 12 part 5). Each group's examples carry the
 * conversation and seq where that wording was last asked, so the console can show the agent's reply that followed;
 * `addFaqEntry` (src/support/add-faq.ts) turns a group into an FAQ entry.
 */
export async function unansweredGroups(turns: Pick<ConversationStore, 'scanTurns'>, range: { from?: Date; to?: Date } = {}, embedder?: Embedder): Promise<Grouping & { questions: number }> {
  const tally = await tallyTurns(turns, range);
  return { questions: tally.unanswered.length, ...(await groupQuestions(tally.unanswered, embedder)) };
}
