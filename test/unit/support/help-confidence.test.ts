import { describe, expect, it } from 'vitest';
import { AGREEMENT_RANK, CONFIDENCE, isConfident } from '../../../src/support/help-answer.ts';

// One retriever's strong signal alone is not enough to quote an answer: both must place the passage near the top.
describe('help answer confidence', () => {
  const strongLexical = { lexical: CONFIDENCE.lexical * 10, lexicalRank: 1 };

  it('is confident when the bar is reached and both retrievers rank the passage near the top', () => {
    expect(isConfident({ ...strongLexical, semantic: 0.3, semanticRank: AGREEMENT_RANK }, 'refund please')).toBe(true);
  });

  it('is not confident when the encoder ranks the passage low or not at all', () => {
    expect(isConfident({ ...strongLexical, semantic: 0.3, semanticRank: AGREEMENT_RANK + 1 }, 'refund please')).toBe(false);
    expect(isConfident(strongLexical, 'refund please')).toBe(false);
    expect(isConfident({ semantic: CONFIDENCE.semantic + 0.2, semanticRank: 1, lexicalRank: 12, lexical: 0.5 }, 'refund please')).toBe(false);
  });

  it('lets BM25 decide alone in a help centre searched without an encoder', () => {
    expect(isConfident(strongLexical, 'refund please', false)).toBe(true);
    expect(isConfident({ lexical: 0.1, lexicalRank: 1 }, 'refund please', false)).toBe(false);
  });
});
