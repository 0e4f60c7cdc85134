import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../../src/storefront/png.ts';
import { teamsIcons } from '../../../scripts/teams-icons.ts';

const DIR = 'deploy/teams';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8'));

/** The RGBA bytes of a PNG written by src/storefront/png.ts (8-bit RGBA, filter 0 on every row). */
function rgbaOf(png: Buffer): Uint8Array {
  const { width, height } = pngSize(png)!;
  const at = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4)));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) out.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  return out;
}

describe('the Teams app package template (deploy/teams/)', () => {
  it('has the fields app manifest 1.22 requires, within their lengths', () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const field of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[field], `developer.${field}`).toEqual(expect.any(String));
    for (const field of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[field]).toMatch(/^https:\/\//);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.description.full).not.toContain(manifest.description.short);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.icons).toEqual({ outline: 'outline.png', color: 'color.png' });
  });

  it('names the bot by the Azure Bot registration\'s app id, in 1:1 chats, teams and group chats, with placeholders the README fills', () => {
    expect(manifest.id).toBe('YOUR-BOT-APP-ID');
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: 'YOUR-BOT-APP-ID', scopes: ['personal', 'team', 'groupChat'] })]);
    expect(manifest.validDomains).toEqual(['YOUR-AISLE-HOST']);
    const text = readFileSync(`${DIR}/manifest.json`, 'utf8');
    expect(new Set(text.match(/YOUR-[A-Z-]+/g))).toEqual(new Set(['YOUR-BOT-APP-ID', 'YOUR-STORE-NAME', 'YOUR-STORE-HOST', 'YOUR-AISLE-HOST']));
    const readme = readFileSync('README.md', 'utf8');
    for (const placeholder of ['YOUR-BOT-APP-ID', 'YOUR-STORE-NAME', 'YOUR-STORE-HOST', 'YOUR-AISLE-HOST']) expect(readme).toContain(placeholder);
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon, white on transparent', () => {
    const color = readFileSync(`${DIR}/color.png`);
    const outline = readFileSync(`${DIR}/outline.png`);
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    const pixels = rgbaOf(outline);
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (pixels[i + 3] === 0) transparent += 1;
    }
    expect(transparent).toBeGreaterThan(32 * 32 / 4);
    expect(rgbaOf(color).filter((_, i) => i % 4 === 3 && _ !== 255)).toHaveLength(0);
  });

  it('holds the icons scripts/teams-icons.ts draws', () => {
    const icons = teamsIcons();
    expect(icons.color.equals(readFileSync(`${DIR}/color.png`))).toBe(true);
    expect(icons.outline.equals(readFileSync(`${DIR}/outline.png`))).toBe(true);
  });
});
