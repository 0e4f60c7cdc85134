/** Words for a person to talk to, as shoppers write them. */
const PERSON = String.raw`(?:person|people|human|humans|human being|agent|rep|representative|someone|somebody|anyone|anybody|staff|employee|operator|manager|supervisor|support|team|real one)`;
/** A negation that governs a person a few words on: "no need for a person", "don't pass me to anyone". */
// Within one sentence ("you're not understanding me. can someone help" asks); "not X, a person" is a contrast that asks.
const NEGATED_PERSON = new RegExp(String.raw`\b(?:no need|don'?t need|do not need|dont need|needn'?t|don'?t want|do not want|dont want|no|not(?![^\w.!?]+\w+\s*,)|never|don'?t (?:pass|transfer|put|send|connect|bother)|do not (?:pass|transfer|put|send|connect|bother)|without)\b(?:[^\w.!?]+\w+){0,5}?[^\w.!?]+${PERSON}\b|\b${PERSON}\b(?:[^\w.!?]+\w+){0,1}[^\w.!?]+(?:needed|necessary|required)\b`, 'i');
/** A request for a person said outright, which a negation elsewhere in the message does not undo. */
const ASKED_PERSON = new RegExp(String.raw`\b(?:want|need|get|talk|speak|chat|connect|transfer|put me through|pass me|give me|let me talk|contact|reach|call|ring|phone|email|e-mail|message)\b(?:\W+\w+){0,4}?\W+${PERSON}\b`, 'gi');
/** What makes the verb just before a request a refusal: "don't pass me to anyone", "no need to talk to someone". */
const NEGATION_BEFORE = /\b(?:no|no need to|don'?t|do not|dont|never|not)\s+(?:\w+\s+)?$/i;

/**
 * "No agent needed, thanks", "nah dont need a human just lmk if it ships": a person mentioned only to
 * decline one, so no request. A clause that asks outright ("not another link, transfer me to support",
 * "i dont want suggestions, i want a human") still asks.
 */
export function declinesPerson(text: string): boolean {
  if (!NEGATED_PERSON.test(text)) return false;
  // Any request not itself refused ("i dont want more suggestions i want a human") is a request.
  const asked = [...text.matchAll(ASKED_PERSON)].some((m) => !NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)));
  return !asked;
}
