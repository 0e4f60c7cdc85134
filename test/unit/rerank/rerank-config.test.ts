import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { home: '/tmp/aisle-rerank-config' }, process.cwd(), process.cwd());

describe('the reranker settings', () => {
  it('default to on, a 10% control group and 200 candidates', () => {
    expect(load({})).toMatchObject({ rerank: 'on', rerankControlShare: 0.1, rerankCandidates: 200 });
    expect(load({ AISLE_RERANK: 'off', AISLE_RERANK_CONTROL_SHARE: '0.25', AISLE_RERANK_CANDIDATES: '100' }))
      .toMatchObject({ rerank: 'off', rerankControlShare: 0.25, rerankCandidates: 100 });
  });

  it('are refused together, each naming its variable', () => {
    expect(() => load({ AISLE_RERANK: 'maybe', AISLE_RERANK_CONTROL_SHARE: '1.5', AISLE_RERANK_CANDIDATES: '5' }))
      .toThrow(/AISLE_RERANK\): must be on or off[\s\S]*AISLE_RERANK_CONTROL_SHARE\): must be between 0 and 1[\s\S]*AISLE_RERANK_CANDIDATES/);
  });
});
