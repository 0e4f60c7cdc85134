import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrderDesk } from '../../../src/orders/order-desk.ts';
import { openOrderStore } from '../../../src/storage/open-order-store.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

// Aisle's own columns: 6001 not yet shipped (can be cancelled in chat), 6002 delivered (can go back).
const FILE = [
  'number,email,postcode,status,placed at,delivered at,title,qty,price,sku',
  '6001,ana@example.com,43215,processing,2026-11-20T10:00:00Z,,Stoneware mug,1,18.00,MUG-1',
  '6002,ana@example.com,43215,delivered,2026-11-10T10:00:00Z,2026-11-15T10:00:00Z,"Trail runner, size 9",1,90.00,TR-9',
].join('\n');

describe('orders changed in chat survive a re-import, and the store can read them back', () => {
  const homes: string[] = [];
  const { newSchema, dropAll } = testSchemas();
  afterAll(async () => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
    await dropAll();
  });

  for (const backend of ['SQLite', 'PostgreSQL'] as const) {
    it(`keeps a cancellation made in chat when the file is imported again, says so, and exports it (${backend})`, async () => {
      const home = tempHome();
      homes.push(home);
      const db = backend === 'SQLite' ? [] : ['--db', `${TEST_PG_URL}?schema=${newSchema()}`];
      const file = path.join(home, 'orders.csv');
      writeFileSync(file, FILE);
      expect((await runCli(['orders', 'import', file, '--home', home, ...db])).code).toBe(0);

      const store = await openOrderStore(db[1] ?? '', home);
      try {
        const desk = createOrderDesk(store);
        const shopper = { user: 'anon:ana', conversation: 'c-ana', channel: 'widget' };
        await desk.verify(shopper, '6001', '43215');
        expect((await desk.cancel(shopper, '6001')).kind).toBe('done');
        await desk.verify(shopper, '6002', 'ana@example.com');
        expect((await desk.startReturn(shopper, '6002', [0], 'Too small')).kind).toBe('done');
      } finally {
        await store.close();
      }

      const again = await runCli(['orders', 'import', file, '--home', home, ...db]);
      expect(again.stdout).toContain('Imported');
      expect(again.stdout).toContain('1 orders kept the status Aisle set in chat');
      const json = JSON.parse((await runCli(['orders', 'import', file, '--json', '--home', home, ...db])).stdout);
      expect(json).toMatchObject({ updated: 2, kept: 1 });
      expect((await runCli(['orders', 'show', '6001', '--home', home, ...db])).stdout).toMatch(/^Order 6001: cancelled/);

      const exported = await runCli(['orders', 'export-changes', '--since', '2026-01-01', '--home', home, ...db]);
      expect(exported.code, exported.stderr).toBe(0);
      const lines = exported.stdout.trim().split('\n');
      expect(lines[0]).toBe('at,order,change,rma,items,reason');
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/^\S+Z,6001,cancelled,,,$/),
        expect.stringMatching(/^\S+Z,6002,return,RMA-6002-1,"1 × Trail runner, size 9 \[TR-9\]",Too small$/),
      ]);
      const later = await runCli(['orders', 'export-changes', '--since', '2999-01-01', '--json', '--home', home, ...db]);
      expect(JSON.parse(later.stdout)).toEqual({ since: '2999-01-01T00:00:00.000Z', changes: [] });
      const bad = await runCli(['orders', 'export-changes', '--since', 'yesterday-ish', '--home', home, ...db]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--since "yesterday-ish" is not a date or time');
    });
  }
});
