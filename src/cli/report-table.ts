import type { AbComparison, ArmMetric, ArmRate } from '../analytics/ab-comparison.ts';
import type { Rate, Report } from '../analytics/report.ts';

/** `aisle report` for a person: one figure a line, then the unanswered questions by group. */
export function reportTable(r: Report): string {
  const lines = [
    `Aisle report, ${r.range.from ?? 'everything logged'} to ${r.range.to}`,
    row('Conversations', `${r.conversations}`, `${r.turns} turns`),
    row('Containment (no person)', pct(r.containment), of(r.containment)),
    row('Handoff rate', pct(r.handoffs), `${of(r.handoffs)}${reasons(r.handoffs.reasons)}`),
    row('Help answers', `${r.answers.given}`, `thumbs up ${r.answers.thumbsUp}, down ${r.answers.thumbsDown}${r.answers.upRate === null ? '' : ` (${percent(r.answers.upRate)} up)`}`),
    row('Searches with no result', pct(r.noResultSearches), `${of(r.noResultSearches)}${r.noResultSearches.top.length ? `; most: ${r.noResultSearches.top.slice(0, 5).map((s) => `"${s.text}" ×${s.count}`).join(', ')}` : ''}`),
    row('Click-through from chat', pct(r.clickThrough), `${r.clickThrough.count} of ${r.clickThrough.of} products shown were clicked or opened`),
    row('Add-to-cart rate', pct(r.addToCart), `${r.addToCart.count} of ${r.addToCart.of} conversations that showed products (${r.addToCart.adds} adds)`),
    r.conversion.known
      ? row('Assisted conversion', pct(r.conversion), `${of(r.conversion)}, an order within ${r.conversion.windowDays} days (${r.conversion.source})`)
      : row('Assisted conversion', 'unknown', r.conversion.reason.replace(/^unknown — /, '')),
    ...(r.ab ? abLines(r.ab) : []),
    ...unanswered(r),
  ];
  return lines.join('\n');
}

/** The reranker's groups side by side; the difference's interval excluding 0 is what says the model earns its place. */
function abLines(ab: AbComparison): string[] {
  const line = (label: string, m: ArmMetric) => `  ${label.padEnd(16)} ${arm(m.personalised)}  ${arm(m.control)}  ${diff(m)}`;
  return [
    `Personalised vs control   ${ab.conversations.personalised} vs ${ab.conversations.control} conversations that showed products (95% intervals)`,
    line('Click-through', ab.clickThrough),
    line('Add-to-cart', ab.addToCart),
    line('Conversion', ab.conversion) + `  (${ab.conversion.source}, ${ab.conversion.windowDays} days)`,
  ];
}

function arm(r: ArmRate): string {
  return r.rate === null || !r.ci95 ? 'n/a'.padEnd(24) : `${percent(r.rate)} [${percent(r.ci95.low)}, ${percent(r.ci95.high)}]`.padEnd(24);
}

function diff(m: ArmMetric): string {
  const d = m.difference;
  if (d.value === null || !d.ci95) return 'difference n/a';
  const sign = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
  return `difference ${sign(d.value)} pts [${sign(d.ci95.low)}, ${sign(d.ci95.high)}]`;
}

function unanswered(r: Report): string[] {
  const u = r.unanswered;
  const g = u.grouping;
  const head = row('Unanswered questions', `${u.questions}`,
    `no answer ${u.byWhy.no_answer}, not understood ${u.byWhy.not_understood}, answer rejected ${u.byWhy.answer_rejected}; ${g.groups.length} groups (${g.method === 'embedding' ? `by meaning: cosine ≥ ${g.thresholds.cosine} or shared words ≥ ${g.thresholds.jaccard}` : `by shared words ≥ ${g.thresholds.jaccard}: no model`})`);
  const groups = g.groups.slice(0, 20).map((group) => {
    const others = group.examples.slice(1).map((e) => `"${e.text}"`).join(', ');
    return `  ${String(group.count).padStart(4)}× "${group.representative}"${others ? `  also: ${others}` : ''}`;
  });
  const more = g.groups.length > 20 ? [`  … ${g.groups.length - 20} more groups (--json lists all)`] : [];
  return [head, ...groups, ...more];
}

function row(label: string, value: string, detail: string): string {
  return `${label.padEnd(26)} ${value.padStart(8)}   ${detail}`;
}

function pct(rate: Rate): string {
  return rate.rate === null ? 'n/a' : percent(rate.rate);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function of(rate: Rate): string {
  return `${rate.count} of ${rate.of}`;
}

function reasons(byReason: Record<string, number>): string {
  const list = Object.entries(byReason).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.replace(/_/g, ' ')} ${n}`);
  const total = Object.values(byReason).reduce((a, b) => a + b, 0);
  return list.length ? `; ${total} handoff${total === 1 ? '' : 's'}: ${list.join(', ')}` : '';
}
