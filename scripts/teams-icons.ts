import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng } from '../src/storefront/png.ts';

/**
 * The Teams app package's two icons (deploy/teams/): color.png, 192×192, a white shopping bag on Aisle's blue, and
 * outline.png, 32×32, the same bag in white on transparent, as Teams asks. Drawn here without an image library;
 * run `npx tsx scripts/teams-icons.ts` to write them again (the test checks the committed files are these).
 */
export const TEAMS_ICON_COLOUR = '#3a6fc4';

export function teamsIcons(): { color: Buffer; outline: Buffer } {
  return { color: drawIcon(192, [0x3a, 0x6f, 0xc4]), outline: drawIcon(32, undefined) };
}

/** The bag at `side` pixels, on `background` (opaque) or on transparent; 4×4 samples a pixel for smooth edges. */
function drawIcon(side: number, background: [number, number, number] | undefined): Buffer {
  const rgba = new Uint8Array(side * side * 4);
  const n = 4;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let covered = 0;
      for (let i = 0; i < n * n; i++) covered += inBag((x + ((i % n) + 0.5) / n) / side, (y + (Math.floor(i / n) + 0.5) / n) / side, background !== undefined) ? 1 : 0;
      const cover = covered / (n * n);
      const at = (y * side + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(background[c]! + (255 - background[c]!) * cover);
        rgba[at + 3] = 255;
      } else {
        rgba.fill(255, at, at + 3);
        rgba[at + 3] = Math.round(255 * cover);
      }
    }
  }
  return encodePng({ width: side, height: side, rgba });
}

/** A shopping bag on the unit square: a body wider at the foot than at the mouth, and a thin handle; padded on the colour icon, edge to edge on the outline. */
function inBag(u: number, v: number, padded: boolean): boolean {
  const scale = padded ? 0.62 : 0.94;
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;
  const [top, bottom] = [0.36, 0.95];
  const half = 0.3 + ((y - top) / (bottom - top)) * 0.12;
  const body = y >= top && y <= bottom && Math.abs(x - 0.5) <= half;
  const r = Math.hypot(x - 0.5, y - top);
  const handle = y <= top && r >= 0.13 && r <= 0.19;
  return body || handle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy/teams');
  const icons = teamsIcons();
  writeFileSync(path.join(dir, 'color.png'), icons.color);
  writeFileSync(path.join(dir, 'outline.png'), icons.outline);
  console.log(`wrote ${dir}/color.png (${icons.color.length} bytes) and outline.png (${icons.outline.length} bytes)`);
}
