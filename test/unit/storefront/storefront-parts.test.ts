import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';
import { escapeHtml, html, raw } from '../../../src/storefront/html.ts';
import { productImageSvg, wrap } from '../../../src/storefront/product-image.ts';
import { attributeName, imageSrc, priceText, stockText } from '../../../src/storefront/product-views.ts';
import { createShelf } from '../../../src/storefront/shelf.ts';

function product(id: string, category: string[], more: Partial<StoredProduct> = {}): StoredProduct {
  return { ...emptyProduct(id, `Product ${id}`), category, version: 1, ...more };
}

describe('html', () => {
  it('escapes every interpolated text, keeps built markup, and drops empty values', () => {
    const title = '<script>alert("x")</script> & \'friends\'';
    expect(html`<p title="${title}">${title}</p>`.value)
      .toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</p>');
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>${undefined}${null}${false}${0}`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>0');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('the shelf', () => {
  const shelf = createShelf([
    product('A1', ['Home', 'Lamps']), product('A2', ['Home', 'Lamps']), product('A3', ['Home', 'Rugs']),
    product('B1', ['Garden']), product('C1', []),
  ]);

  it('builds the category tree with counts, departments and children by name', () => {
    expect(shelf.size).toBe(5);
    expect(shelf.departments.map((d) => [d.name, d.count])).toEqual([['Garden', 1], ['Home', 3]]);
    expect(shelf.departments[1]!.children.map((c) => [c.path.join('/'), c.count])).toEqual([['Home/Lamps', 2], ['Home/Rugs', 1]]);
  });

  it('lists a category or the whole catalog in pages, clamping the page; an unknown path is undefined', () => {
    expect(shelf.list(['Home'], 1, 2)).toMatchObject({ page: 1, pages: 2, total: 3, category: { name: 'Home' } });
    expect(shelf.list(['Home'], 9, 2)!.products.map((p) => p.id)).toEqual(['A3']);
    expect(shelf.list([], 0, 10)!.products.map((p) => p.id)).toEqual(['A1', 'A2', 'A3', 'B1', 'C1']);
    expect(shelf.list(['Home', 'Sofas'], 1, 10)).toBeUndefined();
    expect(shelf.product('B1')!.category).toEqual(['Garden']);
    expect(createShelf([]).list([], 1, 24)).toMatchObject({ total: 0, pages: 1, products: [] });
  });
});

describe('product pictures and facts', () => {
  it('draws the same small SVG for the same product, coloured and shaped by it, with its text escaped', () => {
    const sofa = product('S1', ['Furniture', 'Sofas'], { title: 'Big <b>Sofa</b> & more', colors: ['navy blue'] });
    const svg = productImageSvg(sofa);
    expect(productImageSvg(sofa)).toBe(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('#3a6fc4'); // "navy blue": the last colour word known, blue
    expect(svg).toContain('SOFAS');
    expect(svg).toContain('Big &lt;b&gt;Sofa&lt;/b&gt; &amp; more');
    expect(svg).not.toContain('<b>');
    expect(productImageSvg({ ...sofa, id: 'S2' })).not.toBe(svg);
  });

  it('wraps a title into at most three lines, ending in an ellipsis when cut', () => {
    expect(wrap('one two three', 8, 3)).toEqual(['one two', 'three']);
    expect(wrap('aaaa bbbb cccc dddd', 4, 2)).toEqual(['aaaa', 'bbb…']);
    expect(wrap('x'.repeat(30), 10, 3)).toEqual(['x'.repeat(10)]);
  });

  it("uses a catalog's http(s) and same-site pictures as given, and draws one for anything else", () => {
    expect(imageSrc(product('P', [], { imageUrl: 'https://cdn.example.com/p.jpg' }))).toBe('https://cdn.example.com/p.jpg');
    expect(imageSrc(product('P', [], { imageUrl: '/images/P.svg' }))).toBe('/images/P.svg');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/p.png', '/\\evil.example/p.png', '/\n/evil.example/p.png', undefined]) {
      expect(imageSrc(product('a/b c', [], { imageUrl: bad }))).toBe('/images/a%2Fb%20c.svg');
    }
  });

  it('says prices, stock and attribute names in words', () => {
    expect(priceText(1299, 'USD')).toBe('$1,299.00');
    expect(priceText(5, 'EUR')).toBe('€5.00');
    expect(priceText(5, 'XX1')).toBe('5.00 XX1');
    expect(priceText(undefined, 'USD')).toBe('Price on request');
    expect(stockText({ availability: 'in_stock', stock: 3 })).toBe('Only 3 left');
    expect(stockText({ availability: 'in_stock', stock: 300 })).toBe('In stock');
    expect(stockText({ availability: 'out_of_stock' })).toBe('Out of stock');
    expect(stockText({ availability: 'unknown' })).toBe('');
    expect(attributeName('weight_capacity')).toBe('Weight capacity');
    expect(attributeName('ageRange')).toBe('Age range');
  });
});

describe('AISLE_STOREFRONT', () => {
  it('is on unless turned off, and anything but on or off is refused with the rest of the configuration', () => {
    const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { home: '/tmp/aisle-storefront-config' }, process.cwd(), process.cwd());
    expect(load({}).storefront).toBe('on');
    expect(load({ AISLE_STOREFRONT: 'off' }).storefront).toBe('off');
    expect(() => load({ AISLE_STOREFRONT: 'maybe' })).toThrow(/storefront \(AISLE_STOREFRONT\): must be on or off/);
  });
});
