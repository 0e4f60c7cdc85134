/** Longer messages say more than yes or no ("no, show me lamps instead"): they are routed by their intent. */
const MAX_WORDS = 5;
/** A yes at the start, after an optional "oh"/"um": "yes please", "sure thing", "ok do it", "yeah go ahead". */
const YES = /^(?:(?:oh|um+|uh+|well|ah|hm+)\s+)?(?:yes|yeah|yea|yep|yup|ya|yah|sure|ok|okay|k|alright|all right|please|go ahead|do it|connect me|absolutely|definitely|of course|certainly|y|sounds good|why not)\b/;
/** A no anywhere wins over a yes ("ok, no thanks"). */
const NO = /\b(?:no|nope|nah|n|not now|not really|not yet|rather not|don'?t|do not|maybe later|later|i'?m good|i'?m fine|i'?m ok(?:ay)?|never ?mind)\b/;
/** Phrases with a "no" in them that are not a no: "sure, no rush", "I don't mind". */
const NOT_A_NO = /\b(?:no (?:problem|worries|rush|doubt)|don'?t mind)\b/g;
/** The whole message waives a choice offered: "any is fine", "no preference". */
const NO_PREFERENCE = /^(?:any(?:thing|one)?|either|whatever|all of them|doesn'?t matter|no preference|(?:i )?don'?t (?:mind|care)|any(?:thing|one)? (?:is )?(?:fine|ok|okay|good))$/;

/** A short answer to a yes/no question read as 'yes' or 'no'; undefined when it is neither. */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const t = plain(text);
  if (t === '' || t.split(' ').length > MAX_WORDS) return undefined;
  if (mentionsNo(t)) return 'no';
  return YES.test(t) ? 'yes' : undefined;
}

/** A no anywhere in the message, however long: "a person? no, I don't want one". */
export function mentionsNo(text: string): boolean {
  return NO.test(plain(text).replace(NOT_A_NO, ' '));
}

/** "no", "any is fine", "doesn't matter": the answer to "Any brand in mind?" that leaves the results as they are. */
export function waivesChoice(text: string): boolean {
  return NO_PREFERENCE.test(plain(text)) || readYesNo(text) === 'no';
}

/** Lower case, curly apostrophes straightened, punctuation gone. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}
