import type { SupportDesk } from '../conversation/dialog-services.ts';
import { TALK_TO_A_PERSON, type Reply } from '../conversation/reply.ts';
import type { Intent } from '../understanding/intents.ts';
import { answerFromHelpCentre, type AnswerBars, type HelpAnswer } from './help-answer.ts';
import type { HelpCentre } from './help-centre.ts';

/** The next step each topic's answer offers, as a chip (the words a shopper would send). */
const NEXT_STEP: Partial<Record<Intent, string>> = {
  order_status: 'Track an order', delivery_period: 'Track an order', return_policy: 'Start a return', start_return: 'Start a return',
  request_refund: 'Start a return', refund_status: 'Track a refund', cancel_order: 'Cancel an order', change_order: 'Change an order',
};
/** Topics about one order: with its number given, the shopper wants that order, which the help centre cannot tell. */
const ABOUT_ONE_ORDER: readonly Intent[] = ['order_status', 'cancel_order', 'change_order', 'refund_status', 'start_return'];
/**
 * Topics where a list of articles to pick from is the wrong reply when no answer is sure: "where's my order"
 * needs the order (the dialog asks for its number), an angry complaint needs an apology and a person.
 */
const NEVER_ASK_WHICH: readonly Intent[] = [...ABOUT_ONE_ORDER, 'complaint', 'human_agent'];

/**
 * The support desk over the help centre: a service question gets the best passage's own sentences with
 * the article cited, a next step and thumbs. Below the confidence bar it does not guess: it asks which of
 * the closest articles the shopper means (their titles as chips), when they are close enough and the topic
 * is one a list can serve. Otherwise undefined: the dialog says it cannot answer and offers a person.
 */
export function createHelpDesk(centre: HelpCentre, bars?: AnswerBars): SupportDesk {
  return async (turn) => {
    const topic = turn.understanding.intent as Intent;
    if (ABOUT_ONE_ORDER.includes(topic) && turn.understanding.slots.orderNumbers?.length) return undefined;
    const answer = await answerFromHelpCentre(centre, turn.text, bars);
    if (!answer) return undefined;
    if (answer.confident) return answered(answer, NEXT_STEP[topic]);
    return answer.plausible && !NEVER_ASK_WHICH.includes(topic) ? clarify(answer) : undefined;
  };
}

function answered(answer: HelpAnswer, next: string | undefined): Reply {
  return {
    text: answer.text,
    citations: answer.citations,
    feedback: { answer: answer.passages.join(' ') },
    suggestions: [...(next ? [next] : []), TALK_TO_A_PERSON],
  };
}

/** A chip sends the article's title, which names it in its own words: the next search finds it for sure. */
function clarify(answer: HelpAnswer): Reply {
  return {
    text: "I'm not sure I have the right answer. Is your question about one of these? If not, a person from our team can help.",
    suggestions: [...answer.alternatives.map((a) => a.title), TALK_TO_A_PERSON],
  };
}
