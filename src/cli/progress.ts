import type { Writable } from 'node:stream';

export interface Progress {
  /** `done` of `total` items finished so far; the last call has done === total. */
  update(done: number, total: number): void;
}

/**
 * Counts, rate and time left ("embedding 8,000/20,000 (250/s, about 48 s left)"): a bar redrawn in
 * place on a terminal; on a pipe or log, one line per 10% so CI logs stay readable. The rate is the
 * average since the start, so the estimate settles after the first batches. `now` is in milliseconds.
 */
export function createProgress(label: string, stream: Writable & { isTTY?: boolean }, now: () => number = Date.now): Progress {
  const started = now();
  let lastDecile = -1;
  return {
    update(done: number, total: number): void {
      const seconds = Math.max((now() - started) / 1000, 1e-3);
      const line = `${label} ${count(done)}/${count(total)} (${progressNote(done, total, seconds)})`;
      if (stream.isTTY) {
        const filled = Math.round((Math.min(done, total) / Math.max(total, 1)) * 30);
        stream.write(`\r${line} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}]   `);
        if (done >= total) stream.write('\n');
        return;
      }
      const decile = Math.floor((done / Math.max(total, 1)) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${line}\n`);
      }
    },
  };
}

/** "250/s, about 48 s left", or "250/s, done in 80 s" at the end. */
export function progressNote(done: number, total: number, seconds: number): string {
  const perSecond = done / seconds;
  const rate = `${count(Math.round(perSecond))}/s`;
  if (done >= total) return `${rate}, done in ${duration(seconds)}`;
  if (done === 0) return 'starting';
  return `${rate}, about ${duration((total - done) / perSecond)} left`;
}

/** Seconds below 90 s, whole minutes below 90 min, then hours and minutes. */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
