import type { Writable } from 'node:stream';

/**
 * A progress bar with throughput on a terminal; on a pipe or log, one line per 10% so CI logs
 * stay readable.
 */
export function createProgress(label: string, stream: Writable & { isTTY?: boolean }) {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, total: number): void {
      const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
      const rate = `${Math.round(done / seconds).toLocaleString('en-US')}/s`;
      const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      if (stream.isTTY) {
        const filled = Math.round((done / Math.max(total, 1)) * 30);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${counts} ${rate}   `);
        if (done >= total) stream.write('\n');
        return;
      }
      const decile = Math.floor((done / Math.max(total, 1)) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${counts} (${rate})\n`);
      }
    },
  };
}
