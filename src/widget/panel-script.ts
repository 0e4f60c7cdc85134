import { PANEL_ANSWER_JS } from './panel-answer.ts';
import { PANEL_PARTS_JS } from './panel-parts.ts';
import { WIDGET_PANEL_CSS } from './panel-css.ts';

/**
 * The chat panel, an ES module the launcher imports on first open (/aisle/widget-panel.js). It speaks the protocol
 * of src/channels/widget-protocol.ts over a WebSocket, falling back to HTTP polling; keeps the conversation id
 * and the anonymous shopper id in localStorage; renders every WidgetReply with textContent only (never HTML);
 * and hands "Add to cart" and product clicks to the host page as the DOM events `aisle:add-to-cart` and
 * `aisle:product-click` (detail `{ productId, variant? }`). A help answer's sources and thumbs are drawn by panel-answer.ts; the pieces that close over no panel are in panel-parts.ts. A product link opened is also reported to Aisle as a
 * click (an `events` frame, or POST /aisle/events without a socket); Aisle records the rest itself. A string so that dist/ serves it too.
 */
const PANEL_JS = String.raw`
const KEYS = { conversation: 'aisle:conversation', shopper: 'aisle:shopper', acted: 'aisle:acted:' };
const STATES = { connected: 'Connected', reconnecting: 'Reconnecting…', offline: 'Offline' };

export function mountPanel(o) {
  const { host, root, base, launcher } = o;
  const style = el('style');
  style.textContent = CSS;
  const state = el('span', { class: 'state', role: 'status', 'data-state': 'reconnecting', text: STATES.reconnecting });
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close chat', text: '×', onclick: () => hide() });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' });
  const typing = el('div', { class: 'typing', hidden: true }, el('i'), el('i'), el('i'), el('span', { text: 'Aisle is typing…' }));
  const chips = el('div', { class: 'chips', role: 'group', 'aria-label': 'Suggested replies' });
  const input = el('textarea', { rows: '1', maxlength: '2000', 'aria-label': 'Message', placeholder: 'Ask about a product…' });
  const form = el('form', { onsubmit: (e) => { e.preventDefault(); submit(); } }, input, el('button', { type: 'submit', text: 'Send' }));
  // Who has the conversation while a person is involved: in line (place), an agent (name); hidden with the assistant.
  const person = el('div', { class: 'person', role: 'status', hidden: true });
  const panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': o.title || 'Shopping assistant', hidden: true },
    el('header', {}, el('h2', { text: o.title || 'Shopping assistant' }), state, close), person, log, typing, chips, form);
  root.append(style, panel);
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); hide(); } });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); } });

  let conversation = store.get(KEYS.conversation) || undefined;
  let shopper = store.get(KEYS.shopper) || undefined;
  let seen = new Set();
  let watermark = 0;
  const pending = new Map();
  const byClient = new Map();
  const titles = new Map();
  const queue = [];
  let ws, mode = 'ws', failures = 0, opened = false, retry, poll, stopped = false, ready = false;

  function setState(s) {
    state.dataset.state = s;
    state.textContent = STATES[s];
  }

  function show() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    log.scrollTop = log.scrollHeight;
  }
  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  function url(path) { return new URL(path, base); }
  /** An address the server passed as safe, resolved like product links; anything but http(s) is not linked. */
  function link(path) {
    try { const u = url(path); return /^https?:$/.test(u.protocol) ? u.href : undefined; } catch { return undefined; }
  }

  function connect() {
    clearTimeout(retry);
    if (stopped) return;
    if (mode === 'http') return pollNow();
    const u = url('/aisle/ws');
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket;
    try { socket = new WebSocket(u); } catch { return fallBack(); }
    ws = socket;
    let welcomed = false;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', conversation, shopper, token: o.token, after: watermark }));
    socket.onmessage = (m) => {
      let frame;
      try { frame = JSON.parse(m.data); } catch { return; }
      if (frame.type === 'welcome') { welcomed = true; opened = true; failures = 0; }
      handle(frame);
    };
    socket.onclose = (e) => {
      if (ws !== socket) return;
      ws = undefined;
      ready = false;
      if (e.code === 4401 || e.code === 1008) { stopped = true; return setState('offline'); }
      if (!welcomed && !opened && ++failures >= 2) return fallBack();
      again();
    };
  }

  function fallBack() {
    mode = 'http';
    pollNow();
  }

  function again() {
    setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    const delay = Math.min(15000, 500 * 2 ** Math.min(failures++, 5)) * (0.75 + Math.random() / 2);
    retry = setTimeout(connect, delay);
  }

  function headers() {
    return o.token ? { 'Content-Type': 'application/json', 'X-Aisle-Token': o.token } : { 'Content-Type': 'application/json' };
  }

  async function http(method, body) {
    const q = new URLSearchParams({ after: String(watermark) });
    if (conversation) q.set('conversation', conversation);
    if (shopper) q.set('shopper', shopper);
    const res = await fetch(url('/aisle/messages' + (method === 'GET' ? '?' + q : '')), {
      method, headers: headers(), body: body && JSON.stringify({ conversation, shopper, after: watermark, message: body }),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(json.error?.message || 'HTTP ' + res.status), { code: json.error?.code, status: res.status });
    handle({ type: 'welcome', conversation: json.conversation, shopper: json.shopper });
    if (json.ack) handle({ type: 'ack', id: json.ack.id, seq: json.ack.seq });
    handle({ type: 'entries', entries: json.entries, replay: true });
    if (json.handoff) handle(Object.assign({ type: 'handoff' }, json.handoff)); // no frames over HTTP: the state comes with each answer
    return json;
  }

  async function pollNow() {
    clearTimeout(poll);
    if (stopped) return;
    try {
      await http('GET');
      failures = 0;
      poll = setTimeout(pollNow, panel.hidden ? 15000 : 3000);
    } catch (err) {
      if (err.status === 401 || err.status === 403) { stopped = true; note(err.message); return setState('offline'); }
      setState(navigator.onLine === false ? 'offline' : 'reconnecting');
      poll = setTimeout(pollNow, Math.min(15000, 1000 * 2 ** Math.min(failures++, 4)));
    }
  }

  function handle(f) {
    if (f.type === 'welcome') {
      if (f.conversation !== conversation) reset(f.conversation);
      shopper = f.shopper;
      store.set(KEYS.shopper, shopper);
      setState('connected');
      if (ready) return;
      ready = true; // a socket's welcome (each reconnect), or HTTP's first answer: what was not acknowledged goes again
      for (const [id, p] of pending) transmit(id, p.body);
      flush();
    } else if (f.type === 'entries') {
      const entries = f.entries || [];
      if (f.replay && entries.length && entries[0].seq > watermark + 1) watermark = entries[0].seq - 1;
      for (const e of entries) add(e);
    } else if (f.type === 'ack') {
      const p = pending.get(f.id);
      pending.delete(f.id);
      if (p) { p.node.classList.remove('pending'); p.node.dataset.seq = f.seq; }
    } else if (f.type === 'handoff') {
      person.hidden = f.state === 'assistant';
      person.dataset.state = f.state;
      person.textContent = f.state === 'agent' ? 'You\'re chatting with ' + f.agent + ' from our team'
        : f.state === 'waiting' ? 'Waiting for a person' + (f.position ? ': you\'re number ' + f.position + ' in line' : '') : '';
    } else if (f.type === 'typing') {
      typing.hidden = !f.on;
    } else if (f.type === 'error') {
      if (f.id && pending.has(f.id) && f.code !== 'RATE_LIMITED') {
        pending.get(f.id).node.classList.add('failed');
        pending.delete(f.id);
      }
      note(f.message);
    }
  }

  function reset(id) {
    conversation = id;
    store.set(KEYS.conversation, id);
    seen = new Set();
    watermark = 0;
    for (const node of [...log.children]) if (node.dataset.seq) node.remove();
  }

  function add(e) {
    if (seen.has(e.seq)) return;
    seen.add(e.seq);
    while (seen.has(watermark + 1)) watermark++;
    let node = e.clientId && byClient.get(e.clientId);
    if (node) { node.dataset.seq = e.seq; node.classList.remove('pending'); pending.delete(e.clientId); return; }
    node = e.role === 'shopper' ? shopperBubble(e.body) : replyNode(e.body);
    node.dataset.seq = e.seq;
    if (e.body.action && e.body.action.type === 'feedback') voted(log, e.body.action);
    if (e.clientId) byClient.set(e.clientId, node);
    const after = [...log.children].find((c) => c.dataset.seq && Number(c.dataset.seq) > e.seq);
    log.insertBefore(node, after || null);
    if (e.role === 'aisle') {
      typing.hidden = true;
      if (!after) suggest(e.body.suggestions || []);
      act(e);
    }
    log.scrollTop = log.scrollHeight;
  }

  /** Cart actions reach the page once: never again on a replay or reload (the last acted seq is kept). */
  function act(e) {
    const key = KEYS.acted + conversation;
    if (e.seq <= Number(store.get(key) || 0)) return;
    store.set(key, String(e.seq));
    for (const a of e.body.cart || []) if (a.type === 'add_to_cart') tell('aisle:add-to-cart', a.productId, a.variant);
  }

  function tell(name, productId, variant) {
    const detail = variant ? { productId, variant } : { productId };
    return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  function describe(body) {
    if (typeof body.text === 'string') return body.text;
    const a = body.action || {};
    if (a.type === 'feedback') return a.helpful ? 'Helpful' : 'Not helpful';
    const title = titles.get(a.productId) || a.productId;
    return a.type === 'details' ? 'Details: ' + title : a.type === 'add_to_cart' ? 'Add to cart: ' + title : 'Show more';
  }

  function shopperBubble(body) {
    return el('div', { class: 'msg shopper' }, el('span', { class: 'sr', text: 'You: ' }), describe(body));
  }

  function replyNode(r) {
    // An agent's message names them (r.from); the assistant's does not.
    const node = el('div', { class: r.from ? 'msg aisle agent' : 'msg aisle' }, el('span', { class: r.from ? 'from' : 'sr', text: (r.from || 'Aisle') + ': ' }), el('p', { text: r.text }));
    if (r.products && r.products.length) node.append(el('ul', { class: 'cards', 'aria-label': 'Products' }, ...r.products.map(card)));
    if (r.comparison) node.append(table(r.comparison));
    if (r.handoff) node.append(el('div', { class: 'handoff', role: 'status', text: r.handoff.text }));
    node.append(...answerParts(r, link, (answer, helpful) => send({ action: { type: 'feedback', answer, helpful } })));
    return node;
  }

  function card(p) {
    titles.set(p.id, p.title);
    const link = el('a', { href: p.url ? url(p.url).href : '#', text: p.title, onclick: (e) => {
      report('click', p.id);
      if (!tell('aisle:product-click', p.id) || !p.url) e.preventDefault();
    } });
    const rating = p.rating === undefined ? 'No reviews yet' : '★ ' + p.rating.toFixed(1) + (p.reviewCount ? ' (' + p.reviewCount + ')' : '');
    return el('li', { class: 'card' },
      p.imageUrl && el('img', { src: url(p.imageUrl).href, alt: '', loading: 'lazy', width: '150', height: '110' }),
      link,
      p.brand && el('span', { class: 'small', text: p.brand }),
      el('span', { class: 'price', text: p.price }),
      el('span', { class: 'small', text: rating, 'aria-label': p.rating === undefined ? undefined : 'Rated ' + p.rating.toFixed(1) + ' out of 5' }),
      el('span', { class: 'small', text: p.stock }),
      el('div', { class: 'buttons' },
        el('button', { type: 'button', text: 'Details', 'aria-label': 'Details: ' + p.title, onclick: () => send({ action: { type: 'details', productId: p.id } }) }),
        el('button', { type: 'button', class: 'add', text: 'Add to cart', 'aria-label': 'Add to cart: ' + p.title, onclick: () => send({ action: { type: 'add_to_cart', productId: p.id } }) })));
  }

  function suggest(list) {
    chips.replaceChildren(...list.map((s) => el('button', { type: 'button', text: s, onclick: () => send({ text: s }) })));
  }

  function note(text) {
    log.append(el('div', { class: 'note', text }));
    log.scrollTop = log.scrollHeight;
  }

  function submit() {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text });
  }

  function send(body) {
    const id = newId();
    const node = shopperBubble(body);
    node.classList.add('pending');
    byClient.set(id, node);
    pending.set(id, { body, node });
    log.append(node);
    log.scrollTop = log.scrollHeight;
    suggest([]);
    if (ready) transmit(id, body);
  }

  /** What only the browser sees goes to Aisle at once (a link may leave the page), batched, each with its own id. */
  function report(kind, product) {
    queue.push({ id: newId(), kind, product });
    flush();
  }

  function flush() {
    if (!ready || !queue.length) return;
    const events = queue.splice(0, 20);
    if (mode === 'ws') {
      if (ws && ws.readyState === 1) ws.send(JSON.stringify({ type: 'events', events })); else return void queue.unshift(...events);
    } else {
      fetch(url('/aisle/events'), { method: 'POST', keepalive: true, headers: headers(), body: JSON.stringify({ conversation, shopper, events }) }).catch(() => {});
    }
    flush();
  }

  function transmit(id, body) {
    const message = { type: 'message', id, ...body };
    if (mode === 'ws') {
      if (ws && ws.readyState === 1) ws.send(JSON.stringify(message));
      return;
    }
    typing.hidden = false;
    http('POST', message).then(() => { typing.hidden = true; pollNow(); }, (err) => {
      typing.hidden = true;
      if (err.status && err.status < 500 && err.status !== 429) { handle({ type: 'error', id, message: err.message, code: err.code }); return; }
      setState('reconnecting');
      setTimeout(() => pending.has(id) && ready && transmit(id, body), 3000);
    });
  }

  addEventListener('online', () => { failures = 0; if (mode === 'http') pollNow(); else if (!ws) connect(); });
  addEventListener('offline', () => setState('offline'));
  connect();
  return { open: show, close: hide };
}
`;

export const WIDGET_PANEL_SCRIPT = `const CSS = ${JSON.stringify(WIDGET_PANEL_CSS)};\n${PANEL_JS}${PANEL_PARTS_JS}${PANEL_ANSWER_JS}`;
