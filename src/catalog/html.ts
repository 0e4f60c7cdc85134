/** HTML → plain text for product descriptions. Pure; not a sanitiser, only for indexing and display as text. */

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  trade: '™', reg: '®', copy: '©', deg: '°', times: '×', frac12: '½', frac14: '¼', frac34: '¾',
  eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
  euro: '€', pound: '£', yen: '¥', cent: '¢',
};

const DROPPED = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const LINE_BREAK = /<\/?(p|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|br|hr)\b[^>]*>/gi;
const CELL_BREAK = /<\/?(td|th)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>/g;

/** Removes tags, decodes entities, collapses whitespace; block elements (p, li, br…) become line breaks. */
export function stripHtml(html: string): string {
  const text = html
    .replace(DROPPED, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(CELL_BREAK, ' ')
    .replace(ANY_TAG, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Decodes named (common ones), decimal and hex character references; unknown ones are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}
