import type { Rate, Report } from '../analytics/report.ts';
import type { AgentSession } from '../handoff/agent-directory.ts';
import { html, type SafeHtml } from '../storefront/html.ts';
import { barChart, outcomeBars } from './admin-chart.ts';
import type { AdminGroup, AdminView } from './console-admin.ts';
import { page } from './console-pages.ts';

/** The admin page, drawn on the server: the report's figures and chart, then the unanswered groups, each with its FAQ form. */
export function adminPage(session: AgentSession, view: AdminView): string {
  const head = html`<meta name="csrf-token" content="${session.csrf}"><script type="module" src="/agent/admin.js"></script>`;
  return page('Aisle agent console: reports and unanswered questions', html`<header><h1>Agent console: admin</h1>
<span class="me">${session.agent.name} (${session.agent.role})</span><a class="nav" href="/agent">Queue</a></header>
<main class="admin">
${periodForm(view)}
<section aria-labelledby="report-h"><h2 id="report-h">Report</h2>${figures(view.report)}
${barChart('What happened in conversations, answers, searches and questions', outcomeBars(view.report))}</section>
<section aria-labelledby="groups-h"><h2 id="groups-h">Questions the assistant could not answer</h2>
${view.groups.length ? html`<ol id="groups" class="groups">${view.groups.map(group)}</ol>` : html`<p>None in this period.</p>`}</section>
</main>`, head);
}

/** A plain GET form: the figures and the groups below are for these days (default: the last 30). */
function periodForm(view: AdminView): SafeHtml {
  return html`<form id="period" class="period" method="get" action="/agent/admin" aria-label="Period">
<label>From <input type="date" name="from" value="${view.range.fromDay}" required></label>
<label>To <input type="date" name="to" value="${view.range.toDay}" required></label>
<button type="submit">Show</button></form>`;
}

function figures(r: Report): SafeHtml {
  const reasons = Object.entries(r.handoffs.reasons).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const rows: [string, string][] = [
    ['Period', `${r.range.from ?? 'start of the log'} to ${r.range.to}`],
    ['Conversations', `${r.conversations} (${r.turns} turns)`],
    ['Containment (no person needed)', percent(r.containment)],
    ['Handed to a person', `${percent(r.handoffs)}; reasons: ${reasons}`],
    ['Help answers', `${r.answers.given} given, ${r.answers.thumbsUp} thumbs up, ${r.answers.thumbsDown} down`],
    ['Unanswered questions', `${r.unanswered.questions} in ${r.unanswered.grouping.groups.length} group${r.unanswered.grouping.groups.length === 1 ? '' : 's'}`],
    ['Searches with no result', `${percent(r.noResultSearches)}${r.noResultSearches.top.length ? `; most: ${r.noResultSearches.top.slice(0, 3).map((t) => `"${t.text}" ${t.count}`).join(', ')}` : ''}`],
    ['Product click-through from chat', percent(r.clickThrough)],
    ['Add to cart', `${percent(r.addToCart)} (${r.addToCart.adds} adds)`],
    ['Assisted conversion', r.conversion.known ? `${percent(r.conversion)} (${r.conversion.source}, ${r.conversion.windowDays} days)` : r.conversion.reason],
  ];
  return html`<table id="figures" class="figures"><caption>Figures, as aisle report prints them</caption><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
}

function percent(rate: Rate): string {
  return rate.rate === null ? `— (none of 0)` : `${(rate.rate * 100).toFixed(1)}% (${rate.count} of ${rate.of})`;
}

function group(g: AdminGroup, i: number): SafeHtml {
  const id = `g${i}`;
  return html`<li class="group" aria-labelledby="${id}-h"><h3 id="${id}-h">${g.representative} <span class="meta">asked ${g.count} time${g.count === 1 ? '' : 's'}, last ${g.lastAsked.slice(0, 10)}</span></h3>
<ul class="examples">${g.examples.map((e) => html`<li>${e.text} <span class="meta">×${e.count}</span></li>`)}</ul>
${g.agentReply ? html`<p class="reply"><strong>The agent replied:</strong> <span class="agent-reply">${g.agentReply}</span></p>` : html`<p class="meta">Not handed to a person.</p>`}
${g.added ? html`<p class="added">Added to the help centre.</p>` : html`<form class="faq" aria-label="Add as FAQ: ${g.representative}">
<label>Question <input name="question" value="${g.representative}" maxlength="300" required></label>
<label>Answer <textarea name="answer" rows="3" maxlength="4000" required>${g.agentReply ?? ''}</textarea></label>
<label>Link (optional) <input name="url" placeholder="/help/faq#…" maxlength="500"></label>
<button type="submit">Add as FAQ</button><p class="error" role="alert"></p></form>`}</li>`;
}
