/**
 * The storefront's one script, served as /storefront/storefront.js (an ES module). It keeps the cart in
 * localStorage, shows its count, fills in the cart page, and listens for the chat widget's DOM events:
 * `aisle:add-to-cart` adds to this cart, `aisle:product-click` opens the product page with the variant chosen (detail
 * `{ productId, variant? }`; the page calls preventDefault() to say it handled them). Text from products
 * is only ever set as textContent. A string in a module so that dist/ serves it too; the browser test
 * (test/e2e/storefront.test.ts) runs it.
 */
export const STOREFRONT_SCRIPT = String.raw`
const KEY = 'aisle-demo-cart';
let memory = [];

function validLine(line) {
  return line && typeof line.productId === 'string' && line.productId.length > 0 && Number.isInteger(line.qty) && line.qty > 0
    && (line.variant === undefined || typeof line.variant === 'string');
}

export function readCart() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(stored) ? stored.filter(validLine) : [];
  } catch {
    return memory.slice();
  }
}

function writeCart(lines) {
  memory = lines;
  try { localStorage.setItem(KEY, JSON.stringify(lines)); } catch { /* private mode: this page only */ }
  showCount(lines);
}

function itemCount(lines) {
  return lines.reduce((sum, line) => sum + line.qty, 0);
}

function showCount(lines) {
  const count = itemCount(lines);
  for (const el of document.querySelectorAll('[data-cart-count]')) el.textContent = String(count);
  for (const el of document.querySelectorAll('[data-cart-noun]')) el.textContent = count === 1 ? ' item' : ' items';
}

function announce(text) {
  const status = document.querySelector('[data-cart-status]');
  if (!status) return;
  status.textContent = '';
  setTimeout(() => { status.textContent = text; }, 30);
}

export function addToCart(productId, variant, title) {
  const lines = readCart();
  const line = lines.find((l) => l.productId === productId && l.variant === variant);
  if (line) line.qty += 1;
  else lines.push(variant === undefined ? { productId, qty: 1 } : { productId, variant, qty: 1 });
  writeCart(lines);
  const count = itemCount(lines);
  announce('Added ' + (title || 'the product') + ' to your cart. ' + count + (count === 1 ? ' item' : ' items') + ' in the cart.');
  if (cartView) void renderCart();
}

function setQuantity(productId, variant, qty) {
  const lines = readCart().map((l) => (l.productId === productId && l.variant === variant ? { ...l, qty } : l)).filter((l) => l.qty > 0);
  writeCart(lines);
}

function eventDetail(event) {
  const detail = event.detail || {};
  if (typeof detail.productId !== 'string' || detail.productId === '') return undefined;
  return { productId: detail.productId, variant: typeof detail.variant === 'string' && detail.variant ? detail.variant : undefined };
}

// The widget's events, whether dispatched on window, on document or (composed) from inside its shadow root.
window.addEventListener('aisle:add-to-cart', (event) => {
  const detail = eventDetail(event);
  if (!detail) return;
  event.preventDefault();
  addToCart(detail.productId, detail.variant, typeof event.detail.title === 'string' ? event.detail.title : undefined);
});
window.addEventListener('aisle:product-click', (event) => {
  const detail = eventDetail(event);
  if (!detail) return;
  event.preventDefault();
  location.assign('/products/' + encodeURIComponent(detail.productId) + (detail.variant ? '?variant=' + encodeURIComponent(detail.variant) : ''));
});
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  showCount(readCart());
  if (cartView) void renderCart();
});

for (const form of document.querySelectorAll('form[data-add-to-cart]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = form.elements.namedItem('variant');
    const title = document.querySelector('h1');
    addToCart(form.dataset.productId, choice && choice.value ? choice.value : undefined, title ? title.textContent : undefined);
  });
}

const cartView = document.querySelector('[data-cart-view]');

async function productsById(ids) {
  if (ids.length === 0) return new Map();
  const query = ids.slice(0, 100).map((id) => 'id=' + encodeURIComponent(id)).join('&');
  try {
    const res = await fetch('/api/products?' + query, { headers: { accept: 'application/json' } });
    const body = await res.json();
    return new Map(body.products.map((p) => [p.id, p]));
  } catch {
    return new Map();
  }
}

function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
}

function money(amount, currency) {
  try { return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount); } catch { return amount.toFixed(2) + ' ' + currency; }
}

function cartLine(line, product) {
  const variant = product && line.variant ? product.variants.find((v) => v.sku === line.variant) : undefined;
  const name = product ? product.title : 'A product no longer sold (' + line.productId + ')';
  const change = (qty, focus) => { setQuantity(line.productId, line.variant, qty); void renderCart(focus); };
  const key = line.productId + '\u0000' + (line.variant || '');
  const button = (text, label, action, onClick, secondary) => {
    const b = el('button', { type: 'button', textContent: text, className: secondary ? 'secondary' : '' });
    b.setAttribute('aria-label', label + ' ' + name);
    b.dataset.key = key;
    b.dataset.action = action;
    b.addEventListener('click', onClick);
    return b;
  };
  const info = el('div', {}, [
    product ? el('a', { href: product.url, textContent: product.title }) : el('span', { textContent: name }),
    line.variant ? el('div', { textContent: variant ? variant.label : line.variant }) : '',
    product ? el('div', { className: 'price', textContent: product.priceText }) : '',
    el('div', { className: 'qty' }, [
      button('−', 'One fewer', 'less', () => change(line.qty - 1, 'less'), true),
      el('span', { textContent: 'Quantity ' + line.qty }),
      button('+', 'One more', 'more', () => change(line.qty + 1, 'more'), true),
      button('Remove', 'Remove', 'remove', () => change(0, 'remove'), true),
    ]),
  ]);
  const image = el('img', { src: product ? product.imageUrl : '', alt: '', width: 72, height: 72 });
  return el('li', { className: 'cart-line' }, [image, info]);
}

async function renderCart(focusAction) {
  const lines = readCart();
  const products = await productsById([...new Set(lines.map((l) => l.productId))]);
  const active = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : undefined;
  for (const old of cartView.querySelectorAll('[data-cart-lines]')) old.remove();
  cartView.querySelector('[data-cart-empty]').hidden = lines.length > 0;
  if (lines.length === 0) {
    if (focusAction) document.querySelector('h1').focus();
    return;
  }
  let total = 0;
  let currency = 'USD';
  for (const line of lines) {
    const product = products.get(line.productId);
    if (!product) continue;
    const variant = line.variant ? product.variants.find((v) => v.sku === line.variant) : undefined;
    total += ((variant && variant.price) || product.price || 0) * line.qty;
    currency = product.currency;
  }
  const list = el('ul', {}, lines.map((line) => cartLine(line, products.get(line.productId))));
  const block = el('div', {}, [list, el('p', { className: 'cart-total', textContent: 'Total ' + money(total, currency) })]);
  block.dataset.cartLines = '';
  cartView.append(block);
  if (!focusAction) return;
  const again = active && [...cartView.querySelectorAll('button')].find((b) => b.dataset.key === active && b.dataset.action === focusAction);
  (again || document.querySelector('h1')).focus();
}

showCount(readCart());
if (cartView) {
  document.querySelector('h1').tabIndex = -1;
  void renderCart();
}
`;
