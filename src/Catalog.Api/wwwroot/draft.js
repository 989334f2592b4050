// 資料から下書き: sends a document to POST /api/drafts and shows each proposed value beside the
// document, its quote highlighted in place. Read-only: nothing is stored from this page.
import { $, el } from './dom.js';
import { ApiError, showError, reportUnhandledErrors } from './api.js';

const LABELS = {
  name: '名称', ministry: '所管', bureau: '部局', fiscalYears: '年度', kinds: '種類', fields: '分野',
  rate: '補助率', caps: '上限額', windows: '募集期間', applicants: '申請主体', contacts: '問い合わせ先', url: 'URL',
  'sources[0]': '出典資料',
};

reportUnhandledErrors();
$('error-close').addEventListener('click', () => { $('error-banner').hidden = true; });
$('draft-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = $('draft-file').files[0];
  const text = $('draft-text').value;
  if (!file && !text.trim()) { showError('資料ファイルを選ぶか、本文を貼り付けてください。'); return; }
  $('draft-status').textContent = '読み取り中…';
  $('draft-submit').disabled = true;
  try {
    const name = file ? file.name : 'pasted.txt';
    const body = file ? file : new Blob([text], { type: 'text/plain;charset=utf-8' });
    show(await postDraft(name, body));
    $('error-banner').hidden = true;
    $('draft-status').textContent = '';
  } catch (err) {
    $('draft-status').textContent = '';
    showError(err instanceof ApiError ? err.message : `下書きを作れませんでした: ${err.message}`);
  } finally {
    $('draft-submit').disabled = false;
  }
});

async function postDraft(name, body) {
  const response = await fetch(`/api/drafts?name=${encodeURIComponent(name)}`, {
    method: 'POST', body, headers: { Accept: 'application/json', 'Content-Type': body.type || 'application/octet-stream' },
  });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new ApiError(`資料を読めませんでした: ${detail}`, response.status);
  }
  return response.json();
}

/** The value of one evidence path as staff read it (caps[0] → 3,000万円（市区町村）). */
function valueOf(record, field) {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(field);
  const v = record[m[1]];
  const item = m[2] !== undefined && Array.isArray(v) ? v[Number(m[2])] : v;
  if (item === null || item === undefined) return '';
  if (m[1] === 'rate') return item.text;
  if (m[1] === 'caps') return item.text + (item.applicant ? `（${item.applicant}）` : '');
  if (m[1] === 'windows') return `${item.start ?? '—'} ～ ${item.end ?? '—'}`;
  if (m[1] === 'contacts') return [item.division, item.phone, item.email].filter(Boolean).join(' ');
  if (m[1] === 'fiscalYears') return `${item}年度`;
  return Array.isArray(item) ? item.join('、') : String(item);
}

function label(field) {
  return LABELS[field] ?? LABELS[field.replace(/\[\d+\].*$/, '')] ?? field;
}

function show(result) {
  const text = result.document.text;
  const marks = [];
  const records = result.records.map((record, r) => {
    const rows = record.evidence.map((e, i) => {
      const id = `q-${r}-${i}`;
      const range = e.field === 'url' ? null : locate(text, e.quote);
      if (range) marks.push({ ...range, id, field: e.field });
      return el('tr', { 'data-field': e.field },
        el('th', { scope: 'row', text: label(e.field) }),
        el('td', { class: 'draft-value', text: valueOf(record, e.field) }),
        el('td', {}, range
          ? el('a', { href: `#${id}`, class: 'draft-quote', text: `「${e.quote}」`, onclick: () => focusMark(id) })
          : el('span', { class: 'draft-quote', text: e.quote })));
    });
    const review = record.draft ?? { missing: [], unsure: [] };
    return el('article', { class: 'draft-card' },
      el('h3', { text: record.name || '（名称未検出）' }),
      el('p', { class: 'draft-id', text: `id: ${record.id}` }),
      el('table', { class: 'draft-values' },
        el('thead', {}, el('tr', {}, el('th', { text: '項目' }), el('th', { text: '値' }), el('th', { text: '根拠（資料の文）' }))),
        el('tbody', {}, rows)),
      el('div', { class: 'draft-review' },
        el('h4', { text: '見つからなかった項目' }),
        review.missing.length ? el('ul', { class: 'draft-missing' }, review.missing.map((f) => el('li', { text: label(f) }))) : el('p', { text: 'なし' }),
        el('h4', { text: '要確認' }),
        review.unsure.length ? el('ul', { class: 'draft-unsure' }, review.unsure.map((u) => el('li', { text: `${label(u.field)}: ${u.reason}` }))) : el('p', { text: 'なし' })));
  });
  $('draft-records').replaceChildren(...records);
  $('draft-document-text').replaceChildren(...highlighted(text, marks));
  $('draft-result').hidden = false;
}

/** Where a quote stands in the text, whitespace aside (the rule the evidence audit uses). */
function locate(text, quote) {
  const squeezed = [];
  const at = [];
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i])) { squeezed.push(text[i]); at.push(i); }
  const needle = quote.replace(/\s+/g, '');
  const found = squeezed.join('').indexOf(needle);
  if (needle.length === 0 || found < 0) return null;
  return { start: at[found], end: at[found + needle.length - 1] + 1 };
}

/** The text with each quote in a <mark>; overlapping quotes share the mark of the first. */
function highlighted(text, marks) {
  const nodes = [];
  let pos = 0;
  for (const m of marks.sort((a, b) => a.start - b.start)) {
    if (m.start < pos) { // inside an earlier quote: that mark stands for this value too
      const owner = nodes.findLast((n) => n.tagName === 'MARK');
      if (!owner) continue;
      owner.dataset.fields += ` ${m.field}`;
      aliases.set(m.id, owner.id);
      continue;
    }
    if (m.start > pos) nodes.push(document.createTextNode(text.slice(pos, m.start)));
    nodes.push(el('mark', { id: m.id, class: 'draft-mark', 'data-fields': m.field, title: label(m.field), text: text.slice(m.start, m.end) }));
    pos = m.end;
  }
  nodes.push(document.createTextNode(text.slice(pos)));
  return nodes;
}

const aliases = new Map();

function focusMark(id) {
  const mark = document.getElementById(aliases.get(id) ?? id);
  if (!mark) return;
  document.querySelectorAll('.draft-mark.current').forEach((m) => m.classList.remove('current'));
  mark.classList.add('current');
  mark.scrollIntoView({ block: 'center' });
}

// The page is ready once its handlers are in place (the browser tests wait for this, as on the search page).
document.body.dataset.ready = 'true';
