/**
 * The widget's one tag loads this: `<script src="https://AISLE-HOST/aisle/widget.js" data-aisle-url="…" async>`.
 * A classic script, kept tiny: it puts a launcher button in a shadow root (no style leaks in or out) and, on
 * the first press, imports the panel (/aisle/widget-panel.js) from Aisle's origin. A string in a module so that
 * dist/ serves it too; `bench/widget-size.ts` measures it gzipped.
 */
export const WIDGET_LAUNCHER_SCRIPT = String.raw`(() => {
  const tag = document.currentScript;
  if (!tag || window.__aisleWidget) return;
  window.__aisleWidget = true;
  const data = tag.dataset;
  const base = new URL(data.aisleUrl || new URL(tag.src, location.href).origin, location.href);
  const host = document.createElement('aisle-widget');
  if (data.aisleColor) host.style.setProperty('--aisle-brand', data.aisleColor);
  if (data.aisleTheme === 'light' || data.aisleTheme === 'dark') host.dataset.theme = data.aisleTheme;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>:host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483000;font:15px/1.4 system-ui,sans-serif}'
    + '.launch{width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:var(--aisle-brand,#2557d6);color:#fff;'
    + 'box-shadow:0 4px 14px rgba(0,0,0,.3);display:grid;place-items:center}.launch:focus-visible{outline:3px solid #fff;outline-offset:-6px}'
    + '.launch[aria-expanded=true]{display:none}</style>'
    + '<button class="launch" type="button" aria-label="Chat with our shopping assistant" aria-expanded="false" aria-haspopup="dialog">'
    + '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button>';
  const button = root.querySelector('button');
  let panel;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      panel = panel || import(new URL('/aisle/widget-panel.js', base).href).then((m) => m.mountPanel({ host, root, base, launcher: button, token: data.aisleToken, title: data.aisleTitle }));
      (await panel).open();
    } catch (err) {
      panel = undefined;
      console.error('Aisle widget: the chat panel could not load', err);
    } finally {
      button.disabled = false;
    }
  });
  (document.body || document.documentElement).append(host);
})();
`;
