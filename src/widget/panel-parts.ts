/**
 * The panel's small pieces that close over nothing of one panel: storage that survives private mode, element
 * building (text only ever as textContent), ids, and a comparison as a table. Plain JavaScript concatenated with
 * the panel's module (src/widget/panel-script.ts), so the panel stays one request.
 */
export const PANEL_PARTS_JS = String.raw`
const memory = {};
const store = {
  get(k) { try { return localStorage.getItem(k) ?? memory[k]; } catch { return memory[k]; } },
  set(k, v) { memory[k] = v; try { localStorage.setItem(k, v); } catch { /* private mode: this page only */ } },
};
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function newId() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
}

function table(c) {
  return el('div', { class: 'table' }, el('table', {},
    el('caption', { class: 'sr', text: 'Comparison' }),
    el('thead', {}, el('tr', {}, el('td'), ...c.products.map((p) => el('th', { scope: 'col', text: p.title })))),
    el('tbody', {}, ...c.rows.map((row) => el('tr', {}, el('th', { scope: 'row', text: row.label }), ...row.values.map((v) => el('td', { text: v })))))));
}
`;
