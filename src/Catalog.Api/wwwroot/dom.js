// Small DOM helpers. Only the API's snippet HTML (escaped, with <mark>) is ever inserted as
// HTML; every other text goes through textContent, which el() uses.
import { formatWareki } from './wareki.js';

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A date in 和暦 with the ISO value on hover. */
export function dateEl(iso) {
  if (!iso) return el('span', { text: '—' });
  return el('time', { datetime: iso, title: iso, text: formatWareki(iso) });
}

/**
 * Runs <paramref>action</paramref> on a plain left click of a link, instead of following it;
 * a click with a modifier (new tab, new window) or another button keeps the browser's meaning.
 */
export function onPlainClick(link, action) {
  link.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    action();
  });
  return link;
}
