import { html, type SafeHtml } from '../storefront/html.ts';
import type { Report } from '../analytics/report.ts';

/** One bar: a labelled count out of a total (the bar's length is count / the chart's largest total). */
export interface Bar { label: string; count: number; of: number }

const WIDTH = 560;
const LABEL = 200;
const ROW = 28;

/** The outcomes of the report as bars: what happened to conversations, answers, searches and questions. */
export function outcomeBars(report: Report): Bar[] {
  return [
    { label: 'Resolved without a person', count: report.containment.count, of: report.containment.of },
    { label: 'Handed to a person', count: report.handoffs.count, of: report.handoffs.of },
    { label: 'Answers with thumbs up', count: report.answers.thumbsUp, of: report.answers.thumbsUp + report.answers.thumbsDown },
    { label: 'Answers with thumbs down', count: report.answers.thumbsDown, of: report.answers.thumbsUp + report.answers.thumbsDown },
    { label: 'Searches with no result', count: report.noResultSearches.count, of: report.noResultSearches.of },
    { label: 'Questions not answered', count: report.unanswered.questions, of: report.turns },
  ];
}

/**
 * A horizontal bar chart as inline SVG, drawn here (no library, no script): role="img" with a title and a
 * description that reads every bar's figure to a screen reader. Text is escaped by `html`.
 */
export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.of));
  const height = bars.length * ROW + 8;
  const scale = (WIDTH - LABEL - 80) / max;
  const description = bars.map((b) => `${b.label}: ${b.count} of ${b.of}`).join('; ');
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = Math.round(b.count * scale);
    return html`<g><text x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${b.label}</text>
<rect x="${LABEL}" y="${y + 4}" width="${Math.round(b.of * scale)}" height="18" fill="#e4e7eb"></rect>
<rect class="bar" x="${LABEL}" y="${y + 4}" width="${w}" height="18" fill="#1b5fc1"></rect>
<text x="${LABEL + Math.max(w, Math.round(b.of * scale)) + 6}" y="${y + 17}">${b.count} / ${b.of}</text></g>`;
  });
  return html`<svg id="outcome-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="12">
<title id="chart-title">${title}</title><desc id="chart-desc">${description}</desc>${rows}</svg>`;
}
