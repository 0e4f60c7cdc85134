/** Items of a Google Merchant Center RSS 2.0 feed, each with the line its <item> starts on. Pure. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors.ts';
import { decodeEntities } from './html.ts';
import { MAX_NESTING, rowTextProblem, xmlNestingProblem } from './row-guards.ts';
import type { RawRecord, RawValue } from './values.ts';

/** One <item> as element name (namespace prefix dropped) → text, or why it could not be read. */
export type FeedItem = { ok: true; line: number; record: RawRecord } | { ok: false; line: number; reason: string };

// CDATA and comments are matched only so that an "<item>" inside them is skipped.
const TOKENS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<item(?=[\s>/])|<\/item\s*>/g;

// Entities are decoded afterwards by decodeEntities, which also knows HTML names such as &eacute;.
// maxNestedTags counts from the item down; it is set above our own MAX_NESTING so the guard speaks first.
const parser = new XMLParser({
  ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, processEntities: false, maxNestedTags: MAX_NESTING + 1,
});

/**
 * Reads every <item>. Each is parsed on its own, so one malformed item is rejected at its line
 * while the rest of the feed still loads. Throws BAD_INPUT when the text is not an RSS feed.
 */
export function readMerchantXml(xml: string): FeedItem[] {
  if (!/<channel[\s>]/.test(xml)) {
    throw new AppError('BAD_INPUT', 'not a Merchant RSS feed: no <channel> element (expected <rss><channel><item>…); pass --format tsv or csv for a table');
  }
  const lineAt = lineCounter(xml);
  return itemSpans(xml).map(({ start, end }): FeedItem => {
    const line = lineAt(start);
    if (end === undefined) return { ok: false, line, reason: '<item> is never closed' };
    return parseItem(xml.slice(start, end), line);
  });
}

function itemSpans(xml: string): { start: number; end?: number }[] {
  const spans: { start: number; end?: number }[] = [];
  let open: number | undefined;
  for (const match of xml.matchAll(TOKENS)) {
    if (match[0].startsWith('<item')) {
      if (open !== undefined) spans.push({ start: open });
      open = match.index;
    } else if (match[0].startsWith('</item') && open !== undefined) {
      spans.push({ start: open, end: match.index + match[0].length });
      open = undefined;
    }
  }
  if (open !== undefined) spans.push({ start: open });
  return spans;
}

/** 1-based line of an offset; offsets must be asked for in increasing order. */
function lineCounter(text: string): (offset: number) => number {
  let offset = 0;
  let line = 1;
  return (target) => {
    for (; offset < target; offset += 1) if (text[offset] === '\n') line += 1;
    return line;
  };
}

function parseItem(fragment: string, line: number): FeedItem {
  const problem = rowTextProblem(fragment) ?? xmlNestingProblem(fragment);
  if (problem !== undefined) return { ok: false, line, reason: problem };
  const valid = XMLValidator.validate(fragment);
  if (valid !== true) {
    // The validator's own line numbers count from the item, so they are dropped from its message.
    const message = valid.err.msg.replace(/ \(opened in line \d+, col \d+\)/, '');
    return { ok: false, line, reason: `invalid XML on line ${line + valid.err.line - 1}: ${message}` };
  }
  let item: unknown;
  try {
    item = parser.parse(fragment).item;
  } catch (err) {
    // The parser has limits of its own the validator does not share; one item breaking one costs that item only.
    return { ok: false, line, reason: `invalid XML: ${(err as Error).message}` };
  }
  const record: RawRecord = {};
  if (typeof item !== 'object' || item === null) return { ok: true, line, record };
  for (const [name, value] of Object.entries(item)) record[name] = toRawValue(value);
  return { ok: true, line, record };
}

/** Text stays text, repeated elements become lists, nested elements (g:shipping…) become JSON. */
function toRawValue(value: unknown): RawValue {
  if (typeof value === 'string') return decodeEntities(value).trim();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.map((v: string) => decodeEntities(v).trim());
  }
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? decodeEntities(v).trim() : v));
}
