import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/cli/main.ts';
import { openCatalogStore } from '../../../src/storage/open-catalog-store.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TEST_PG_URL } from '../../support/test-postgres.ts';

const COMMANDS = await loadCommands();

/** What a new user meets first: --version, help everywhere, typos, configuration, .env, --json and read-only commands. */
describe('aisle CLI conventions', () => {
  const scratch = tempHome();
  const home = path.join(scratch, 'shop');
  const lexical = ['--model', 'none'];

  beforeAll(async () => {
    const demo = await runCli(['demo', '--products', '100', '--home', home, ...lexical, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints the package version for --version and -v', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `aisle ${version}\n` });
  });

  it('answers -h and --help for every command, before reading any setting', async () => {
    for (const command of COMMANDS) {
      for (const flag of ['-h', '--help']) {
        const r = await runCli([command.name, 'some-arg', flag], { AISLE_MODEL: 'nope' });
        expect(r.code, `${command.name} ${flag}: ${r.stderr}`).toBe(0);
        expect(r.stdout).toContain(`aisle ${command.name}`);
        expect(r.stdout).toContain('-h, --help');
      }
    }
  });

  it('answers typos with the closest command or option, exit 2', async () => {
    const command = await runCli(['serch', 'sofa']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Unknown command "serch"\. Did you mean search\?/);
    const option = await runCli(['search', 'sofa', '--kk', '5']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^aisle: Unknown option --kk .*Did you mean --k\? Run `aisle help search`\.\n$/);
    expect((await runCli(['index', '--ful'])).stderr).toContain('Did you mean --full?');
    expect((await runCli(['--verison'])).stderr).toContain('Did you mean --version?');
    const oneLetter = await runCli(['search', 'sofa', '--x', '5']);
    expect(oneLetter).toMatchObject({ code: 2, stderr: expect.not.stringContaining('Did you mean') });
    const missing = await runCli(['search', 'sofa', '--k']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('--k needs a value') });
  });

  it('treats an Object.prototype name before the command as an unknown option, not a misplaced global one', async () => {
    for (const name of ['--constructor', '--toString', '--__proto__', '--hasOwnProperty']) {
      const r = await runCli([name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`Unknown option ${name}.`);
      expect(r.stderr, name).not.toContain('goes after the command');
    }
    expect((await runCli(['--home'])).stderr).toContain('--home goes after the command');
  });

  it('reports every configuration problem at once, a missing model among them, exit 2', async () => {
    const r = await runCli(['search', 'sofa', '--home', home, '--device', 'gpu'], { AISLE_MODEL: 'nope', AISLE_BATCH_SIZE: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aisle: Invalid configuration:/);
    expect(r.stderr).toMatch(/device \(--device or AISLE_DEVICE\)/);
    expect(r.stderr).toMatch(/batchSize \(--batch-size or AISLE_BATCH_SIZE\)/);
    expect(r.stderr).toMatch(/model \(--model or AISLE_MODEL\): Model "nope" is neither a directory/);
    const chat = await runCli(['chat', '--home', home, '--intent-model', 'nope', '--model', path.join(scratch, 'no-model')]);
    expect(chat.code).toBe(2);
    expect(chat.stderr).toMatch(/model \(--model or AISLE_MODEL\)[\s\S]*intentModel \(--intent-model or AISLE_INTENT_MODEL\): Intent model "nope"/);
  });

  it('reads ./.env: the real environment wins over it, flags win over both', async () => {
    const project = path.join(scratch, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, '.env'), `# settings for this checkout\nAISLE_HOME=${home}\nexport AISLE_MODEL="none"\n`);
    const fromFile = await runCli(['search', 'lamp', '--json'], {}, '', project);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout).mode).toBe('lexical');

    const elsewhere = path.join(scratch, 'elsewhere');
    const envWins = await runCli(['search', 'lamp'], { AISLE_HOME: elsewhere }, '', project);
    expect(envWins.stderr).toContain(`No catalog at ${path.join(elsewhere, 'catalog.db')}`);
    const flagWins = await runCli(['search', 'lamp', '--home', home], { AISLE_HOME: elsewhere }, '', project);
    expect(flagWins.code, flagWins.stderr).toBe(0);

    writeFileSync(path.join(project, '.env'), `AISLE_HOME=${home}\nthis is not a setting\n`);
    const broken = await runCli(['search', 'lamp'], { AISLE_BATCH_SIZE: 'many' }, '', project);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/\.env line 2: expected NAME=value[\s\S]*batchSize/);
  });

  it('prints one JSON summary on stdout for demo, ingest and index --json, progress on stderr', async () => {
    const other = path.join(scratch, 'json-shop');
    const demo = await runCli(['demo', '--products', '100', '--home', other, ...lexical, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ products: 100, catalogVersion: 1, index: { kind: 'full', productCount: 100, embedder: null } });
    expect(demo.stderr).toContain('Generating 100 demo products');

    const csv = path.join(scratch, 'extra.csv');
    writeFileSync(csv, 'id,title,price\nX1,Moonlit velvet armchair,349\nX2,,10\n');
    const ingest = await runCli(['ingest', csv, '--home', other, '--json']);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ accepted: 1, rejected: [{ line: 3 }], stored: { inserted: 1, version: 2 }, report: expect.any(String) });

    const index = await runCli(['index', '--home', other, ...lexical, '--json']);
    expect(index.code, index.stderr).toBe(0);
    expect(JSON.parse(index.stdout)).toMatchObject({ kind: expect.any(String), buildId: expect.any(String), catalogVersion: 2, productCount: 101 });
  });

  it('refuses ingest --force without --replace, changing nothing', async () => {
    const csv = path.join(scratch, 'force.csv');
    writeFileSync(csv, 'id,title,price\nF1,Forced footstool,49\n');
    const r = await runCli(['ingest', csv, '--home', home, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force only applies with --replace');
    const found = await runCli(['search', 'forced footstool', '--home', home, ...lexical, '--json']);
    expect(JSON.parse(found.stdout).results.map((h: { id: string }) => h.id)).not.toContain('F1');
  });

  it('search, index and chat on a home without a catalog say so and create nothing', async () => {
    const missing = path.join(scratch, 'typo-home');
    for (const command of [['search', 'sofa'], ['index'], ['chat']]) {
      const r = await runCli([...command, '--home', missing, ...lexical]);
      expect(r.code, command[0]).toBe(1);
      expect(r.stderr).toContain('No catalog at');
      expect(r.stderr).toContain('run `aisle demo` or `aisle ingest FILE` first');
      expect(existsSync(missing), `${command[0]} created ${missing}`).toBe(false);
    }
  });

  it('a search in a mistyped PostgreSQL schema creates no schema', async () => {
    const schema = `aisle_test_${randomBytes(4).toString('hex')}_typo`;
    const r = await runCli(['search', 'sofa', '--home', scratch, '--db', `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`, ...lexical]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`No catalog in PostgreSQL schema "${schema}"`);
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount).toBe(0);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('index refuses an empty catalog instead of building an index of nothing', async () => {
    const empty = path.join(scratch, 'empty-shop');
    await (await openCatalogStore('', empty)).close();
    const r = await runCli(['index', '--home', empty, ...lexical]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The catalog is empty: ingest a file first');
    expect(existsSync(path.join(empty, 'indexes'))).toBe(false);
  });
});
