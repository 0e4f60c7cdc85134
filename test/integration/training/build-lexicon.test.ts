import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKinds, openLexicon } from '../../../src/search/lexicon.ts';
import { needs } from '../../support/optional-tools.ts';

describe('training/lexicon/build-lexicon.ts', needs('wordnet'), () => {
  it('builds the shipped lexicon from WordNet: rare words reach their everyday names', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'aisle-lexicon-build-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'training/lexicon/build-lexicon.ts', '--out', out], { stdio: 'pipe' });
    const built = openLexicon(out)!;
    expect(built.related('brolly')).toContain('umbrella');
    expect(built.related('tellies')).toContain('television');
    // Everyday words are not looked up at all.
    expect(built.related('fortune')).toEqual([]);
    // The shipped file is what the script builds (only the manifest's build time differs).
    type Manifest = { sha256: string; kinds: { sha256: string } };
    const shipped = JSON.parse(readFileSync('models/aisle-lexicon-v1/manifest.json', 'utf8')) as Manifest;
    const rebuilt = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(rebuilt.sha256).toBe(shipped.sha256);
    expect(rebuilt.kinds.sha256).toBe(shipped.kinds.sha256);
    expect(openKinds(out)!('sandals')).toContain('flip-flop');
  }, 120_000);
});
