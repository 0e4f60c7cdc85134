/**
 * Checks on one source row's raw text, made before it is parsed, so that a pathological row is
 * rejected on its own instead of aborting the whole file. Pure.
 */

/** A row (a CSV/TSV record, a JSON line, a Merchant <item>) longer than this is rejected unread. */
export const MAX_ROW_CHARS = 1_000_000;

/** JSON arrays/objects or XML elements nested deeper than this; real products nest 2–4 levels. */
export const MAX_NESTING = 32;

/** Why a row's text cannot be taken: too long, or holding U+FFFD; undefined when it may be parsed. */
export function rowTextProblem(text: string): string | undefined {
  if (text.length > MAX_ROW_CHARS) {
    return `row is ${text.length.toLocaleString('en')} characters; the limit is ${MAX_ROW_CHARS.toLocaleString('en')}`;
  }
  // Reading a file as UTF-8 turns every byte sequence that is not UTF-8 into U+FFFD, so its presence
  // means the row's text is already damaged (a Latin-1 or Windows-1252 file, or a cut multi-byte character).
  if (text.includes('\uFFFD')) return 'invalid UTF-8: the row holds \uFFFD (U+FFFD, what bytes that are not UTF-8 read as); save the file as UTF-8';
  return undefined;
}

/** Why a JSON text nests too deeply to be kept; scanned without parsing, so any depth is safe. */
export function jsonNestingProblem(json: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth += 1;
      if (depth > MAX_NESTING) return `values nested more than ${MAX_NESTING} levels deep`;
    } else if (c === '}' || c === ']') depth -= 1;
  }
  return undefined;
}

/** Why an XML fragment nests elements too deeply to be parsed; scanned without parsing, in linear time. */
export function xmlNestingProblem(xml: string): string | undefined {
  let depth = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at)) {
    const end = xml.indexOf(markupEnd(xml, at), at + 1);
    if (end === -1) return undefined; // unclosed markup: the XML validator reports it
    const name = xml[at + 1] ?? '';
    if (name === '/') depth -= 1;
    else if (/[A-Za-z_]/.test(name) && xml[end - 1] !== '/') {
      depth += 1;
      if (depth > MAX_NESTING) return `elements nested more than ${MAX_NESTING} levels deep`;
    }
    at = end + 1;
  }
  return undefined;
}

/** Comments and CDATA may hold ">", so they end at their own closing marks; tags at ">". */
function markupEnd(xml: string, at: number): string {
  if (xml.startsWith('<!--', at)) return '-->';
  if (xml.startsWith('<![CDATA[', at)) return ']]>';
  return '>';
}
