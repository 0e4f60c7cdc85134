import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

// `node --import tsx bench/x.ts` has no --expose-gc; this turns it on from inside.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Resident set size in MiB after a full garbage collection, so garbage is not counted. */
export function settledRssMiB(): number {
  gc();
  gc();
  return process.memoryUsage().rss / 2 ** 20;
}

export function collectGarbage(): void {
  gc();
}

/** Peak RSS of this process so far, in MiB (Linux reports maxRSS in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
