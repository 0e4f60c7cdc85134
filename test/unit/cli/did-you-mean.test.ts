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

  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('search', 'search')).toBe(0);
    expect(editDistance('serch', 'search')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
