import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_CENTRE_FILE } from '../../../src/support/help-centre-file.ts';
import { copyChatHome, ensureChatHome, openTestChat } from '../../support/chat-home.ts';
import { runCli } from '../../support/run-cli.ts';

const QUESTION = 'Do you offer gift wrapping?';
const ANSWER = 'Yes. Choose gift wrapping at checkout: it costs $5 per order and comes with a handwritten card.';

/** A group of unanswered questions becomes an FAQ entry, and the next shopper who asks is answered from it. */
describe('aisle kb add-faq', () => {
  let home: string;
  beforeAll(async () => {
    await ensureChatHome();
    home = copyChatHome();
  }, 120_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('adds the entry embedded at once; the same question asked next is answered from it, cited', async () => {
    const before = await openTestChat(home);
    const unanswered = await before.engine.handle({ conversation: 'g1', user: 'anon:a', channel: 'widget', text: 'do you do gift wrapping?' });
    expect(unanswered.replies[0]!.citations).toBeUndefined();
    await before.close(true);

    const added = await runCli(['kb', 'add-faq', '--question', QUESTION, '--answer', ANSWER, '--home', home, '--json']);
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toEqual({ id: 'faq-do-you-offer-gift-wrapping', url: '/help/faq#do-you-offer-gift-wrapping', replaced: false });
    const stored = JSON.parse(readFileSync(path.join(home, HELP_CENTRE_FILE), 'utf8')) as { articles: { id: string; vectors?: string[] }[] };
    expect(stored.articles.find((a) => a.id === 'faq-do-you-offer-gift-wrapping')?.vectors).toHaveLength(1);

    const after = await openTestChat(home);
    try {
      const answered = await after.engine.handle({ conversation: 'g2', user: 'anon:b', channel: 'widget', text: 'do you do gift wrapping?' });
      expect(answered.replies[0]!.text).toContain('$5 per order');
      expect(answered.replies[0]!.citations).toEqual([{ title: QUESTION, url: '/help/faq#do-you-offer-gift-wrapping' }]);
    } finally {
      await after.close(true);
    }
  }, 120_000);

  it('replaces the answer of the same question, and keeps added entries when the help centre is ingested again', async () => {
    const again = await runCli(['kb', 'add-faq', '--question', ` ${QUESTION} `, '--answer', 'Yes, for $4.', '--url', 'https://shop.example/gifts', '--home', home]);
    expect(again.stdout).toMatch(/^Replaced FAQ faq-do-you-offer-gift-wrapping \(https:\/\/shop\.example\/gifts\)/);
    expect((await runCli(['kb', 'ingest', 'demo/help-centre', '--home', home, '--json'])).code).toBe(0);
    const list = JSON.parse((await runCli(['kb', 'list', '--home', home, '--json'])).stdout) as { articles: { id: string; url: string }[] };
    expect(list.articles.filter((a) => a.id === 'faq-do-you-offer-gift-wrapping')).toEqual([expect.objectContaining({ url: 'https://shop.example/gifts' })]);
  }, 120_000);

  it('refuses an entry without a question or answer, a bad URL, or a question another source answers, changing nothing', async () => {
    const before = readFileSync(path.join(home, HELP_CENTRE_FILE), 'utf8');
    expect(await runCli(['kb', 'add-faq', '--answer', 'x', '--home', home])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs both --question .* and --answer/) });
    expect(await runCli(['kb', 'add-faq', '--question', 'q?', '--answer', 'a', '--url', 'javascript:alert(1)', '--home', home]))
      .toMatchObject({ code: 2, stderr: expect.stringMatching(/--url must be an http\(s\) address or a path/) });
    const demoFaq = JSON.parse(before).articles.find((a: { id: string; source: string }) => a.id.startsWith('faq-') && !a.source.startsWith('aisle:')) as { title: string };
    expect(await runCli(['kb', 'add-faq', '--question', demoFaq.title, '--answer', 'other', '--home', home]))
      .toMatchObject({ code: 2, stderr: expect.stringMatching(/already answers .* change the answer there/) });
    expect(readFileSync(path.join(home, HELP_CENTRE_FILE), 'utf8')).toBe(before);
  });
});
