import type { AgentSession } from '../handoff/agent-directory.ts';
import { html, raw, type SafeHtml } from '../storefront/html.ts';
import { CONSOLE_CSS } from './console-css.ts';

const LOGIN_ERRORS: Record<string, string> = {
  wrong: 'That e-mail and password do not match an agent account.',
  form: 'The sign-in form expired: please try again.',
};

/** A console page: the styles inline, `head` added. */
export function page(title: string, body: SafeHtml, head: SafeHtml = html``): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><style>${raw(CONSOLE_CSS)}</style>${head}</head><body>${body}</body></html>`.toString();
}

/** The sign-in form; `csrf` goes back in a hidden field and must match the cookie set with it. */
export function loginPage(csrf: string, error: string, waitSeconds?: number): string {
  const message = error === 'throttled'
    ? `Too many failed sign-ins. Try again in ${Math.ceil((waitSeconds ?? 60) / 60)} minute(s).`
    : LOGIN_ERRORS[error];
  return page('Aisle agent console: sign in', html`<main class="login">
<h1>Agent console</h1>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/agent/login">
<input type="hidden" name="csrf" value="${csrf}">
<label>E-mail <input name="email" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></main>`);
}

/** The console: the script fills it from /agent/api; the CSRF token rides in a meta tag. */
export function consolePage(session: AgentSession): string {
  const { agent } = session;
  const head = html`<meta name="csrf-token" content="${session.csrf}"><script type="module" src="/agent/console.js"></script>`;
  return page('Aisle agent console', html`<header><h1>Agent console</h1>
<span class="me" data-email="${agent.email}">${agent.name} (${agent.role})</span>${agent.role === 'admin' ? html`<a class="nav" href="/agent/admin">Reports and unanswered questions</a>` : ''}<button id="notify" type="button" hidden>Notify me of new shoppers</button><button id="logout" type="button">Sign out</button></header>
<main class="console">
<section class="queue"><h2>Queue</h2><ul id="queue" aria-live="polite"></ul><h2>Messages left out of hours</h2><ul id="tickets"></ul></section>
<section class="conversation" id="conversation" hidden>
<div class="bar"><h2 id="headline"></h2><span id="status" class="status"></span>
<button id="claim" type="button">Claim</button><select id="transfer-to" aria-label="Transfer to"></select><button id="transfer" type="button">Transfer</button>
<button id="resolve" type="button">Resolve</button></div>
<p id="summary" class="summary"></p><p id="order" class="summary" hidden></p>
<div class="context"><div><h3>Cart</h3><ul id="cart"></ul></div><div><h3>Searches</h3><ul id="searches"></ul></div>
<div><h3>Products opened</h3><ul id="viewed"></ul></div><div><h3>On screen</h3><ul id="on-screen"></ul></div></div>
<details><summary>Conversation with the assistant</summary><ol id="transcript"></ol></details>
<ol id="messages" class="messages" aria-live="polite"></ol>
<form id="reply-form"><select id="canned" aria-label="Canned replies"><option value="">Canned replies…</option></select>
<textarea id="reply" rows="3" placeholder="Reply to the shopper" aria-label="Reply"></textarea>
<button type="submit">Send</button><button id="note" type="button">Add as internal note</button></form>
<p id="error" class="error" role="alert"></p>
</section></main>`, head);
}
