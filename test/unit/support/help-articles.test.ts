import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFaqFile } from '../../../src/support/faq-file.ts';
import { parseHtmlArticle } from '../../../src/support/html-article.ts';
import { parseMarkdownArticle } from '../../../src/support/markdown-article.ts';
import { readHelpSource } from '../../../src/support/help-sources.ts';

const ARTICLE = `---
title: Returns policy
url: https://shop.example/help/returns
---
# Returns policy

Intro line about returns.

## How long do I have?

You have **30 days** from delivery. See [our policy](https://x.example) for details.

## How do I start one?

1. Open your orders.
2. Choose **Start a return**.
`;

describe('Markdown articles', () => {
  it('splits passages under their headings, keeps the front matter\'s title and url, and reduces markup to words', () => {
    const a = parseMarkdownArticle(ARTICLE, 'returns', 'returns.md', '/help/');
    expect(a).toMatchObject({ id: 'returns', title: 'Returns policy', url: 'https://shop.example/help/returns' });
    expect(a.passages.map((p) => p.heading)).toEqual(['Returns policy', 'How long do I have?', 'How do I start one?']);
    expect(a.passages[1]!.text).toBe('You have 30 days from delivery. See our policy for details.');
    expect(a.passages[2]!.text).toBe('1. Open your orders.\n2. Choose Start a return.');
    expect(a.passages.map((p) => p.id)).toEqual(['returns#1', 'returns#2', 'returns#3']);
  });

  it('takes its id from the file and its url from the base when the front matter gives none', () => {
    const a = parseMarkdownArticle('# Gift cards\n\nThey never expire.\n', 'gift-cards', 'gift-cards.md', '/help/');
    expect(a).toMatchObject({ id: 'gift-cards', url: '/help/gift-cards' });
  });

  it('refuses an article without a title, and a front-matter id that is not a slug, saying how to fix it', () => {
    expect(() => parseMarkdownArticle('Just text.\n', 'x', 'x.md', '/help/')).toThrow(/no title.*# Title/);
    expect(() => parseMarkdownArticle('---\nid: Not A Slug\n---\n# T\n\ntext\n', 'x', 'x.md', '/help/')).toThrow(/try "not-a-slug"/);
  });

  it('changes its hash when its text changes, and only then', () => {
    const a = parseMarkdownArticle(ARTICLE, 'r', 'r.md', '/help/');
    expect(parseMarkdownArticle(ARTICLE, 'r', 'r.md', '/help/').hash).toBe(a.hash);
    expect(parseMarkdownArticle(ARTICLE.replace('30 days', '60 days'), 'r', 'r.md', '/help/').hash).not.toBe(a.hash);
  });
});

describe('HTML articles', () => {
  it('reads the title from <h1>, sections from <h2>, the canonical url, and drops scripts', () => {
    const html = `<html><head><title>Shop | Shipping</title><link rel="canonical" href="https://shop.example/help/shipping"></head>
      <body><nav>Menu</nav><main><h1>Shipping &amp; delivery</h1><script>alert(1)</script>
      <h2>How much is shipping?</h2><p>Standard shipping is $6.95.</p><p>It is free from $75.</p></main></body></html>`;
    const a = parseHtmlArticle(html, 'shipping', 'shipping.html', '/help/');
    expect(a).toMatchObject({ title: 'Shipping & delivery', url: 'https://shop.example/help/shipping' });
    expect(a.passages).toHaveLength(1);
    expect(a.passages[0]).toMatchObject({ heading: 'How much is shipping?', text: 'Standard shipping is $6.95.\nIt is free from $75.' });
  });
});

describe('FAQ files', () => {
  it('makes one cited article per question, and reports bad rows with their line while keeping the rest', () => {
    const csv = 'question,answer,url\n"Do you ship abroad?","Yes, to 40 countries.",/help/international\n"No answer here",,\nDo gift cards expire?,"No, never."\n';
    const read = readFaqFile(csv, 'csv', 'faq.csv', '/help/');
    expect(read.articles.map((a) => [a.title, a.url])).toEqual([['Do you ship abroad?', '/help/international'], ['Do gift cards expire?', '/help/faq#do-gift-cards-expire']]);
    expect(read.problems).toEqual([expect.stringMatching(/faq\.csv line 3: needs both a question and an answer/)]);
  });

  it('reads JSON, and refuses a file without the columns or not JSON with the shape to use', () => {
    expect(readFaqFile('[{"question":"Q?","answer":"A."}]', 'json', 'f.json', '/help/').articles).toHaveLength(1);
    expect(() => readFaqFile('q,a\nx,y\n', 'csv', 'f.csv', '/help/')).toThrow(/"question" and an "answer" column/);
    expect(() => readFaqFile('{oops', 'json', 'f.json', '/help/')).toThrow(/not JSON.*"question", "answer"/);
  });
});

describe('help-centre sources', () => {
  function folder(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-help-src-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'returns.md'), ARTICLE);
    writeFileSync(path.join(dir, 'sub', 'gift-cards.md'), '# Gift cards\n\nThey never expire.\n');
    writeFileSync(path.join(dir, 'README.md'), '# About this folder\n\nNot an article.\n');
    writeFileSync(path.join(dir, 'broken.md'), 'no title here\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'returns.md\nhttps://shop.example/help/x\n');
    return dir;
  }

  it('reads every article below a folder, skips README files, and reports a broken file without losing the others', () => {
    const read = readHelpSource(folder());
    expect(read.articles.map((a) => a.id).sort()).toEqual(['gift-cards', 'returns']);
    expect(read.problems).toEqual([expect.stringMatching(/broken\.md: .*no title/)]);
  });

  it('reads a list of files, refusing web addresses with what to do', () => {
    const read = readHelpSource(path.join(folder(), 'notes.txt'));
    expect(read.articles.map((a) => a.id)).toEqual(['returns']);
    expect(read.problems).toEqual([expect.stringMatching(/web address; Aisle ingests local files only/)]);
  });

  it('reports a listed file that is missing or not an article, and reads the rest', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'list.txt'), 'returns.md\ngone.md\n../../etc/passwd\n');
    const read = readHelpSource(path.join(dir, 'list.txt'));
    expect(read.articles.map((a) => a.id)).toEqual(['returns']);
    expect(read.problems).toEqual([
      expect.stringMatching(/passwd is not an article \(\.md, \.html\) or an FAQ file/),
      expect.stringMatching(/gone\.md cannot be read \(ENOENT\)/),
    ]);
  });

  it('refuses a path that does not exist', () => {
    expect(() => readHelpSource('/nonexistent/help')).toThrow(/does not exist/);
  });
});
