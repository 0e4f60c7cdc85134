import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_FORMATS, detectFormat, type CatalogFormat } from '../catalog/formats.ts';
import { ingestCatalog, type IngestOutcome } from '../catalog/ingest.ts';
import { parseMapping } from '../catalog/mapping.ts';
import { describeReasonCount } from '../catalog/reason-summary.ts';
import { AppError } from '../errors.ts';
import { flagString, print, type Command } from './command.ts';
import { openStore } from './services.ts';

/** Above this, a file does not fit in one JavaScript string; split it. */
const MAX_BYTES = 400 * 1024 * 1024;

export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'aisle ingest FILE [options]',
  summary: 'load a catalog file into the store (rejected rows are reported with their line numbers)',
  options: {
    format: { type: 'string', value: CATALOG_FORMATS.join('|'), description: 'file format (default: detected from the name and header)' },
    map: { type: 'string', value: 'FIELD=COLUMN,…', description: 'column mapping, e.g. title=Name,price=Cost' },
    replace: { type: 'boolean', description: 'make this file the whole catalog (atomically)' },
    force: { type: 'boolean', description: 'with --replace, replace even if some rows were rejected' },
    json: { type: 'boolean', description: 'print one JSON summary (every rejected row) instead of the text one' },
  },
  async run(ctx) {
    const file = ctx.args[0];
    if (!file || ctx.args.length > 1) throw new AppError('BAD_INPUT', `Usage: ${this.usage}; see \`aisle help ingest\`.`);
    const replace = ctx.flags.replace === true;
    const force = ctx.flags.force === true;
    if (force && !replace) throw new AppError('BAD_INPUT', '--force only applies with --replace (replace the catalog even if rows were rejected); add --replace or drop --force.');
    const text = readCatalogFile(file);
    const format = chooseFormat(flagString(ctx, 'format'), file, text);
    const mapSpec = flagString(ctx, 'map');
    const store = await openStore(ctx.config, { create: true });
    try {
      const summary = await ingestCatalog(store, { text, format, mapping: mapSpec ? parseMapping(mapSpec) : undefined, replace, force });
      const report = writeReport(ctx.config.home, file, summary);
      if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ file: path.resolve(file), ...summary, report }));
      else printSummary((line) => print(ctx.stdout, line), file, summary, report);
      // The report is written first: a file none of whose rows could be read is the one most in need of it.
      if (summary.kind === 'refused') throw new AppError('BAD_INPUT', `${summary.why} Report: ${report}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function readCatalogFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    throw new AppError('BAD_INPUT', `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`, { cause });
  }
  if (size > MAX_BYTES) throw new AppError('BAD_INPUT', `${file} is ${Math.round(size / 2 ** 20)} MiB; split it into files under ${MAX_BYTES / 2 ** 20} MiB and ingest each.`);
  return readFileSync(file, 'utf8');
}

function chooseFormat(flag: string | undefined, file: string, text: string): CatalogFormat {
  if (flag === undefined) return detectFormat(path.basename(file), text.slice(0, 4096));
  if (!CATALOG_FORMATS.includes(flag as CatalogFormat)) throw new AppError('BAD_INPUT', `Unknown --format "${flag}": use one of ${CATALOG_FORMATS.join(', ')}.`);
  return flag as CatalogFormat;
}

/** A JSON report per ingest in <home>/reports, so rejected rows can be fixed later. */
function writeReport(home: string, file: string, s: IngestOutcome): string {
  const dir = path.join(home, 'reports');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const report = path.join(dir, `ingest-${stamp}-${path.basename(file)}.json`);
  writeFileSync(report, JSON.stringify({ file: path.resolve(file), at: new Date().toISOString(), ...s }, null, 2));
  return report;
}

function printSummary(out: (line: string) => void, file: string, s: IngestOutcome, report: string): void {
  const skipped = s.skipped.length ? `, ${s.skipped.length} skipped (not active)` : '';
  const trimmed = s.trimmed.length ? `, ${s.trimmed.length} cut to the size limits` : '';
  out(`${s.kind === 'stored' ? 'Ingested' : 'Read'} ${file} (${s.format}): ${s.accepted} products accepted, ${s.rejected.length} rows rejected${skipped}${trimmed}.`);
  if (s.kind === 'stored') {
    const st = s.stored;
    out(`Stored: ${st.inserted} new, ${st.updated} updated, ${st.unchanged} unchanged, ${st.removed} removed; catalog version ${st.version}.`);
  } else out('Nothing was stored.');
  for (const group of s.reasons.slice(0, 20)) out(`  ${describeReasonCount(group)}`);
  if (s.reasons.length > 20) out(`  … and ${s.reasons.length - 20} other kinds of reason`);
  out(`Report: ${report}`);
  if (s.kind === 'stored' && s.stored.inserted + s.stored.updated + s.stored.removed > 0) out('Run `aisle index` to make the changes searchable.');
}
