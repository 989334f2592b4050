// The catalogue's history in the staff UI: 新着・変更 on the home page, 変更履歴 on a program's
// page, and the calendar / Atom links of the current search. Text only goes in through
// textContent; values from the API are never inserted as HTML.
import { formatWareki } from './wareki.js';

const CHANGE_BADGES = { added: '新規', changed: '変更', removed: '終了' };
const MAX_FIELDS = 5;

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$/;

/** A field value for a person: dates in 和暦, amounts with separators, lists joined, nothing as （なし）. */
function valueText(v) {
  if (v === null || v === undefined) return '（なし）';
  if (typeof v === 'string') return ISO_TIME.test(v) ? formatWareki(v) : v;
  if (typeof v === 'number') return v.toLocaleString('ja-JP');
  if (typeof v === 'boolean') return v ? 'はい' : 'いいえ';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.map(valueText).join('、');
  return JSON.stringify(v);
}

function fieldList(fields) {
  if (!fields || fields.length === 0) return null;
  const shown = fields.slice(0, MAX_FIELDS).map((f) => h('li', { class: 'change-field', 'data-path': f.path },
    h('span', { class: 'change-field-label', text: `${f.labelJa}: ` }),
    h('del', { text: valueText(f.before) }),
    ' → ',
    h('ins', { text: valueText(f.after) })));
  if (fields.length > MAX_FIELDS) shown.push(h('li', { class: 'change-field more', text: `ほか${fields.length - MAX_FIELDS}項目` }));
  return h('ul', { class: 'change-fields' }, shown);
}

function changeItem(c, withProgram) {
  const when = h('time', { datetime: c.time, title: c.time, text: formatWareki(c.time) });
  const program = !withProgram ? null
    : c.entity === 'program' && c.change === 'removed'
      ? h('span', { class: 'change-program', text: c.programName })
      : h('a', { class: 'change-program', href: `?id=${encodeURIComponent(c.programId)}`, text: c.programName });
  return h('li', { class: 'change-item', 'data-change': c.change, 'data-program': c.programId },
    h('div', { class: 'change-head' },
      when,
      h('span', { class: `change-badge ${c.change}`, text: CHANGE_BADGES[c.change] || c.change }),
      program,
      h('span', { class: 'change-title', text: c.title })),
    fieldList(c.fields));
}

async function fetchChanges(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The feed links follow the search: the same parameters, without paging or sort. */
export function updateFeedLinks(params) {
  const query = params.toString();
  const calendar = document.getElementById('calendar-link');
  const atom = document.getElementById('atom-link');
  if (calendar) calendar.href = `/api/calendar.ics${query ? `?${query}` : ''}`;
  if (atom) atom.href = `/feed.atom${query ? `?${query}` : ''}`;
}

let panelLoaded = false;

/** 新着・変更: the latest changes, shown on the home page (no query, no filter). */
export async function renderChangesPanel(panel, show) {
  if (!panel) return;
  panel.hidden = !show;
  if (!show || panelLoaded) return;
  panelLoaded = true;
  const title = h('h2', { class: 'changes-title', id: 'changes-title', text: '新着・変更' });
  panel.replaceChildren(title, h('p', { text: '読み込み中…' }));
  try {
    const data = await fetchChanges('/api/changes?pageSize=8');
    panel.replaceChildren(title,
      data.changes.length === 0
        ? h('p', { class: 'changes-empty', text: 'まだ変更はありません。' })
        : h('ol', { class: 'changes-list' }, data.changes.map((c) => changeItem(c, true))),
      h('p', { class: 'changes-feed' }, h('a', { href: '/feed.atom', text: '新着・変更を購読 (Atom)' })));
  } catch {
    panelLoaded = false;
    panel.replaceChildren(title, h('p', { class: 'changes-empty', text: '新着・変更を読み込めませんでした。' }));
  }
}

/** 変更履歴 of one program: filled in when the history arrives. */
export function historySection(id) {
  const section = h('section', { class: 'detail-section', 'data-section': 'history' },
    h('h3', { text: '変更履歴' }), h('p', { text: '読み込み中…' }));
  fetchChanges(`/api/programs/${encodeURIComponent(id)}/history?pageSize=50`)
    .then((data) => {
      section.replaceChildren(section.firstChild,
        data.changes.length === 0
          ? h('p', { class: 'changes-empty', text: '変更履歴はありません。' })
          : h('ol', { class: 'changes-list history' }, data.changes.map((c) => changeItem(c, false))));
    })
    .catch(() => section.replaceChildren(section.firstChild, h('p', { class: 'changes-empty', text: '変更履歴を読み込めませんでした。' })));
  return section;
}
