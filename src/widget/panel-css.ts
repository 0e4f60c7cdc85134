/** The panel's styles, inside its shadow root: brand colour and theme through custom properties the host page may set. */
export const WIDGET_PANEL_CSS = String.raw`
:host{--aisle-bg:#fff;--aisle-fg:#1b1d22;--aisle-muted:#5d6470;--aisle-line:#d9dce2;--aisle-bubble:#f0f2f5;--aisle-on-brand:#fff}
:host([data-theme=dark]){--aisle-bg:#17191d;--aisle-fg:#eceef2;--aisle-muted:#a4abb6;--aisle-line:#343840;--aisle-bubble:#24272d}
@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){--aisle-bg:#17191d;--aisle-fg:#eceef2;--aisle-muted:#a4abb6;--aisle-line:#343840;--aisle-bubble:#24272d}}
.panel{position:fixed;right:16px;bottom:16px;width:min(400px,calc(100vw - 32px));height:min(620px,calc(100vh - 32px));display:flex;flex-direction:column;
 background:var(--aisle-bg);color:var(--aisle-fg);border:1px solid var(--aisle-line);border-radius:14px;box-shadow:0 10px 34px rgba(0,0,0,.28);overflow:hidden;
 animation:rise .18s ease-out}
.panel[hidden]{display:none}
@keyframes rise{from{transform:translateY(12px);opacity:0}}
@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100dvh;border-radius:0;border:0}}
header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--aisle-brand,#2557d6);color:var(--aisle-on-brand)}
h2{font-size:16px;margin:0;flex:1}
.state{font-size:12px;display:flex;align-items:center;gap:5px}
.state::before{content:"";width:8px;height:8px;border-radius:50%;background:#f5b400}
.state[data-state=connected]::before{background:#3ecf6e}.state[data-state=offline]::before{background:#e5484d}
button{font:inherit;cursor:pointer;border-radius:8px}
button:focus-visible,a:focus-visible,textarea:focus-visible{outline:3px solid var(--aisle-brand,#2557d6);outline-offset:2px}
.close{background:transparent;border:0;color:inherit;font-size:22px;line-height:1;width:36px;height:36px}
.close:focus-visible{outline-color:#fff;outline-offset:-4px}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.msg{box-sizing:border-box;max-width:88%;padding:8px 11px;border-radius:12px;white-space:pre-line;overflow-wrap:anywhere}
.shopper{align-self:flex-end;background:var(--aisle-brand,#2557d6);color:var(--aisle-on-brand)}
.shopper.pending{opacity:.65}.shopper.failed{outline:2px dashed #e5484d}
.aisle{align-self:flex-start;background:var(--aisle-bubble);max-width:100%}
.aisle>p{margin:0}
.note{align-self:center;font-size:13px;color:var(--aisle-muted)}
.cards{display:flex;gap:8px;overflow-x:auto;padding:8px 0 4px;margin:0;list-style:none;scroll-snap-type:x mandatory}
.card{flex:0 0 168px;scroll-snap-align:start;background:var(--aisle-bg);border:1px solid var(--aisle-line);border-radius:10px;padding:8px;display:flex;flex-direction:column;gap:3px;white-space:normal}
.card img{width:100%;height:110px;object-fit:contain;border-radius:6px;background:var(--aisle-bubble)}
.card a{color:inherit;font-weight:600;text-decoration:none}.card a:hover{text-decoration:underline}
.small{font-size:12px;color:var(--aisle-muted)}.price{font-weight:700}
.buttons{display:flex;gap:6px;margin-top:auto;padding-top:4px}
.buttons button{flex:1;padding:6px 4px;border:1px solid var(--aisle-brand,#2557d6);background:transparent;color:inherit;font-size:13px}
.buttons .add{background:var(--aisle-brand,#2557d6);color:var(--aisle-on-brand)}
.table{overflow-x:auto;margin-top:8px}
table{border-collapse:collapse;font-size:13px;white-space:normal}th,td{border:1px solid var(--aisle-line);padding:4px 6px;text-align:left;vertical-align:top}
.person{padding:6px 12px;font-size:13px;color:#1d232b;background:#fff5d6;border-bottom:1px solid #e8dcae}.person[data-state=agent]{background:#e3f1e4;border-color:#b9d9bb}
.msg.agent .from{display:block;font-size:12px;font-weight:600;margin-bottom:2px}
.handoff{margin-top:6px;padding:6px 8px;border-left:3px solid var(--aisle-brand,#2557d6);font-size:13px}
.source{margin:6px 0 0;font-size:13px}.source a{color:inherit}
.thumbs{display:flex;gap:6px;margin-top:6px}
.thumbs button{padding:3px 10px;font-size:13px;border:1px solid var(--aisle-line);background:var(--aisle-bg);color:inherit}
.thumbs button:disabled{cursor:default;opacity:.6}.thumbs [aria-pressed=true]{opacity:1;border-color:var(--aisle-brand,#2557d6);outline:1px solid var(--aisle-brand,#2557d6)}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}
.chips button{padding:5px 10px;border:1px solid var(--aisle-brand,#2557d6);background:var(--aisle-bg);color:var(--aisle-fg);border-radius:16px;font-size:13px}
.typing{padding:0 14px 6px;font-size:13px;color:var(--aisle-muted)}
.typing i{display:inline-block;width:6px;height:6px;margin-right:3px;border-radius:50%;background:currentColor;animation:blink 1s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{50%{opacity:.2}}
form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid var(--aisle-line)}
textarea{flex:1;resize:none;font:inherit;padding:8px;border:1px solid var(--aisle-line);border-radius:8px;background:var(--aisle-bg);color:var(--aisle-fg);min-width:0}
form button{padding:0 14px;border:0;background:var(--aisle-brand,#2557d6);color:var(--aisle-on-brand)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;
