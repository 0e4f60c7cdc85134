import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, PYTHON } from '../../support/optional-tools.ts';

interface Encoded {
  input_ids: number[];
  attention_mask: number[];
  token_type_ids: number[];
}
interface PythonCases {
  max_length: number;
  vocab: string[];
  cases: (Encoded & { text: string })[];
  fuzz: (Encoded & { text: string })[];
  batch: { texts: string[]; input_ids: number[][]; attention_mask: number[][]; token_type_ids: number[][] };
}

/** Trains a small vocabulary with training/aisle_encoder/wordpiece.py; returns its ids for tricky strings. */
function pythonCases(dir: string): PythonCases {
  const stdout = execFileSync(PYTHON, ['training/tests/tokenize_cases.py', dir], { encoding: 'utf8' });
  return JSON.parse(stdout) as PythonCases;
}

/** The training tokenizer (Python) must give the ids the served model sees (transformers.js). */
describe('WordPiece tokenizer parity: training/aisle_encoder/wordpiece.py vs transformers.js', needs('python3'), () => {
  let root: string;
  let py: PythonCases;
  let tokenizer: PreTrainedTokenizer;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'aisle-wordpiece-'));
    const modelDir = path.join(root, 'parity-tokenizer');
    py = pythonCases(modelDir);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = root + path.sep;
    tokenizer = await AutoTokenizer.from_pretrained(path.basename(modelDir));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const js = (text: string): Encoded =>
    tokenizer(text, { truncation: true, return_tensor: false }) as unknown as Encoded;

  const mismatches = (cases: PythonCases['cases']) => cases
    .map(({ text, ...ours }) => ({ text, ours, theirs: js(text) }))
    .filter(({ ours, theirs }) => JSON.stringify(ours) !== JSON.stringify(theirs));

  it('gives identical input_ids, attention_mask and token_type_ids for every tricky string', () => {
    expect(mismatches(py.cases)).toEqual([]);
    expect(py.cases.length).toBeGreaterThanOrEqual(40);
  });

  it('agrees on 3,000 random strings drawn from every Unicode plane in use', () => {
    expect(mismatches(py.fuzz)).toEqual([]);
    expect(py.fuzz).toHaveLength(3000);
  });

  it('exercises sub-words, [UNK] and truncation, so the comparison means something', () => {
    const unk = py.vocab.indexOf('[UNK]');
    const all = py.cases.map((c) => c.input_ids);
    expect(all.some((ids) => ids.includes(unk))).toBe(true);
    expect(all.some((ids) => ids.some((id) => py.vocab[id]!.startsWith('##')))).toBe(true);
    const longest = all.reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest).toHaveLength(py.max_length);
  });

  it('pads a batch to its longest text with [PAD] = 0 and mask 0, as the embedder batches', () => {
    const theirs = tokenizer(py.batch.texts, { padding: true, truncation: true, return_tensor: false });
    const { texts: _texts, ...ours } = py.batch;
    expect(theirs).toEqual(ours);
  });
});
