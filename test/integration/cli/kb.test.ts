import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

function setUp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-kb-'));
  const articles = path.join(dir, 'help');
  mkdirSync(articles);
  writeFileSync(path.join(articles, 'returns.md'), '# Returns\n\n## How long do I have?\n\nYou have 30 days from delivery to return an item.\n');
  writeFileSync(path.join(articles, 'faq.csv'), 'question,answer\nDo gift cards expire?,Gift cards never expire.\n');
  writeFileSync(path.join(articles, 'broken.md'), 'no title\n');
  return { home: path.join(dir, 'home'), articles, model: ['--model', TINY_MODEL_DIR] };
}

describe('aisle kb', () => {
  it('ingests, reports a broken file (exit 1) while keeping the rest, then lists and searches', async () => {
    const { home, articles, model } = setUp();
    const ingest = await runCli(['kb', 'ingest', articles, '--home', home, ...model]);
    expect(ingest.code).toBe(1);
    expect(ingest.stdout).toMatch(/2 added, 0 changed, 0 unchanged, 0 removed, 2 passages embedded/);
    expect(ingest.stdout).toMatch(/skipped: .*broken\.md: .*no title/);
    const again = await runCli(['kb', 'ingest', articles, '--home', home, '--json', ...model]);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: ['faq-do-gift-cards-expire', 'returns'], passagesEmbedded: 0 });
    const list = await runCli(['kb', 'list', '--home', home, '--json', ...model]);
    expect(JSON.parse(list.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['faq-do-gift-cards-expire', 'returns']);
    const search = await runCli(['kb', 'search', 'when', 'do', 'gift', 'cards', 'expire', '--home', home, '--json', '--model', 'none']);
    expect(JSON.parse(search.stdout).hits[0]).toMatchObject({ article: { id: 'faq-do-gift-cards-expire' }, text: 'Gift cards never expire.' });
  });

  it('says what to do for a missing help centre, an unknown action and an unknown article', async () => {
    const { home, model } = setUp();
    expect((await runCli(['kb', 'search', 'refunds', '--home', home, ...model])).stderr).toMatch(/No help centre .*aisle kb ingest PATH first/);
    const bad = await runCli(['kb', 'fly', '--home', home, ...model]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: aisle kb ingest PATH \| aisle kb list/);
    const remove = await runCli(['kb', 'remove', 'nope', '--home', home, ...model]);
    expect(remove).toMatchObject({ code: 1, stdout: expect.stringMatching(/not found: nope/) });
  });

  it('changes nothing when no article can be read', async () => {
    const { home, articles, model } = setUp();
    const empty = path.join(articles, 'empty');
    mkdirSync(empty);
    const r = await runCli(['kb', 'ingest', empty, '--home', home, ...model]);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/no article could be read .*nothing was changed/) });
  });
});
