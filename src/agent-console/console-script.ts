/**
 * The agent console's one script, served as /agent/console.js (an ES module). It hears changes live over /agent/ws
 * and fetches them; it also polls the queue (every 3 s) and the open conversation (every 2 s, only messages after
 * the last seen) in case the socket is down, and posts claims, replies, notes,
 * transfers and resolves with the session's CSRF token. Shopper text is only ever set as textContent.
 * Tested in a real browser by test/e2e/agent-console.test.ts.
 */
export const CONSOLE_SCRIPT = String.raw`
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const me = document.querySelector('.me').dataset.email;
const $ = (id) => document.getElementById(id);
let selected = null;
let lastId = 0;
let current = null;
const seen = new Set();
const known = new Set();
let firstLoad = true;

async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(body) };
  const res = await fetch('/agent/api' + path, { credentials: 'same-origin', ...init });
  if (res.status === 401) { location.href = '/agent/login'; throw new Error('signed out'); }
  const data = await res.json();
  if (!res.ok) throw new Error(data.error ? data.error.message : 'HTTP ' + res.status);
  return data;
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function age(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
  return minutes < 1 ? 'just now' : minutes + ' min ago';
}

function showError(err) { $('error').textContent = err ? err.message : ''; }

async function refreshQueue() {
  const { handoffs } = await api('/queue');
  const list = $('queue');
  list.replaceChildren(...handoffs.map((h, i) => {
    const item = el('li', undefined, h.status + (h.agent === me ? ' mine' : '') + (h.id === selected ? ' selected' : ''));
    item.dataset.id = h.id;
    item.append(el('div', h.headline), el('div', (h.status === 'waiting' ? '#' + (i + 1) + ' waiting' : h.status + ' · ' + h.agent) + ' · ' + h.channel + ' · ' + age(h.createdAt), 'meta'));
    const open = el('button', 'Open');
    open.type = 'button';
    open.onclick = () => select(h.id);
    item.append(open);
    return item;
  }));
  if (handoffs.length === 0) list.replaceChildren(el('li', 'Nobody is waiting.', 'meta'));
  for (const h of handoffs) {
    if (h.status !== 'waiting' || known.has(h.id)) continue;
    known.add(h.id);
    if (!firstLoad) notify(h);
  }
  firstLoad = false;
  // Seen from another tab: the title says how many shoppers wait.
  const waiting = handoffs.filter((h) => h.status === 'waiting').length;
  document.title = (waiting ? '(' + waiting + ' waiting) ' : '') + 'Aisle agent console';
}

/** A desktop notification for a shopper who just joined the line, when the agent allowed them. */
function notify(h) {
  if (window.Notification && Notification.permission === 'granted') new Notification('A shopper is waiting', { body: h.headline, tag: h.id });
}

async function refreshTickets() {
  const { tickets } = await api('/tickets');
  $('tickets').replaceChildren(...tickets.map((t) => {
    const item = el('li');
    const done = el('button', 'Answered');
    done.type = 'button';
    done.onclick = () => api('/tickets/' + encodeURIComponent(t.id) + '/close', {}).then(refreshTickets).catch(showError);
    item.append(el('div', t.message), el('div', t.email + ' · ' + age(t.createdAt), 'meta'), done);
    return item;
  }));
  if (tickets.length === 0) $('tickets').replaceChildren(el('li', 'None waiting for an answer.', 'meta'));
}

async function select(id) {
  selected = id;
  lastId = 0;
  seen.clear();
  $('messages').replaceChildren();
  $('conversation').hidden = false;
  await refreshConversation(true);
  refreshQueue().catch(() => {});
}

async function refreshConversation(full) {
  if (!selected) return;
  const view = await api('/handoffs/' + encodeURIComponent(selected) + '?after=' + lastId);
  current = view.handoff;
  if (full) drawContext(view);
  drawStatus();
  for (const m of view.messages) {
    // The poll and an action may both fetch the same new messages: each is drawn once.
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const who = m.role === 'agent' ? (m.author === me ? 'You' : m.author) : m.role === 'note' ? 'Note by ' + m.author : m.role === 'shopper' ? 'Shopper' : 'Aisle';
    const item = el('li', undefined, m.role);
    item.append(el('div', who, 'meta'), el('div', m.text));
    $('messages').append(item);
    lastId = Math.max(lastId, m.id);
  }
  if (view.messages.length) $('messages').scrollTop = $('messages').scrollHeight;
}

function drawContext(view) {
  $('headline').textContent = view.handoff.headline;
  $('summary').textContent = view.handoff.summary;
  const order = view.handoff.context.verifiedOrder;
  $('order').hidden = !order;
  $('order').textContent = order ? 'Verified order: ' + order + ' (the shopper proved it is theirs)' : '';
  const items = (list, text, empty) => list.length ? list.map((x) => el('li', text(x))) : [el('li', empty, 'meta')];
  $('cart').replaceChildren(...items(view.cart, (l) => l.quantity + ' × ' + l.title + (l.size ? ' (' + l.size + ')' : ''), 'Nothing added here'));
  $('searches').replaceChildren(...items(view.searches, (s) => s, 'No searches'));
  $('viewed').replaceChildren(...items(view.viewed, (p) => p.title, 'None opened'));
  $('on-screen').replaceChildren(...items(view.onScreen, (p) => p.title, 'Nothing shown'));
  $('transcript').replaceChildren(...view.transcript.flatMap((t) => [el('li', 'Shopper: ' + (t.text || '(pressed a button)')), el('li', 'Assistant: ' + t.reply, 'bot')]));
}

function drawStatus() {
  const mine = current.agent === me;
  const open = ['assigned', 'active'].includes(current.status);
  $('status').textContent = current.status + (current.agent ? ' · ' + current.agent : '');
  $('claim').hidden = current.status !== 'waiting';
  for (const id of ['resolve', 'transfer', 'transfer-to']) $(id).disabled = !(mine && open);
  for (const node of $('reply-form').elements) node.disabled = !(mine && open);
}

async function act(path, body) {
  showError();
  try {
    await api('/handoffs/' + encodeURIComponent(selected) + path, body ?? {});
    await refreshConversation(false);
    await refreshQueue();
  } catch (err) { showError(err); }
}

$('claim').onclick = () => act('/claim');
$('resolve').onclick = () => act('/resolve');
$('transfer').onclick = () => $('transfer-to').value && act('/transfer', { to: $('transfer-to').value });
$('reply-form').onsubmit = (event) => {
  event.preventDefault();
  const text = $('reply').value.trim();
  if (!text) return;
  $('reply').value = '';
  act('/reply', { text });
};
$('note').onclick = () => {
  const text = $('reply').value.trim();
  if (!text) return;
  $('reply').value = '';
  act('/note', { text });
};
$('canned').onchange = () => { if ($('canned').value) $('reply').value = $('canned').value; $('canned').value = ''; $('reply').focus(); };
if (window.Notification && Notification.permission === 'default') {
  $('notify').hidden = false;
  $('notify').onclick = () => Notification.requestPermission().then(() => { $('notify').hidden = true; });
}
$('logout').onclick = async () => {
  await fetch('/agent/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } }).catch(() => {});
  location.href = '/agent/login';
};

/** The live channel: each change (on any replica) is fetched at once; polling stays as the fallback. */
function listen() {
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/agent/ws');
  ws.onmessage = (event) => {
    const change = JSON.parse(event.data);
    refreshQueue().catch(() => {});
    if (change.handoff && change.handoff === selected) refreshConversation(false).catch(() => {});
  };
  // 4401: the session has ended (signed out elsewhere, expired, account removed): back to sign-in, not a retry loop.
  ws.onclose = (event) => (event.code === 4401 ? location.assign('/agent/login') : setTimeout(listen, 3000));
}

async function start() {
  // Polling first: a failed first load or a blocked socket must not leave the console deaf.
  setInterval(() => refreshQueue().catch(() => {}), 3000);
  setInterval(() => refreshTickets().catch(() => {}), 10000);
  setInterval(() => refreshConversation(false).catch(() => {}), 2000);
  listen();
  const [{ replies }, { agents }] = await Promise.all([api('/canned'), api('/agents')]);
  $('canned').append(...replies.map((r) => { const o = el('option', r); o.value = r; return o; }));
  $('transfer-to').append(...agents.filter((a) => a.email !== me).map((a) => { const o = el('option', a.name + ' (' + a.email + ')'); o.value = a.email; return o; }));
  await Promise.all([refreshQueue(), refreshTickets()]);
}
start().catch(showError);
`;
