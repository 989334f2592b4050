// The detail view: one program in full, in sections that appear only when they have content.
import { $, el, dateEl } from './dom.js';
import { getJson } from './api.js';
import { stateLink } from './state.js';
import { fiscalYearLabel } from './wareki.js';
import { levelLabel } from './vocabulary.js';
import { statusBadge, deadlineEl, forecastEl } from './search-view.js';
import { decorateEvidence } from './evidence.js';
import { historySection } from './changes.js';

let detailController = null;

export async function renderDetail(id) {
  detailController?.abort();
  detailController = new AbortController();
  const view = $('detail-view');
  view.replaceChildren(el('p', { text: '読み込み中…' }));
  let p;
  try {
    p = await getJson(`/api/programs/${encodeURIComponent(id)}`, {
      signal: detailController.signal,
      notFound: `制度「${id}」は見つかりませんでした。リンクが古いか、制度が削除された可能性があります。`,
    });
  } catch (e) {
    if (e.name === 'AbortError') return;
    // A program the catalogue once held: 掲載終了 with its date and history, not an error.
    if (e.status === 404 && await renderRemoved(view, id, detailController.signal)) return;
    view.replaceChildren(backLink(), el('h2', { text: '制度を表示できません' }), el('p', { text: e.message }));
    if (e.status === 404) return; // said on the page; no second banner
    throw e;
  }
  $('error-banner').hidden = true;
  document.title = `${p.name} - スマートシティ支援制度カタログ`;
  view.replaceChildren(...[
    backLink(),
    el('header', { class: 'detail-head' },
      el('div', { class: 'hit-head' }, statusBadge(p.status, p.endedFiscalYear), el('h2', { id: 'detail-title', text: p.name })),
      p.variant ? el('p', { class: 'variant', text: p.variant }) : null,
      p.aliases && p.aliases.length ? el('p', { class: 'aliases', text: `別名: ${p.aliases.join('、')}` }) : null,
      deadlineEl(p),
      forecastEl(p)),
    section('概要', 'overview', el('dl', { class: 'fields' },
      pair('所管', [p.ministry, p.bureau, p.division].filter(Boolean).join(' ')),
      pair('実施主体', p.organization),
      pair('区分', levelLabel(p.level)),
      pair('支援の種類', (p.kinds || []).join('、')),
      pair('分野', (p.fields || []).join('、')),
      pair('年度', (p.fiscalYears || []).map(fiscalYearLabel).join('、')),
      pair('概要', p.summary),
      pair('目的', p.purpose),
      pair('支援内容', p.supportContent))),
    section('補助率・上限額・予算', 'money', el('dl', { class: 'fields' },
      pair('補助率', p.rate && p.rate.text),
      pair('予算', p.budget && `${p.budget.text}${p.budget.fiscalYear ? `（${fiscalYearLabel(p.budget.fiscalYear)}）` : ''}${p.budget.partOfLarger ? ' ※内数' : ''}`),
      pair('期間', p.maxDurationText),
      pair('申請の上限', p.applicationLimit)),
    capsTable(p.caps || [])),
    section('対象・要件', 'applicants', el('dl', { class: 'fields' },
      pair('対象（申請主体）', (p.applicants || []).join('、')),
      p.requirements && p.requirements.length ? el('div', { class: 'pair' }, el('dt', { text: '要件' }),
        el('dd', {}, el('ul', {}, p.requirements.map((r) => el('li', { text: r }))))) : null)),
    windowsSection(p.windows || []),
    selectionsSection(p.selections || []),
    adoptionsSection(p.adoptions || []),
    relatedSection(p.relatedPrograms || p.related || []),
    familySection(p.family || []),
    contactsSection(p.contacts || []),
    sourcesSection(p),
    p.notes ? section('備考', 'notes', el('p', { class: 'notes', text: p.notes })) : null,
  ].filter(Boolean)); // replaceChildren would print a null as "null"
  decorateEvidence(view, p); // 出典 beside each value
  view.append(historySection(id));
  $('detail-title').setAttribute('tabindex', '-1');
  $('detail-title').focus({ preventScroll: true });
}

/** Back to the search the detail was opened from (the same URL without the id). */
/** The page of a removed program: its last name, when it was removed, and its history. False when the catalogue never held it. */
async function renderRemoved(view, id, signal) {
  let history;
  try {
    history = await getJson(`/api/programs/${encodeURIComponent(id)}/history?pageSize=50`, { signal });
  } catch {
    return false;
  }
  const removal = (history.changes || []).find((c) => c.entity === 'program' && c.change === 'removed');
  if (!removal) return false;
  $('error-banner').hidden = true;
  document.title = `${removal.programName}（掲載終了） - スマートシティ支援制度カタログ`;
  view.replaceChildren(
    backLink(),
    el('header', { class: 'detail-head' },
      el('div', { class: 'hit-head' }, el('span', { class: 'badge badge-ended', text: '掲載終了' }), el('h2', { id: 'detail-title', text: removal.programName })),
      el('p', { class: 'removed-note' }, dateEl(removal.time), ' にカタログから外れました。以下はこの制度の記録の変更履歴です。')),
    historySection(id));
  return true;
}

const backLink = () => stateLink({ id: '' }, { class: 'back-link', text: '← 検索結果に戻る' });

