import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { articleFrom, slugOf } from './help-article.ts';
import { ingestLocked, loadHelpCentre, withHelpCentreLock } from './help-centre-file.ts';

/**
 * The source FAQ entries added one by one are filed under (`aisle kb add-faq`, the agent console's "make an FAQ"):
 * ingesting a folder never drops them, and they are listed with it in `aisle kb list`.
 */
export const ADDED_FAQ_SOURCE = 'aisle:added-faqs';
const MAX_QUESTION_CHARS = 300;
const MAX_ANSWER_CHARS = 4000;

export interface FaqEntryInput {
  question: string;
  answer: string;
  /** Where the answer is on the store's site; default `/help/faq#<slug>`, as in FAQ files. */
  url?: string;
}

/** What adding did: the article's id and URL, and whether it replaced an entry asking the same question. */
export interface FaqAdded {
  id: string;
  url: string;
  replaced: boolean;
}

/**
 * Appends one question and answer to the home's help centre as an FAQ article (the same shape an FAQ file gives),
 * embedded at once with `embedder`, so the next shopper who asks gets it. The same question again replaces its answer.
 * Bad input is BAD_INPUT, and nothing is written.
 */
export function addFaqEntry(home: string, input: FaqEntryInput, embedder?: Embedder): Promise<FaqAdded> {
  const entry = checkEntry(input);
  // Read, merged and written under the help centre's lock: an entry added at the same time is kept too.
  return withHelpCentreLock(home, () => addLocked(home, entry, embedder));
}

async function addLocked(home: string, { question, answer, url }: Required<FaqEntryInput>, embedder?: Embedder): Promise<FaqAdded> {
  const id = `faq-${slugOf(question)}`;
  const article = articleFrom({ id, title: question, url, source: ADDED_FAQ_SOURCE, raw: JSON.stringify([question, answer, url]) },
    [{ heading: question, lines: [answer] }]);
  const stored = loadHelpCentre(home);
  const elsewhere = stored?.articles.find((a) => a.id === id && a.source !== ADDED_FAQ_SOURCE);
  if (elsewhere) {
    throw new AppError('BAD_INPUT', `The help centre already answers "${question}" from ${elsewhere.source} (article ${id}): change the answer there and ingest it again.`);
  }
  const added = (stored?.articles ?? []).filter((a) => a.source === ADDED_FAQ_SOURCE);
  const replaced = added.some((a) => a.id === id);
  const articles = [...added.filter((a) => a.id !== id), article];
  await ingestLocked(home, { source: ADDED_FAQ_SOURCE, articles, problems: [], files: 0 }, embedder);
  return { id, url, replaced };
}

function checkEntry(input: FaqEntryInput): Required<FaqEntryInput> {
  const question = input.question?.trim().replace(/\s+/g, ' ') ?? '';
  const answer = input.answer?.trim() ?? '';
  if (!question || !answer) throw new AppError('BAD_INPUT', 'An FAQ entry needs both --question "…" and --answer "…".');
  if (question.length > MAX_QUESTION_CHARS) throw new AppError('BAD_INPUT', `The question is ${question.length} characters; keep it under ${MAX_QUESTION_CHARS} (it is the entry's title).`);
  if (answer.length > MAX_ANSWER_CHARS) throw new AppError('BAD_INPUT', `The answer is ${answer.length} characters; at most ${MAX_ANSWER_CHARS} fit one FAQ entry: write an article and ingest it instead.`);
  if (!slugOf(question)) throw new AppError('BAD_INPUT', 'The question needs letters or digits.');
  const url = input.url?.trim() || `/help/faq#${slugOf(question)}`;
  if (!/^(?:https?:\/\/|\/)/i.test(url)) throw new AppError('BAD_INPUT', `--url must be an http(s) address or a path on the store's site starting with "/" (got "${url}").`);
  return { question, answer, url };
}
