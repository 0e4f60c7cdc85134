import type { Product } from '../domain.ts';
import { encodePng } from './png.ts';
import { pictureDesign, type PictureDesign, type Shape } from './product-image.ts';

/** Side of the PNG in pixels: Teams shows card pictures up to 1024×1024; the design is drawn on 400×400. */
export const PNG_SIDE = 400;

type Rgb = [number, number, number];

/**
 * The product's generated picture as a PNG, for clients that cannot show SVG (Teams refuses SVG in cards with 415;
 * Slack draws PNG, JPEG and GIF only). Same design as the SVG, without the words: a card prints the title beside it.
 */
export function productImagePng(product: Product): Buffer {
  const design = pictureDesign(product);
  const background = hsl(design.hue, 40, 92);
  const accent = hsl(design.hue, 45, 84);
  const fill = parseColour(design.fill);
  const inShape = shapeTest(design);
  const rgba = new Uint8Array(PNG_SIDE * PNG_SIDE * 4);
  for (let y = 0; y < PNG_SIDE; y++) {
    for (let x = 0; x < PNG_SIDE; x++) {
      // 2×2 samples a pixel, so edges are smoothed rather than stair-stepped.
      const sum: Rgb = [0, 0, 0];
      for (const [dx, dy] of SAMPLES) {
        const px = x + dx;
        const py = y + dy;
        const colour = inShape(px, py) ? fill : Math.hypot(px - design.accent.cx, py - design.accent.cy) <= design.accent.r ? accent : background;
        for (let c = 0; c < 3; c++) sum[c]! += colour[c]!;
      }
      const at = (y * PNG_SIDE + x) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(sum[c]! / SAMPLES.length);
      rgba[at + 3] = 255;
    }
  }
  return encodePng({ width: PNG_SIDE, height: PNG_SIDE, rgba });
}

const SAMPLES: readonly [number, number][] = [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]];

/** Whether a point of the 400×400 canvas is inside the design's shape (rotated by `tilt` about (200, 150), as the SVG is). */
function shapeTest(design: PictureDesign): (x: number, y: number) => boolean {
  const turn = (-design.tilt * Math.PI) / 180;
  const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
  const inside = SHAPE_TESTS[design.shape];
  return (x, y) => {
    const [dx, dy] = [x - 200, y - 150];
    return inside(200 + dx * cos - dy * sin, 150 + dx * sin + dy * cos);
  };
}

const SHAPE_TESTS: Record<Shape, (x: number, y: number) => boolean> = {
  circle: (x, y) => Math.hypot(x - 200, y - 150) <= 95,
  box: (x, y) => inRoundedRect(x, y, 110, 60, 180, 180, 22),
  tall: (x, y) => inRoundedRect(x, y, 145, 40, 110, 210, 40),
  wide: (x, y) => inRoundedRect(x, y, 70, 95, 260, 120, 30),
  triangle: (x, y) => y <= 245 && y >= 45 && Math.abs(x - 200) <= ((y - 45) / 200) * 105,
  ring: (x, y) => Math.abs(Math.hypot(x - 200, y - 150) - 95) <= 19,
};

function inRoundedRect(x: number, y: number, left: number, top: number, width: number, height: number, r: number): boolean {
  if (x < left || y < top || x > left + width || y > top + height) return false;
  const cx = Math.min(Math.max(x, left + r), left + width - r);
  const cy = Math.min(Math.max(y, top + r), top + height - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** `#rgb`, `#rrggbb` or `hsl(H S% L%)`, the forms pictureDesign writes; mid grey for anything else. */
export function parseColour(css: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const hslParts = /^hsl\(\s*([\d.]+)\s+([\d.]+)%\s+([\d.]+)%\s*\)$/i.exec(css);
  if (hslParts) return hsl(Number(hslParts[1]), Number(hslParts[2]), Number(hslParts[3]));
  return [128, 128, 128];
}

/** CSS hsl() to RGB bytes. */
function hsl(h: number, s: number, l: number): Rgb {
  const [sat, light] = [s / 100, l / 100];
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number) => light - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255)) as Rgb;
}
