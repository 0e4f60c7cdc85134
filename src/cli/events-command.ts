import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { AppError } from '../errors.ts';
import { eventFileFormat, readEventRecords } from '../events/event-file.ts';
import { exportEvents } from '../events/events-export.ts';
import { importEvents, type ImportReport } from '../events/events-import.ts';
import { parseTimestamp } from '../events/event-timestamp.ts';
import type { EventLog } from '../storage/event-log.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';

const USAGE = [
  'aisle events import FILE [options]   (CSV or JSONL: user_id, product_id, event, timestamp[, query, position, session])',
  'aisle events export [options]   (to stdout, or --out FILE)',
  'aisle events simulate [options]   (demo shoppers over the catalog of --home)',
].join('\n');
/** Refused rows printed before "… and N more" (--json lists the first 1000). */
const SHOWN_ERRORS = 20;

export const eventsCommand: Command = {
  name: 'events',
  usage: USAGE,
  summary: 'the behaviour-event log the personalised ranking learns from: import a store\'s history (bad rows reported by line), export it, or simulate demo shoppers',
  options: {
    format: { type: 'string', value: 'csv|jsonl', description: 'file format (default: from the extension; export: csv)' },
    out: { type: 'string', value: 'FILE', description: 'export: write here instead of stdout; simulate: also write a public-style log (user_id,product_id,event,timestamp)' },
    from: { type: 'string', value: 'DATE', description: 'export events at or after this time (ISO 8601 or YYYY-MM-DD, UTC)' },
    to: { type: 'string', value: 'DATE', description: 'export events before this time' },
    shoppers: { type: 'string', value: 'N', description: 'simulate: shoppers over the period (default 2000)' },
    days: { type: 'string', value: 'D', description: 'simulate: length of the period in days (default 60)' },
    seed: { type: 'string', value: 'S', description: 'simulate: seed; the same seed, catalog and end give the same events (default 13)' },
    end: { type: 'string', value: 'DATE', description: 'simulate: the period ends here (default: today 00:00 UTC)' },
    'no-log': { type: 'boolean', description: 'simulate: write only --out, not the event log' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(ctx) {
    const [action, file, ...extra] = ctx.args;
    if (action === 'import' && file && extra.length === 0) return importFile(ctx, file);
    if (action === 'export' && file === undefined) return exportFile(ctx);
    if (action === 'simulate' && file === undefined) return (await import('./events-simulate.ts')).simulateEvents(ctx);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.split('\n').map((l) => l.replace(/\s+\(.*\)$/, '').replace(' [options]', '')).join(' | ')}.`);
  },
};

async function withLog<T>(ctx: CommandContext, fn: (log: EventLog) => Promise<T>): Promise<T> {
  const log = await openEventLog(ctx.config.db, ctx.config.home);
  try {
    return await fn(log);
  } finally {
    await log.close();
  }
}

/** Streams FILE into the log in batches; refused rows are listed by line, and a file with none valid is an error. */
async function importFile(ctx: CommandContext, file: string): Promise<number> {
  const format = eventFileFormat(file, flagString(ctx, 'format'));
  try {
    statSync(file);
  } catch (cause) {
    throw new AppError('BAD_INPUT', `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`, { cause });
  }
  const started = performance.now();
  const report = await withLog(ctx, (log) => importEvents(log, readEventRecords(createReadStream(file), format)));
  const seconds = (performance.now() - started) / 1000;
  if (report.accepted === 0) {
    printErrors(ctx.stderr, report);
    throw new AppError('BAD_INPUT', `${file}: no event could be read (${report.rejected} rows refused); nothing was stored.`);
  }
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ file, format, ...report, seconds: Number(seconds.toFixed(2)) }));
  else {
    print(ctx.stdout, `Imported ${file}: ${report.accepted} events (channel "import"), ${report.rejected} rows refused, in ${seconds.toFixed(1)} s.`);
    printErrors(ctx.stdout, report);
  }
  return 0;
}

function printErrors(out: Writable, report: ImportReport): void {
  for (const e of report.errors.slice(0, SHOWN_ERRORS)) print(out, `  line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.reason}`);
  if (report.rejected > SHOWN_ERRORS) print(out, `  … and ${report.rejected - SHOWN_ERRORS} more (--json lists the first ${report.errors.length})`);
}

async function exportFile(ctx: CommandContext): Promise<number> {
  const outFile = flagString(ctx, 'out');
  const format = eventFileFormat(outFile ?? '', flagString(ctx, 'format') ?? (outFile && /\.(jsonl|ndjson|json)$/i.test(outFile) ? 'jsonl' : 'csv'));
  const range = { from: timeFlag(ctx, 'from'), to: timeFlag(ctx, 'to') };
  const out = outFile ? createWriteStream(outFile) : ctx.stdout;
  const count = await withLog(ctx, (log) => exportEvents(log, range, format, out));
  if (outFile) {
    out.end();
    await once(out, 'finish');
    print(ctx.stderr, `Exported ${count} events to ${outFile}.`);
  }
  return 0;
}

function timeFlag(ctx: CommandContext, name: 'from' | 'to'): Date | undefined {
  const value = flagString(ctx, name);
  if (value === undefined) return undefined;
  const time = parseTimestamp(value);
  if (!time.ok) throw new AppError('BAD_INPUT', `--${name}: ${time.reason}.`);
  return time.at;
}