function section(title, name, ...content) {
  const items = content.flat().filter(Boolean);
  const hasContent = items.some((n) => !(n.tagName === 'DL' && n.childElementCount === 0));
  if (!hasContent) return null;
  return el('section', { class: 'detail-section', 'data-section': name }, el('h3', { text: title }), items);
}

function pair(term, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('div', { class: 'pair' }, el('dt', { text: term }), el('dd', {}, value));
}

function capsTable(caps) {
  if (caps.length === 0) return null;
  const per = { year: '年度あたり', project: '事業あたり', total: '総額' };
  return el('table', { class: 'caps' },
    el('caption', { text: '申請主体別の上限額' }),
    el('thead', {}, el('tr', {}, ['申請主体', '上限額', '単位', '備考'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, caps.map((c) => el('tr', {},
      el('th', { scope: 'row', text: c.applicant || '全体' }),
      el('td', { text: c.text, title: c.amountYen ? `${c.amountYen.toLocaleString('ja-JP')}円` : null }),
      el('td', { text: per[c.per] || c.per || '' }),
      el('td', { text: c.note || '' })))));
}

function windowsSection(windows) {
  if (windows.length === 0) return null;
  return section('募集期間', 'windows', el('ul', { class: 'windows' }, windows.map((w) =>
    el('li', {},
      w.round ? el('strong', { text: `${w.round}: ` }) : null,
      w.yearRound ? '通年' : [dateEl(w.start), ' 〜 ', dateEl(w.end)],
      w.method ? el('span', { class: 'method', text: `（提出方法: ${w.method}）` }) : null,
      w.note ? el('p', { class: 'note', text: w.note }) : null))));
}

function selectionsSection(selections) {
  if (selections.length === 0) return null;
  return section('年度別の選定数', 'selections', el('table', { class: 'selections' },
    el('thead', {}, el('tr', {}, ['年度', '選定数', '備考'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, [...selections].sort((a, b) => a.fiscalYear - b.fiscalYear).map((s) => el('tr', {},
      el('th', { scope: 'row', text: fiscalYearLabel(s.fiscalYear) }),
      el('td', { text: `${s.count}件` }),
      el('td', { text: s.note || '' }))))));
}

function adoptionsSection(adoptions) {
  if (adoptions.length === 0) return null;
  const byYear = new Map();
  for (const a of adoptions) {
    const y = a.fiscalYear || 0;
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(a);
  }
  const years = [...byYear.keys()].sort((a, b) => (a === 0) - (b === 0) || b - a);
  return section(`採択実績（${adoptions.length}件）`, 'adoptions', years.map((y) => {
    const list = byYear.get(y);
    return el('details', { class: 'adoption-year', open: true },
      el('summary', { text: `${y ? fiscalYearLabel(y) : '年度の記載なし'}（${list.length}件）` }),
      el('ul', { class: 'adoptions' }, list.map((a) => el('li', {},
        el('strong', { text: [a.prefecture, a.municipality].filter((x, i, arr) => x && !(i === 0 && arr[1] === x)).join(' ') }),
        a.lgCode ? el('span', { class: 'lg-code', text: ` [${a.lgCode}]` }) : null,
        a.title ? el('span', { text: ` ${a.title}` }) : null,
        a.technology ? el('span', { class: 'tech', text: `（${a.technology}）` }) : null,
        a.note ? el('p', { class: 'note', text: a.note }) : null))));
  }));
}

function relatedSection(related) {
  if (related.length === 0) return null;
  return section('関連する制度', 'related', el('ul', { class: 'related' }, related.map((r) => {
    const a = stateLink({ id: r.id }, { text: r.name || r.id });
    return el('li', {}, r.relation ? el('span', { class: 'relation', text: r.relation }) : null, ' ', a);
  })));
}

// The same program in other years and menus (its familyKey), newest first.
function familySection(family) {
  if (family.length === 0) return null;
  return section('同じ制度の他の年度・類型', 'family', el('ul', { class: 'related family' }, family.map((f) =>
    el('li', { 'data-id': f.id }, statusBadge(f.status, f.endedFiscalYear), ' ',
      stateLink({ id: f.id }, { text: f.name }), f.variant ? ` ${f.variant}` : '',
      (f.fiscalYears || []).length ? el('span', { class: 'family-years', text: `（${f.fiscalYears.map(fiscalYearLabel).join('・')}）` }) : null))));
}

function contactsSection(contacts) {
  if (contacts.length === 0) return null;
  return section('問い合わせ先', 'contacts', el('ul', { class: 'contacts' }, contacts.map((c) =>
    el('li', {},
      c.division ? el('div', { text: c.division }) : null,
      c.phone ? el('div', { text: `電話: ${c.phone}` }) : null,
      // As written: (atmark) and the like are kept, never turned into a mailto link.
      c.email ? el('div', { text: `メール: ${c.email}` }) : null,
      c.note ? el('div', { class: 'note', text: c.note }) : null))));
}

function sourcesSection(p) {
  const sources = p.sources || [];
  if (sources.length === 0 && !p.url) return null;
  return section('出典', 'sources',
    p.url ? el('p', {}, 'URL: ', el('span', { class: 'url', text: p.url })) : null,
    el('ul', { class: 'sources' }, sources.map((s) => el('li', {},
      el('span', { text: [s.title, s.section].filter(Boolean).join(' ／ ') || s.document }),
      s.date ? el('span', { text: `（${s.date}）` }) : null,
      el('span', { class: 'doc', text: ` [${s.document}]` })))));
}
