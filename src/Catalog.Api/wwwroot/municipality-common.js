// Helpers shared by the municipality page and the adoption map, on top of dom.js. Their dates are
// the day alone (a verdict speaks of days), and a missing 年度 reads 年度の記載なし.

import { $, el, onPlainClick } from './dom.js';
import { fiscalYearLabel as yearLabel, formatWareki } from './wareki.js';

export { $, el };

/** SVG elements need their namespace; attributes only (no style strings: the CSP forbids inline styles). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

export const fiscalYearLabel = (year) => (Number.isInteger(Number(year)) && Number(year) > 0 ? yearLabel(year) : '年度の記載なし');

/** "2024-05-31T23:59:59+09:00" → 令和6年5月31日 (the date as written, JST). */
export const warekiDate = (iso) => formatWareki(String(iso || '').slice(0, 10));

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
  return onPlainClick(el('a', { href: search, ...props, text }), () => go(search));
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
