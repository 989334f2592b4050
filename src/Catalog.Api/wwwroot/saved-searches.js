// Saved searches, kept in this browser only (localStorage, no account): each with its Atom and
// calendar links, and on the home page what changed since it was last opened (/api/changes).
import { el } from './dom.js';
import { getJson } from './api.js';
import { formatWareki } from './wareki.js';

const KEY = 'catalog.savedSearches';

export function savedSearches() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter((s) => s && typeof s.params === 'string') : [];
  } catch {
    return [];
  }
}

const store = (list) => localStorage.setItem(KEY, JSON.stringify(list));
const nowIso = () => new Date().toISOString();

/** Saves the search of <params> (query and filters) under <label>; saving it again renames it. */
export function saveSearch(params, label) {
  const key = params.toString();
  const list = savedSearches().filter((s) => s.params !== key);
  list.unshift({ params: key, label, savedAt: nowIso(), lastOpened: nowIso() });
  store(list);
}

export function removeSearch(key) { store(savedSearches().filter((s) => s.params !== key)); }

/** Called whenever a search is shown: opening a saved one moves its 「前回」 to now. */
export function markOpened(params) {
  const key = params.toString();
  const list = savedSearches();
  const s = list.find((x) => x.params === key);
  if (!s) return false;
  s.lastOpened = nowIso();
  store(list);
  return true;
}

export const isSaved = (params) => savedSearches().some((s) => s.params === params.toString());

function withQuery(path, key) { return key ? `${path}?${key}` : path; }

/** The home page's list: each saved search, its links and its changes since last opened. */
export function savedSearchesSection() {
  const list = savedSearches();
  const section = el('section', { class: 'home-block saved-searches', 'aria-labelledby': 'saved-title' },
    el('h3', { id: 'saved-title', text: '保存した検索' }));
  if (list.length === 0) {
    section.append(el('p', { class: 'overview-empty', text: '検索結果の「この検索を保存」で、よく使う条件をこのブラウザに保存できます。' }));
    return section;
  }
  const ul = el('ul', { class: 'saved-list' });
  for (const s of list) {
    const changes = el('span', { class: 'saved-changes', text: '変更を確認中…' });
    ul.append(el('li', { class: 'saved-item', 'data-params': s.params },
      el('a', { class: 'saved-open', href: withQuery('/', s.params), text: s.label }), ' ',
      el('span', { class: 'saved-links' },
        el('a', { href: withQuery('/feed.atom', s.params), text: 'Atom' }), ' ',
        el('a', { href: withQuery('/api/calendar.ics', s.params), text: 'カレンダー' }), ' ',
        el('button', { type: 'button', class: 'link-button', text: '削除', 'aria-label': `「${s.label}」を削除`, onclick: (e) => { removeSearch(s.params); e.target.closest('li').remove(); } })),
      el('div', {}, changes)));
    fillChanges(changes, s);
  }
  section.append(ul);
  return section;
}

async function fillChanges(target, s) {
  const p = new URLSearchParams(s.params);
  p.set('since', s.lastOpened);
  p.set('pageSize', '3');
  const d = new Date(s.lastOpened);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const since = `前回（${formatWareki(day)}）以降`;
  try {
    const data = await getJson(`/api/changes?${p}`);
    if (data.total === 0) {
      target.replaceChildren(`${since}の変更はありません。`);
      return;
    }
    target.className = 'saved-changes has-changes';
    target.replaceChildren(el('strong', { text: `${since}の変更 ${data.total}件` }), ': ',
      data.changes.map((c, i) => [i ? '、' : '', `${c.programName}（${c.title}）`]).flat());
  } catch {
    target.replaceChildren('変更を確認できませんでした。');
  }
}
