import { readFileSync } from 'node:fs';

/** Text of a file under test/fixtures/catalogs. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/catalogs/${name}`, import.meta.url), 'utf8');
}
