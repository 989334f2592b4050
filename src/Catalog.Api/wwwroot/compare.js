// Compare (/compare?ids=a,b,c): two to four programs side by side — rate, caps per class, who may
// apply, windows, ministry, requirements and sources — as a shareable, printable page. The
// selection is kept in the browser (localStorage) while staff tick programs in the results.
import { $, el, dateEl } from './dom.js';
import { getJson } from './api.js';
import { fiscalYearLabel } from './wareki.js';
import { statusBadge, deadlineEl } from './search-view.js';

const KEY = 'catalog.compare';
export const MAX_COMPARE = 4;

/** The ticked programs, [{ id, name }], oldest first. */
export function compareSelection() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter((x) => x && typeof x.id === 'string').slice(0, MAX_COMPARE) : [];
  } catch {
    return [];
  }
}

function saveSelection(list) {
  localStorage.setItem(KEY, JSON.stringify(list));
  renderCompareBar();
}

export const compareUrl = (ids) => `/compare?ids=${ids.map(encodeURIComponent).join(',')}`;

/** The 「比較に追加」 box of one hit; at most four can be ticked. */
export function compareToggle(hit) {
  const input = el('input', { type: 'checkbox', class: 'compare-box', 'data-id': hit.id, checked: compareSelection().some((x) => x.id === hit.id) });
  input.addEventListener('change', () => {
    const list = compareSelection().filter((x) => x.id !== hit.id);
    if (input.checked) {
      if (list.length >= MAX_COMPARE) {
        input.checked = false;
        renderCompareBar(`比較できるのは${MAX_COMPARE}件までです。`);
        return;
      }
      list.push({ id: hit.id, name: hit.name });
    }
    saveSelection(list);
  });
  return el('label', { class: 'compare-toggle' }, input, ' 比較に追加');
}

/** The bar under the results: what is ticked, and the link to the compare page. */
export function renderCompareBar(message) {
  const bar = $('compare-bar');
  if (!bar) return;
  const list = compareSelection();
  bar.hidden = list.length === 0 && !message;
  const link = list.length >= 2
    ? el('a', { class: 'compare-link', href: compareUrl(list.map((x) => x.id)), text: `${list.length}件を比較する` })
    : el('span', { class: 'compare-hint', text: 'もう1件以上選ぶと比較できます。' });
  bar.replaceChildren(
    el('span', { class: 'compare-count', text: `比較に選択中: ${list.map((x) => x.name).join('、')}` }), ' ', link, ' ',
    el('button', { type: 'button', class: 'link-button', text: '選択を解除', onclick: () => { saveSelection([]); for (const b of document.querySelectorAll('.compare-box')) b.checked = false; } }),
    message ? el('p', { class: 'compare-message', role: 'status', text: message }) : null);
}

/** The compare page; ids come from the URL, so the page can be shared or printed. */
export async function renderCompare(root) {
  const raw = new URLSearchParams(location.search).get('ids') || '';
  const ids = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  document.title = '制度の比較 - スマートシティ支援制度カタログ';
  const head = el('h2', { id: 'compare-title', text: '制度の比較' });
  if (ids.length < 2 || ids.length > MAX_COMPARE) {
    root.replaceChildren(backLink(), head, el('p', { class: 'compare-error', text: `比較するには2〜${MAX_COMPARE}件の制度を選んでください（URLの ids= に制度IDをカンマ区切りで指定）。` }));
    return;
  }
  root.replaceChildren(backLink(), head, el('p', { text: '読み込み中…' }));
  const results = await Promise.all(ids.map((id) => getJson(`/api/programs/${encodeURIComponent(id)}`).catch((e) => ({ id, error: e.message }))));
  const programs = results.filter((p) => !p.error);
  const missing = results.filter((p) => p.error);
  const rows = ROWS.map(([label, cell]) => el('tr', {},
    el('th', { scope: 'row', text: label }),
    programs.map((p) => el('td', { 'data-program': labelOf(p) }, cell(p) ?? el('span', { class: 'none', text: '記載なし' })))));
  root.replaceChildren(...[
    backLink(), head,
    el('p', { class: 'compare-lead', text: `${programs.length}件の制度を並べています。値は各制度の記録（出典付き）のとおりです。` }),
    missing.length ? el('p', { class: 'compare-error', role: 'alert', text: `表示できない制度があります: ${missing.map((m) => m.id).join('、')}` }) : null,
    el('div', { class: 'compare-wrap' },
      el('table', { class: 'compare' },
        el('caption', { class: 'visually-hidden', text: '制度の比較表' }),
        el('thead', {}, el('tr', {}, el('td', {}), programs.map((p) => el('th', { scope: 'col' },
          el('a', { href: `/?id=${encodeURIComponent(p.id)}`, text: p.name }), p.variant ? el('div', { class: 'variant', text: p.variant }) : null)))),
        el('tbody', {}, rows))),
    el('p', { class: 'compare-share' }, 'この比較のURL: ', el('span', { class: 'url', text: location.href })),
  ].filter(Boolean)); // replaceChildren would print a null as "null"
}

// Menus of one program share its name: the variant tells them apart (as the phone's cards label each value).
const labelOf = (p) => (p.variant ? `${p.name}（${p.variant}）` : p.name);

const backLink = () => el('a', { class: 'back-link', href: '/', text: '← 検索に戻る' });

const list = (items) => (items.length ? el('ul', { class: 'compare-list' }, items.map((x) => el('li', {}, x))) : null);
const PER = { year: '年度あたり', project: '事業あたり', total: '総額' };

// One row a line of the table: its heading and how one program fills its cell (null: 記載なし).
const ROWS = [
  ['募集状況', (p) => el('div', {}, statusBadge(p.status, p.endedFiscalYear), ' ', deadlineEl(p))],
  ['所管', (p) => [p.ministry, p.bureau, p.division].filter(Boolean).join(' ') || null],
  ['支援の種類', (p) => (p.kinds || []).join('、') || null],
  ['年度', (p) => (p.fiscalYears || []).map(fiscalYearLabel).join('、') || null],
  ['補助率', (p) => (p.rate && p.rate.text) || null],
  ['上限額（申請主体別）', (p) => list((p.caps || []).map((c) => `${c.applicant || '全体'}: ${c.text}${PER[c.per] ? `（${PER[c.per]}）` : ''}${c.note ? ` ※${c.note}` : ''}`))],
  ['対象（申請主体）', (p) => (p.applicants || []).join('、') || null],
  ['公募期間', (p) => list((p.windows || []).map((w) => el('span', {}, w.round ? `${w.round}: ` : '', w.yearRound ? '通年' : [dateEl(w.start), ' 〜 ', dateEl(w.end)])))],
  ['要件', (p) => list(p.requirements || [])],
  ['出典', (p) => list([
    p.url ? el('span', { class: 'url', text: p.url }) : null,
    ...(p.sources || []).map((s) => `${[s.title, s.section].filter(Boolean).join(' ／ ') || s.document}${s.date ? `（${s.date}）` : ''}`),
  ].filter(Boolean))],
];
