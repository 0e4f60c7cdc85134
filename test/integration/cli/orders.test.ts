import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOrderStore } from '../../../src/storage/open-order-store.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const CSV = [
  'Name,Email,Financial Status,Fulfillment Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Zip',
  '#5001,ana@example.com,paid,fulfilled,2026-11-01 10:00:00 -0500,1,Stoneware mug,18.00,MUG-1,43215',
  '#5001,,,,,2,Linen napkin,6.50,NAP-2,',
  '#5002,ben@example.com,paid,unfulfilled,2026-11-02 10:00:00 -0500,one,Dino hoodie,25.00,HOOD-3,94110',
].join('\n');

describe('aisle orders', () => {
  const homes: string[] = [];
  const { newSchema, dropAll } = testSchemas();
  afterAll(async () => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
    await dropAll();
  });

  for (const backend of ['SQLite', 'PostgreSQL'] as const) {
    it(`imports a Shopify export into ${backend}, reporting the bad row by line, and shows an order with its audit log`, async () => {
      const home = tempHome();
      homes.push(home);
      const db = backend === 'SQLite' ? [] : ['--db', `${TEST_PG_URL}?schema=${newSchema()}`];
      const file = path.join(home, 'orders_export.csv');
      writeFileSync(file, CSV);
      const imported = await runCli(['orders', 'import', file, '--home', home, ...db]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain(`Imported ${file}: 1 orders (1 new, 0 updated), 1 rows rejected.`);
      expect(imported.stdout).toContain('line 4: quantity "one" is not a whole number of at least 1; order 5002 not imported (line 4)');
      const again = JSON.parse((await runCli(['orders', 'import', file, '--json', '--home', home, ...db])).stdout);
      expect(again).toMatchObject({ accepted: 1, inserted: 0, updated: 1, rejected: [{ line: 4 }] });

      const shown = await runCli(['orders', 'show', '#5001', '--home', home, ...db]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/^Order 5001: shipped; ana@example\.com, 43215/);
      expect(shown.stdout).toContain('2 × Linen napkin [NAP-2] at 6.50 USD');
      expect(shown.stdout).toMatch(/Audit log \(newest first\):\n\s+\S+ cli: lookup ok\n$/);
      const missing = await runCli(['orders', 'show', '5002', '--home', home, ...db]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No order 5002: check the number, or import the orders with `aisle orders import FILE`.');
    });
  }

  it('imports an order marked delivered without a delivery date with a warning in the summary', async () => {
    const home = tempHome();
    homes.push(home);
    const file = path.join(home, 'delivered.csv');
    writeFileSync(file, 'number,email,status,placed at,shipped at,title,qty,price\n7001,ana@example.com,delivered,2026-11-01T10:00:00Z,2026-11-03T10:00:00Z,Socks,1,10\n');
    const imported = await runCli(['orders', 'import', file, '--home', home]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('1 orders imported with a warning:\n  line 2: order 7001 is delivered but has no delivery date; its return window counts from its shipping date, 2026-11-03');
    expect((await runCli(['orders', 'show', '7001', '--home', home])).stdout).toContain('delivered 2026-11-03T10:00:00.000Z');
  });

  it('refuses a file with no valid order, storing nothing, and explains bad usage', async () => {
    const home = tempHome();
    homes.push(home);
    const file = path.join(home, 'bad.jsonl');
    writeFileSync(file, '{"number":"1"}\nnot json\n');
    const refused = await runCli(['orders', 'import', file, '--home', home]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/line 1: order 1 is not valid: email: .*\n.*line 2: not a JSON object/);
    expect(refused.stderr).toContain('no order could be read (2 rows refused); nothing was stored.');
    const store = await openOrderStore('', home);
    expect(await store.auditTrail({})).toEqual([]);
    await store.close();
    const usage = await runCli(['orders', 'import', '--home', home]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('aisle orders import FILE');
  });
});
