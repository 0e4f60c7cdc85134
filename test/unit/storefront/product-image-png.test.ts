import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../src/domain.ts';
import { encodePng, pngSize } from '../../../src/storefront/png.ts';
import { parseColour, PNG_SIDE, productImagePng } from '../../../src/storefront/product-image-png.ts';

const sofa = {
  id: 'S1', title: 'Harbor Linen Sofa', category: ['Furniture', 'Sofas'], colors: ['navy'], sizes: [], materials: [],
  currency: 'USD', availability: 'in_stock', attributes: {}, variants: [], description: '',
} as unknown as Product;

/** The RGBA pixel at (x, y) of a PNG written by encodePng (filter type 0 on every row). */
function pixel(png: Buffer, x: number, y: number): number[] {
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  const { width } = pngSize(png)!;
  const at = y * (width * 4 + 1) + 1 + x * 4;
  return [...rows.subarray(at, at + 4)];
}

describe('productImagePng', () => {
  it('is a 400×400 PNG, the same for the same product, different for another', () => {
    const png = productImagePng(sofa);
    expect(pngSize(png)).toEqual({ width: PNG_SIDE, height: PNG_SIDE });
    expect(productImagePng(sofa).equals(png)).toBe(true);
    expect(productImagePng({ ...sofa, id: 'S2' }).equals(png)).toBe(false);
    // Flat colours compress well: Teams fetches one per card.
    expect(png.length).toBeLessThan(20_000);
  });

  it("fills the shape with the product's colour on a light background", () => {
    const png = productImagePng(sofa);
    expect(pixel(png, 200, 150)).toEqual([...parseColour('#22345e'), 255]); // navy, in the middle of every shape
    const corner = pixel(png, 2, 398);
    expect(Math.min(...corner.slice(0, 3))).toBeGreaterThan(200);
  });
});

describe('encodePng', () => {
  it('writes what pngSize reads back, and refuses a raster of the wrong length', () => {
    const png = encodePng({ width: 3, height: 2, rgba: new Uint8Array(24).fill(255) });
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect(pixel(png, 2, 1)).toEqual([255, 255, 255, 255]);
    expect(() => encodePng({ width: 3, height: 2, rgba: new Uint8Array(5) })).toThrow(RangeError);
    expect(pngSize(Buffer.from('GIF89a'))).toBeUndefined();
  });
});

describe('parseColour', () => {
  it('reads the hex and hsl() forms the picture design uses', () => {
    expect(parseColour('#fff')).toEqual([255, 255, 255]);
    expect(parseColour('#c8372d')).toEqual([200, 55, 45]);
    expect(parseColour('hsl(0 100% 50%)')).toEqual([255, 0, 0]);
    expect(parseColour('hsl(120 100% 25%)')).toEqual([0, 128, 0]);
  });
});
