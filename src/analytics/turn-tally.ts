import type { ConversationStore, TurnLogEntry, TurnOutcome } from '../storage/conversation-store.ts';
import { feedbackOf, questionOf, unansweredWhy, type UnansweredQuestion } from './unanswered.ts';

/** One conversation as the report sees it (only its turns in the report's range). */
export interface ConversationSpan {
  user: string;
  first: string;
  last: string;
  handedOff: boolean;
}

/** What the turn log says, counted; `add` takes turns in time order (scanTurns' order). */
export interface TurnTally {
  turns: number;
  conversations: Map<string, ConversationSpan>;
  handoffTurns: number;
  handoffReasons: Record<string, number>;
  helpAnswers: number;
  thumbsUp: number;
  thumbsDown: number;
  searches: number;
  noResultSearches: Map<string, number>;
  unanswered: UnansweredQuestion[];
}

interface Open {
  /** A person has the conversation: the shopper's messages are for them, not questions for the bot. */
  withPerson: boolean;
  /** Help answers given, by their feedback id: the question each answered. */
  answers: Map<string, TurnLogEntry>;
  /** Seqs of the questions already counted as rejected answers. */
  rejected: Set<number>;
}

/** Counts every logged turn with `from` <= at < `to`, reading the log a page at a time. */
export async function tallyTurns(turns: Pick<ConversationStore, 'scanTurns'>, range: { from?: Date; to?: Date }): Promise<TurnTally> {
  const tally = createTurnTally();
  let after: string | undefined;
  do {
    const page = await turns.scanTurns(range, after ? { after } : {});
    page.turns.forEach(tally.add);
    after = page.next;
  } while (after);
  return tally;
}

export function createTurnTally(): TurnTally & { add(turn: TurnLogEntry): void } {
  const tally: TurnTally = {
    turns: 0, conversations: new Map(), handoffTurns: 0, handoffReasons: {}, helpAnswers: 0, thumbsUp: 0, thumbsDown: 0,
    searches: 0, noResultSearches: new Map(), unanswered: [],
  };
  const open = new Map<string, Open>();
  return Object.assign(tally, { add: (turn: TurnLogEntry) => addTurn(tally, open, turn) });
}

function addTurn(tally: TurnTally, open: Map<string, Open>, turn: TurnLogEntry): void {
  tally.turns++;
  const span = tally.conversations.get(turn.conversation) ?? { user: turn.user, first: turn.at, last: turn.at, handedOff: false };
  tally.conversations.set(turn.conversation, { ...span, last: turn.at, user: turn.user });
  const state = open.get(turn.conversation) ?? { withPerson: false, answers: new Map(), rejected: new Set<number>() };
  open.set(turn.conversation, state);
  // "start over" takes the conversation back from the person (dialogs/conversation-dialog.ts).
  if (turn.intent === 'cancel_flow') state.withPerson = false;
  const outcome = turn.outcome ?? {};
  if (!state.withPerson) {
    const why = unansweredWhy(turn);
    if (why) tally.unanswered.push(questionOf(turn, why));
  }
  if (outcome.handoff) {
    tally.handoffTurns++;
    tally.handoffReasons[outcome.handoff] = (tally.handoffReasons[outcome.handoff] ?? 0) + 1;
    tally.conversations.get(turn.conversation)!.handedOff = true;
    state.withPerson = true;
  }
  if (outcome.answer) {
    tally.helpAnswers++;
    state.answers.set(outcome.answer.id, turn);
  }
  if (outcome.search) countSearch(tally, outcome.search);
  const vote = feedbackOf(turn);
  if (vote) countVote(tally, state, vote);
}

/** A search found nothing when it showed no products, or only alternatives to what was asked. */
function countSearch(tally: TurnTally, search: NonNullable<TurnOutcome['search']>): void {
  tally.searches++;
  if (search.results > 0 && !search.alternatives) return;
  const key = search.text.trim().toLowerCase();
  tally.noResultSearches.set(key, (tally.noResultSearches.get(key) ?? 0) + 1);
}

/** A thumbs down makes the question it answered unanswered, once, however often it is pressed. */
function countVote(tally: TurnTally, state: Open, vote: { answer: string; helpful: boolean }): void {
  if (vote.helpful) {
    tally.thumbsUp++;
    return;
  }
  tally.thumbsDown++;
  const asked = state.answers.get(vote.answer);
  if (!asked || asked.text === null || state.rejected.has(asked.seq)) return;
  state.rejected.add(asked.seq);
  tally.unanswered.push(questionOf(asked, 'answer_rejected'));
}
