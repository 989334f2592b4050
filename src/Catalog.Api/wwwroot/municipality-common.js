// Helpers shared by the municipality page and the adoption map. Kept apart from app.js so the
// two views stay their own modules; the 和暦 helpers mirror app.js (fold together when it is split).

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** SVG elements need their namespace; attributes only (no style strings: the CSP forbids inline styles). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const eraYear = (n) => (n === 1 ? '元' : String(n));

export function fiscalYearLabel(year) {
  const y = Number(year);
  if (!Number.isInteger(y) || y <= 0) return '年度の記載なし';
  if (y >= 2019) return `令和${eraYear(y - 2018)}年度`;
  if (y >= 1989) return `平成${eraYear(y - 1988)}年度`;
  return `${y}年度`;
}

/** "2024-05-31T23:59:59+09:00" → 令和6年5月31日 (the date as written, JST). */
export function warekiDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ''));
  if (!m) return String(iso || '');
  const [, ys, ms, ds] = m;
  const y = Number(ys);
  const ymd = `${ys}-${ms}-${ds}`;
  const era = ymd >= '2019-05-01' ? ['令和', 2018] : ymd >= '1989-01-08' ? ['平成', 1988] : null;
  return era ? `${era[0]}${eraYear(y - era[1])}年${Number(ms)}月${Number(ds)}日` : `${y}年${Number(ms)}月${Number(ds)}日`;
}

export function dateEl(iso) {
  return iso ? el('time', { datetime: iso, title: iso, text: warekiDate(iso) }) : el('span', { text: '—' });
}

/** GET JSON; a ProblemDetails becomes an Error carrying its detail. */
export async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch { /* not JSON */ }
    const error = new Error(detail || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** Moves to another URL of the app and lets app.js render it (it listens to popstate). */
export function go(search) {
  history.pushState(null, '', search || location.pathname);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link inside the app: a real href (new tab works), a plain click stays in the page. */
export function appLink(search, text, props = {}) {
  const a = el('a', { href: search, ...props, text });
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(search);
  });
  return a;
}

/** The view container, created once inside <main> beside the search and detail views. */
export function view(id, label) {
  let node = $(id);
  if (!node) {
    node = el('section', { id, class: 'muni-view', 'aria-label': label, hidden: true });
    $('main').append(node);
  }
  return node;
}
