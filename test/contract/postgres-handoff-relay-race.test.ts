import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openHandoffStore } from '../../src/handoff/open-handoff-store.ts';
import { TEST_PG_URL, testSchemas } from '../support/test-postgres.ts';

const { newSchema, dropAll } = testSchemas();
afterAll(dropAll);

// PostgreSQL reads a snapshot: without a row lock, a shopper's message would be appended to a handoff whose resolve
// was committing at that very moment. SQLite has one writer at a time, so only PostgreSQL needs this check.
describe('PostgreSQL: a relayed message racing a resolve in flight', () => {
  it('waits for the resolve, sees the handoff closed, and appends nothing', async () => {
    const schema = newSchema();
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('schema', schema);
    const store = await openHandoffStore(url.toString(), '/nonexistent');
    const agent = new pg.Client({ connectionString: TEST_PG_URL });
    await agent.connect();
    try {
      const { handoff } = await store.queue.open({ conversation: 'c1', user: 'anon:s1', channel: 'widget', reason: 'requested',
        summary: 's', headline: 'h', context: { shown: [], cart: [] } });
      await agent.query('BEGIN');
      await agent.query(`UPDATE "${schema}".handoffs SET status = 'resolved' WHERE id = $1`, [handoff.id]);
      const relayed = store.queue.relayShopper(handoff.id, 'one more thing');
      await new Promise((r) => setTimeout(r, 200)); // the append is now blocked on the resolve's row lock (or, unfixed, done)
      await agent.query('COMMIT');
      expect(await relayed).toBeUndefined();
      expect(await store.queue.messages(handoff.id)).toEqual([]);
    } finally {
      await agent.end();
      await store.close();
    }
  });
});
