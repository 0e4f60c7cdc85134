// The chat widget's two scripts as a browser downloads them: raw and gzipped bytes (issue 11: under 60 KB
// gzipped together). The launcher loads with every page; the panel only on the first open.
// Usage: node --import tsx bench/widget-size.ts
import { gzipSync } from 'node:zlib';
import { WIDGET_LAUNCHER_SCRIPT } from '../src/widget/launcher-script.ts';
import { WIDGET_PANEL_SCRIPT } from '../src/widget/panel-script.ts';
import { publish, type Row } from './lib/report.ts';

const BUDGET = 60 * 1024;
const scripts = [
  { script: '/aisle/widget.js (launcher, every page)', body: WIDGET_LAUNCHER_SCRIPT },
  { script: '/aisle/widget-panel.js (panel, first open)', body: WIDGET_PANEL_SCRIPT },
];
const rows: Row[] = scripts.map(({ script, body }) => ({
  script, bytes: Buffer.byteLength(body), gzipped: gzipSync(body, { level: 9 }).length,
}));
const total = rows.reduce((sum, r) => sum + Number(r.gzipped), 0);
rows.push({ script: 'total', bytes: rows.reduce((sum, r) => sum + Number(r.bytes), 0), gzipped: total });
publish('widget-size', [{
  title: 'Widget scripts',
  rows,
  notes: [`gzip level 9 (node:zlib); budget ${BUDGET / 1024} KB gzipped in total: ${total <= BUDGET ? 'within' : 'OVER'} it (${(total / 1024).toFixed(1)} KB).`],
}], { rows, budget: BUDGET });
if (total > BUDGET) process.exitCode = 1;
