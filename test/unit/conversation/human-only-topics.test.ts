import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { home: '/tmp/aisle-human-only' }, process.cwd(), process.cwd());

describe('AISLE_HUMAN_ONLY_TOPICS', () => {
  it('reads a comma list of customer-service topics, none by default', () => {
    expect(load({}).humanOnlyTopics).toEqual([]);
    expect(load({ AISLE_HUMAN_ONLY_TOPICS: 'complaint, payment_problem' }).humanOnlyTopics).toEqual(['complaint', 'payment_problem']);
  });

  it('refuses a topic that is not a customer-service intent, listing the ones there are', () => {
    expect(() => load({ AISLE_HUMAN_ONLY_TOPICS: 'complaint,product_search' })).toThrow(/AISLE_HUMAN_ONLY_TOPICS.*unknown topic product_search.*order_status/s);
  });
});
