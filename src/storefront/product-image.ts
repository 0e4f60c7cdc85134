import { createHash } from 'node:crypto';
import type { Product } from '../domain.ts';
import { escapeHtml } from './html.ts';

/** What a product's generated picture shows, drawn as SVG here and as PNG by product-image-png.ts. */
export interface PictureDesign {
  /** Background and accent circle hue, degrees. */
  hue: number;
  accent: { cx: number; cy: number; r: number };
  shape: Shape;
  /** CSS colour: `#rrggbb` or `hsl(H S% L%)`. */
  fill: string;
  /** Rotation of the shape about (200, 150), degrees. */
  tilt: number;
}

/** The design of a product's picture on a 400×400 canvas: the department picks the shape, the product's first colour fills it. */
export function pictureDesign(product: Product): PictureDesign {
  const seed = digest(product.id);
  const department = product.category[0] ?? '';
  return {
    hue: Math.round(digest(department || product.title)[0]! * 360 / 256),
    accent: { cx: 300 + seed[2]! % 60, cy: 50 + seed[3]! % 60, r: 70 + seed[4]! % 40 },
    shape: SHAPES[digest(department)[1]! % SHAPES.length]!,
    fill: colourOf(product.colors[0]) ?? `hsl(${Math.round(seed[1]! * 360 / 256)} 45% 55%)`,
    tilt: (seed[5]! % 21) - 10,
  };
}

/**
 * A product picture drawn from the product itself, for catalogs without photos (the demo store writes
 * `/images/<id>.svg`): the same product always gives the same SVG, its design with the category and title under it.
 */
export function productImageSvg(product: Product): string {
  const design = pictureDesign(product);
  const lines = wrap(product.title, 26, 3);
  const leaf = product.category[product.category.length - 1] ?? '';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img"',
    ` aria-label="${escapeHtml(product.title)}">`,
    `<rect width="400" height="400" fill="hsl(${design.hue} 40% 92%)"/>`,
    `<circle cx="${design.accent.cx}" cy="${design.accent.cy}" r="${design.accent.r}" fill="hsl(${design.hue} 45% 84%)"/>`,
    shape(design),
    leaf ? `<text x="24" y="290" font-family="system-ui,sans-serif" font-size="15" fill="#555" letter-spacing="1">${escapeHtml(leaf.toUpperCase().slice(0, 40))}</text>` : '',
    ...lines.map((line, i) => `<text x="24" y="${318 + i * 24}" font-family="system-ui,sans-serif" font-size="20" font-weight="600" fill="#222">${escapeHtml(line)}</text>`),
    '</svg>',
  ].join('');
}

export type Shape = 'circle' | 'box' | 'tall' | 'wide' | 'triangle' | 'ring';
const SHAPES: readonly Shape[] = ['circle', 'box', 'tall', 'wide', 'triangle', 'ring'];

function shape({ shape: kind, fill, tilt }: PictureDesign): string {
  const body = {
    circle: '<circle cx="200" cy="150" r="95"/>',
    box: '<rect x="110" y="60" width="180" height="180" rx="22"/>',
    tall: '<rect x="145" y="40" width="110" height="210" rx="40"/>',
    wide: '<rect x="70" y="95" width="260" height="120" rx="30"/>',
    triangle: '<path d="M200 45 L305 245 L95 245 Z"/>',
    ring: '<circle cx="200" cy="150" r="95" fill="none" stroke-width="38"/>',
  }[kind];
  const paint = kind === 'ring' ? `stroke="${fill}"` : `fill="${fill}"`;
  return `<g ${paint} stroke-opacity="0.95" transform="rotate(${tilt} 200 150)">${body}</g>`;
}

/** Greedy word wrap; the last line ends in "…" when the text does not fit. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) line = next.slice(0, width);
    else {
      lines.push(line);
      line = word.slice(0, width);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

/** CSS colours for the colour words catalogs use; the last known word of a name wins ("sky blue" → blue). */
const COLOURS: Record<string, string> = {
  black: '#222', white: '#f4f4f0', gray: '#8a8d91', grey: '#8a8d91', graphite: '#4a4d52', charcoal: '#3b3e42', silver: '#b8bcc2',
  red: '#c8372d', burgundy: '#7a1f2b', berry: '#8e2a52', rust: '#b5522b', terracotta: '#c46a4a', coral: '#ef7d67', orange: '#e8812f',
  peach: '#f4b48c', amber: '#e0a020', mustard: '#d4a62a', yellow: '#f0cf3a', gold: '#c9a23a', honey: '#d9a446', brass: '#b59a4a',
  bronze: '#94673a', copper: '#b8733d', green: '#3f8f4f', olive: '#6b7436', sage: '#9caf88', emerald: '#1f8a5b', lime: '#9acd32',
  teal: '#2a8a8a', blue: '#3a6fc4', navy: '#22345e', cobalt: '#2f4fb0', indigo: '#3f3f8f', purple: '#7446a8', plum: '#6e3a63',
  lavender: '#b4a4d8', pink: '#e68aa8', blush: '#e8b4b0', rose: '#d98a9a', brown: '#6e4a30', chocolate: '#4e3224', espresso: '#3b2a20',
  walnut: '#5e4230', cognac: '#9a4e22', camel: '#c19a6b', tan: '#c9a77c', khaki: '#b5a77a', sand: '#d8c8a4', beige: '#e0d4b8',
  taupe: '#8b7d6b', oak: '#c9a66b', natural: '#dccba4', cream: '#f1e8d0', ivory: '#f3eedd', ecru: '#e6dcc0', oatmeal: '#ddd2bb',
  champagne: '#e9d8b4', nude: '#dcb9a0', kraft: '#b89466', chrome: '#c0c4c8', nickel: '#a8a49a', stainless: '#b4b8bb',
};

function colourOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = name.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const hex = COLOURS[words[i]!];
    if (hex) return hex;
  }
  return undefined;
}

function digest(text: string): Uint8Array {
  return createHash('sha256').update(text).digest();
}
