import { describe, expect, it } from 'vitest';
import { isHttpUrl, isLocalPath, safeLink } from '../../src/url-safety.ts';

describe('safeLink', () => {
  it('keeps absolute http(s) addresses and paths on this server, trimmed', () => {
    expect(safeLink(' https://cdn.example.com/p.jpg ')).toBe('https://cdn.example.com/p.jpg');
    expect(safeLink('HTTP://cdn.example.com/p.jpg')).toBe('HTTP://cdn.example.com/p.jpg');
    expect(safeLink('/products/sofa-1')).toBe('/products/sofa-1');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/p.png', '/\\evil.example/p.png',
    '/\n/evil.example', '/\t/evil.example', 'https://ok.example/\u0000', 'products/relative', 'ftp://files.example/x', '', '   ', undefined])(
    'drops %j', (url) => {
      expect(safeLink(url)).toBeUndefined();
    });

  it('tells absolute addresses from paths here', () => {
    expect(isHttpUrl('https://x.example')).toBe(true);
    expect(isHttpUrl('/x')).toBe(false);
    expect(isLocalPath('/x')).toBe(true);
    expect(isLocalPath('//x')).toBe(false);
    expect(isLocalPath('/\\x')).toBe(false);
  });
});
