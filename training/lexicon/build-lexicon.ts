// Builds models/aisle-lexicon-v1 from Debian's wordnet-base (apt-get install wordnet-base): for each
// rare English noun, the words of its senses (synonyms) and of their parent concepts (hypernyms),
// most frequent sense first, and what kind of noun its first sense is (a thing, a person, a time…). Search reads it to reach a catalog's own words from a word
// the catalog never uses ("brolly" → umbrella, "telly" → television); see src/search/lexicon.ts.
// Usage: node --import tsx training/lexicon/build-lexicon.ts [--wordnet /usr/share/wordnet] [--out models/aisle-lexicon-v1]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { wordnet: { type: 'string', default: '/usr/share/wordnet' }, out: { type: 'string', default: 'models/aisle-lexicon-v1' } } });
const dir = values.wordnet!;
if (!existsSync(path.join(dir, 'data.noun'))) {
  console.error(`No WordNet in ${dir}: apt-get install wordnet-base (or pass --wordnet DIR).`);
  process.exit(2);
}

interface Synset { words: string[]; hypernyms: string[]; hyponyms: string[]; proper: boolean; lexfile: string }
/** Reads data.POS: synset offset → its words and hypernym offsets. */
function readSynsets(pos: 'noun' | 'verb'): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue; // licence header lines start with spaces
    const f = line.split(' | ')[0]!.split(' ');
    const wordCount = parseInt(f[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    const at = 4 + 2 * wordCount;
    const pointers = Number(f[at]);
    const hypernyms: string[] = [];
    const hyponyms: string[] = [];
    for (let i = 0; i < pointers; i++) {
      const [symbol, offset] = [f[at + 1 + 4 * i], f[at + 2 + 4 * i]];
      // An instance's parent ("industrialist" for one Hoover) names a person, never a kind of product.
      if (symbol === '@') hypernyms.push(offset!);
      if (symbol === '~') hyponyms.push(offset!); // kinds of it; instances ("~i": named people, places) are not products
    }
    out.set(f[0]!, { words, hypernyms, hyponyms, proper: /^[A-Z]/.test(f[4]!), lexfile: f[1]! });
  }
  return out;
}

/**
 * index.POS: lemma → its synset offsets, most frequent sense first, and how many of its senses were
 * seen in WordNet's sense-tagged corpus (0 for rare, regional and colloquial words: "brolly", "telly").
 */
function readIndex(pos: 'noun' | 'verb'): Map<string, { offsets: string[]; tagged: number }> {
  const out = new Map<string, { offsets: string[]; tagged: number }>();
  for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const senses = Number(f[2]);
    out.set(f[0]!.replace(/_/g, ' '), { offsets: f.slice(f.length - senses), tagged: Number(f[f.length - senses - 1]) });
  }
  return out;
}

/** At most this many related words per lemma: the first senses are the common ones. */
const MAX_RELATED = 30;
/**
 * Words seen at most this often in the tagged corpus are kept; search decides how rare a word must
 * be to be looked up (src/search/lexicon.ts), so the file holds a little more than it uses.
 */
const MAX_TAGGED = 2;
/** WordNet's lexicographer files whose nouns are things a store could sell: artifacts, food, animals, plants, substances. */
const THING_FILES = new Set(['06', '13', '05', '20', '27']);
const lexicon = new Map<string, { tagged: number; thing: boolean; words: string[] }>();
// Nouns only: a shopper names things; verbs ("putting", "sucks") pull in unrelated senses.
const nounSynsets = readSynsets('noun');
for (const [lemma, { offsets, tagged }] of readIndex('noun')) {
  if (lemma.split(' ').length > 2 || /\d/.test(lemma) || tagged > MAX_TAGGED) continue;
  const related: string[] = [];
  for (const offset of offsets) {
    const s = nounSynsets.get(offset);
    if (!s) continue;
    related.push(...s.words);
    for (const h of s.hypernyms) related.push(...(nounSynsets.get(h)?.words ?? []));
  }
  const words = [...new Set(related)].filter((w) => w !== lemma).slice(0, MAX_RELATED);
  if (words.length === 0) continue;
  const first = nounSynsets.get(offsets[0]!);
  lexicon.set(lemma, { tagged, thing: first !== undefined && THING_FILES.has(first.lexfile) && !first.proper, words });
}

/**
 * Kinds: for each noun, its own synonyms and the names of its kinds two levels down ("pen" →
 * ballpoint, biro, fountain pen, quill…; "sandal" → flip-flop, thong, espadrille…). `aisle index`
 * adds them to the categories a store names with that noun, so a shopper's word for one kind of a
 * category reaches it. Proper names and words of more than two parts are left out.
 */
const MAX_KINDS = 60;
const KIND_SENSES = 1;
const kinds = new Map<string, string[]>();
{
  const synsets = nounSynsets;
  const usable = (w: string) => w.split(' ').length <= 2 && !/\d/.test(w);
  for (const [lemma, { offsets }] of readIndex('noun')) {
    if (!usable(lemma)) continue;
    const found: string[] = [];
    for (const offset of offsets.slice(0, KIND_SENSES)) {
      const s0 = synsets.get(offset);
      if (!s0 || s0.proper) continue;
      found.push(...s0.words);
      for (const child of s0.hyponyms.map((o) => synsets.get(o)!)) {
        if (child.proper) continue;
        found.push(...child.words);
        for (const grandchild of child.hyponyms.map((o) => synsets.get(o)!)) if (!grandchild.proper) found.push(...grandchild.words);
      }
    }
    const words = [...new Set(found.filter(usable))].filter((w) => w !== lemma).slice(0, MAX_KINDS);
    if (words.length > 0) kinds.set(lemma, words);
  }
}
const out = values.out!;
mkdirSync(out, { recursive: true });
// One entry per lemma: "TAGGED[t]|word|word…": the count first so search can choose how rare a word must be,
// "t" when its commonest sense is a thing one could sell (not a person, a time, an event).
const body = JSON.stringify(Object.fromEntries([...lexicon].map(([k, v]) => [k, [`${v.tagged}${v.thing ? 't' : ''}`, ...v.words].join('|')])));
writeFileSync(path.join(out, 'lexicon.json'), body);
const kindsBody = JSON.stringify(Object.fromEntries([...kinds].map(([k, v]) => [k, v.join('|')])));
writeFileSync(path.join(out, 'kinds.json'), kindsBody);
const licence = ['/usr/share/doc/wordnet-base/copyright', path.join(dir, 'LICENSE')].find((f) => existsSync(f));
if (licence) copyFileSync(licence, path.join(out, 'LICENSE-WordNet'));
const manifest = {
  id: 'aisle-lexicon-v1',
  source: 'WordNet 3.0 (Princeton University), Debian package wordnet-base',
  entries: lexicon.size,
  sha256: createHash('sha256').update(body).digest('hex'),
  kinds: { entries: kinds.size, sha256: createHash('sha256').update(kindsBody).digest('hex') },
  built: new Date().toISOString(),
};
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${manifest.entries} entries, ${(body.length / 1e6).toFixed(1)} MB → ${out}`);
