import { describe, expect, it } from 'vitest';
import { stripHtml } from '../../../src/catalog/html.ts';

describe('stripHtml', () => {
  it('removes tags, keeps paragraphs and list items as lines', () => {
    const html = '<p>Deep seats &amp; a <strong>linen</strong> cover.</p>\n<ul><li>Oak frame</li><li>Made in Portugal</li></ul>';
    expect(stripHtml(html)).toBe('Deep seats & a linen cover.\nOak frame\nMade in Portugal');
  });

  it('decodes named and numeric entities and collapses whitespace', () => {
    expect(stripHtml('Caf&eacute;&nbsp;&#8211; 12&#x2009;oz   &quot;mug&quot;<br/>Dishwasher&nbsp;safe')).toBe(
      'Café – 12 oz "mug"\nDishwasher safe',
    );
  });

  it('drops scripts, styles and comments but keeps text that only looks like a tag', () => {
    expect(stripHtml('<style>p{color:red}</style><!-- note --><p>Fits sizes < 10 &gt; 4</p><script>alert(1)</script>')).toBe(
      'Fits sizes < 10 > 4',
    );
  });

  it('leaves plain text alone apart from whitespace', () => {
    expect(stripHtml('  Plain   text\n\n\nsecond line ')).toBe('Plain text\nsecond line');
  });
});
