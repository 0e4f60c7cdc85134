/** The console's styles: plain, dense, readable on a laptop. */
export const CONSOLE_CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1d232b;background:#f4f5f7}
header{display:flex;gap:12px;align-items:center;padding:8px 16px;background:#1d232b;color:#fff}header h1{font-size:16px;margin:0;flex:1}
button{font:inherit;padding:4px 10px;border:1px solid #8a94a3;border-radius:4px;background:#fff;cursor:pointer}button:disabled{opacity:.5;cursor:default}
.login{max-width:340px;margin:10vh auto;background:#fff;padding:24px;border-radius:8px;box-shadow:0 1px 4px #0002}
.login label{display:block;margin:12px 0}.login input{display:block;width:100%;padding:6px;margin-top:4px}
.error{color:#a4161a}.console{display:grid;grid-template-columns:320px 1fr;gap:16px;padding:16px}
.queue ul{list-style:none;padding:0;margin:0}.queue li{background:#fff;border-radius:6px;padding:8px;margin-bottom:8px;border-left:4px solid #8a94a3}
.queue li.waiting{border-color:#d08c00}.queue li.mine{border-color:#2f7d32}.queue li button{margin-top:4px}
.queue li.selected{outline:2px solid #1b5fc1}.meta{color:#5b6573;font-size:12px}
.conversation{background:#fff;border-radius:8px;padding:16px}.bar{display:flex;gap:8px;align-items:center;flex-wrap:wrap}.bar h2{flex:1;font-size:15px;margin:0}
.status{font-size:12px;padding:2px 6px;border-radius:4px;background:#e4e7eb}.summary{color:#3b4452}
.context{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.context h3{font-size:13px;margin:4px 0}.context ul{padding-left:18px;margin:0}
.messages{list-style:none;padding:0;max-height:45vh;overflow:auto;border-top:1px solid #e4e7eb;margin-top:12px}
.messages li{margin:6px 0;padding:6px 10px;border-radius:6px;max-width:80%}.messages .shopper{background:#eef1f5}
.messages .agent{background:#dcebff;margin-left:auto}.messages .note{background:#fff5d6;font-style:italic}.messages .system{color:#5b6573;font-size:12px}
#reply-form{display:flex;gap:8px;flex-wrap:wrap}#reply-form textarea{flex:1 1 100%;padding:6px;font:inherit}
#transcript li{margin:4px 0}#transcript .bot{color:#5b6573}
.admin{padding:16px;max-width:1000px}.admin section{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
.period{display:flex;gap:12px;align-items:end;margin:8px 0 16px}.figures th{text-align:left;padding:2px 12px 2px 0;font-weight:600}.figures caption{text-align:left;color:#5b6573}
.groups{padding-left:20px}.group{margin-bottom:16px}.group h3{font-size:14px;margin:4px 0}.faq label{display:block;margin:6px 0}
.faq input,.faq textarea{display:block;width:100%;padding:4px;font:inherit}.added{color:#2f7d32}header a.nav{color:#fff}
`;
