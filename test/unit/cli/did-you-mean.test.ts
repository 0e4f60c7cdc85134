import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../../src/cli/did-you-mean.ts';

describe('closestMatch', () => {
  const commands = ['ingest', 'demo', 'index', 'search', 'chat', 'serve', 'start', 'models'];

  it('suggests the command or option a typo was meant to be', () => {
    expect(closestMatch('serch', commands)).toBe('search');
    expect(closestMatch('injest', commands)).toBe('ingest');
    expect(closestMatch('modles', commands)).toBe('models'); // a swap counts as one edit
    expect(closestMatch('kk', ['k', 'json', 'jsonl', 'mode'])).toBe('k');
    expect(closestMatch('jsno', ['k', 'json', 'jsonl', 'mode'])).toBe('json');
  });

  it('suggests nothing for words that are not near any candidate', () => {
    expect(closestMatch('colour', ['k', 'json', 'jsonl', 'mode'])).toBeUndefined();
    expect(closestMatch('deploy', commands)).toBeUndefined();
  });

  it('takes a word under three letters only for an added or dropped letter, not for any one-letter option', () => {
    const options = ['k', 'json', 'jsonl', 'mode'];
    for (const word of ['x', 'j', 'q', 'ab', 'mo']) expect(closestMatch(word, options), word).toBeUndefined();
    expect(closestMatch('kk', options)).toBe('k');
    expect(closestMatch('K', options)).toBe('k');
    expect(closestMatch('he', ['help', 'version'])).toBeUndefined();
    expect(closestMatch('jsn', options)).toBe('json');
  });

  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('search', 'search')).toBe(0);
    expect(editDistance('serch', 'search')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
