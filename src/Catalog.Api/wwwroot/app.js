// Staff UI of the catalogue: search, facets, detail and export, with all state in the URL.
// No framework and no build step. Only the API's snippet HTML (escaped, with <mark>) is ever
// inserted as HTML; every other text goes through textContent.

import { renderChangesPanel, historySection, updateFeedLinks } from './changes.js';

// ---------- 和暦 ----------

const ERAS = [
  { name: '令和', start: '2019-05-01', offset: 2018 },
  { name: '平成', start: '1989-01-08', offset: 1988 },
  { name: '昭和', start: '1926-12-25', offset: 1925 },
];

const eraYear = (n) => (n === 1 ? '元' : String(n));

/** 2019 → 令和元年度, 2018 → 平成30年度 (a fiscal year takes the era of most of its months). */
export function fiscalYearLabel(year) {
  const y = Number(year);
  if (!Number.isInteger(y) || y <= 0) return String(year);
  if (y >= 2019) return `令和${eraYear(y - 2018)}年度`;
  if (y >= 1989) return `平成${eraYear(y - 1988)}年度`;
  return `昭和${eraYear(y - 1925)}年度`;
}

/**
 * "2024-05-10T12:00:00+09:00" → "令和6年5月10日 12:00". The date is read as written (the API
 * writes JST), so no time zone arithmetic can move it to another day.
 */
export function formatWareki(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(iso));
  if (!m) return String(iso);
  const [, ys, ms, ds, hh, mm] = m;
  const ymd = `${ys}-${ms}-${ds}`;
  const era = ERAS.find((e) => ymd >= e.start);
  const y = Number(ys);
  const date = era ? `${era.name}${eraYear(y - era.offset)}年${Number(ms)}月${Number(ds)}日` : `${y}年${Number(ms)}月${Number(ds)}日`;
  // Midnight and the end of the day say nothing beyond the date.
  if (hh === undefined || (hh === '00' && mm === '00') || (hh === '23' && mm === '59')) return date;
  if (hh === '12' && mm === '00') return `${date} 正午`;
  return `${date} ${Number(hh)}:${mm}`;
}

// ---------- small DOM helpers ----------

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
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
function dateEl(iso) {
  if (!iso) return el('span', { text: '—' });
  return el('time', { datetime: iso, title: iso, text: formatWareki(iso) });
}

// ---------- errors ----------

function showError(message) {
  $('error-message').textContent = message;
  $('error-banner').hidden = false;
}

window.addEventListener('error', (e) => {
  showError(`画面の処理中にエラーが発生しました: ${e.message || e.error || '不明なエラー'}。再読み込みしても直らない場合は管理者に連絡してください。`);
});
window.addEventListener('unhandledrejection', (e) => {
  const r = e.reason;
  showError(r instanceof ApiError ? r.message : `画面の処理中にエラーが発生しました: ${(r && r.message) || r}。再読み込みしても直らない場合は管理者に連絡してください。`);
});

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function getJson(url, { signal, notFound } = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('サーバーに接続できません。しばらくしてから再読み込みしてください。', 0);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || '';
    } catch { /* not JSON: the status says enough */ }
    const what = response.status === 404 && notFound ? notFound : `サーバーがエラーを返しました（HTTP ${response.status}）。`;
    const next = response.status === 404 && notFound ? '検索画面から探し直してください。'
      : response.status < 500 ? '検索条件を見直してください。' : 'しばらくしてから再読み込みしてください。';
    throw new ApiError(`${what}${detail ? `（${detail}）` : ''} ${next}`, response.status);
  }
  return response.json();
}

// ---------- state in the URL ----------

/** Facets whose values are sent back as repeatable parameters, with their Japanese headings. */
const LIST_FACETS = [
  ['status', '募集状況'],
  ['ministry', '所管府省'],
  ['kind', '支援の種類'],
  ['field', '分野'],
  ['applicant', '対象（申請主体）'],
  ['level', '実施主体'],
  ['fiscalYear', '年度'],
];
/** Range facets: the bucket value goes to a single parameter. */
const RANGE_FACETS = [
  ['rate', 'rateMin', '補助率'],
  ['cap', 'capMin', '上限額'],
];
const LEVEL_LABELS = { national: '国', prefectural: '都道府県', municipal: '市区町村', private: '民間・団体' };
const SORT_VALUES = ['relevance', 'deadline', 'cap', 'rate', 'name'];

function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') || '', sort: p.get('sort') || 'relevance', page: Number(p.get('page')) || 1, id: p.get('id') || '' };
  for (const [name] of LIST_FACETS) state[name] = p.getAll(name);
  for (const [, param] of RANGE_FACETS) state[param] = p.get(param) || '';
  state.asOf = p.get('asOf') || '';
  if (!SORT_VALUES.includes(state.sort)) state.sort = 'relevance';
  return state;
}

/** The query and filters only: what the search and the export are asked for. */
function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const [name] of LIST_FACETS) for (const v of state[name]) p.append(name, v);
  for (const [, param] of RANGE_FACETS) if (state[param]) p.set(param, state[param]);
  if (state.asOf) p.set('asOf', state.asOf);
  return p;
}

function stateUrl(state) {
  const p = searchParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.id) p.set('id', state.id);
  const s = p.toString();
  return s ? `?${s}` : location.pathname;
}

function navigate(changes, { replace = false } = {}) {
  const next = { ...readState(), ...changes };
  const url = stateUrl(next);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

/** Any change of query or filters starts again at page 1 and leaves the detail. */
const refine = (changes) => navigate({ ...changes, page: 1, id: '' });

// ---------- rendering ----------

let searchController = null;
let renderedSearchKey = null;

async function render() {
  const state = readState();
  $('q').value = state.q;
  $('sort').value = state.sort;
  closeSuggestions();
  if (state.id) {
    $('search-view').hidden = true;
    $('detail-view').hidden = false;
    await renderDetail(state.id);
  } else {
    $('detail-view').hidden = true;
    $('search-view').hidden = false;
    document.title = state.q ? `${state.q} の検索結果 - スマートシティ支援制度カタログ` : 'スマートシティ支援制度カタログ';
    await renderSearch(state);
  }
}

async function renderSearch(state) {
  const p = searchParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('page', String(state.page));
  const key = p.toString();
  if (key === renderedSearchKey) return;
  searchController?.abort();
  searchController = new AbortController();
  document.body.classList.add('loading');
  $('results').setAttribute('aria-busy', 'true');
  let data;
  try {
    data = await getJson(`/api/programs?${key}`, { signal: searchController.signal });
  } catch (e) {
    if (e.name === 'AbortError') return;
    renderedSearchKey = null;
    renderSearchFailure(e);
    throw e;
  } finally {
    document.body.classList.remove('loading');
    $('results').removeAttribute('aria-busy');
  }
  renderedSearchKey = key;
  $('error-banner').hidden = true;

  const exportParams = searchParams(state);
  if (state.sort !== 'relevance') exportParams.set('sort', state.sort);
  for (const [id, format] of [['export-csv', 'csv'], ['export-json', 'json']]) {
    const ep = new URLSearchParams(exportParams);
    ep.set('format', format);
    $(id).href = `/api/export?${ep}`;
  }
  updateFeedLinks(searchParams(state));
  renderChangesPanel($('changes-panel'), searchParams(state).toString() === '' && state.page === 1);

  $('results-title').textContent = data.total > 0
    ? `${data.q ? `「${data.q}」の` : ''}検索結果 ${data.total.toLocaleString('ja-JP')}件`
    : `${data.q ? `「${data.q}」に` : ''}該当する制度はありません`;
  renderNotice(data);
  renderLoosen(state, data);
  renderFacets(state, data.facets || {});
  renderHits(data.hits || []);
  renderPager(data);
}

function renderSearchFailure(error) {
  $('results-title').textContent = '検索結果を表示できません';
  $('hits').replaceChildren(el('li', { class: 'empty' },
    el('p', { text: error.message }),
    el('button', { type: 'button', class: 'secondary', text: '再読み込み', onclick: () => location.reload() })));
  $('pager').replaceChildren();
  $('notice').hidden = true;
  $('loosen').hidden = true;
}

function renderNotice(data) {
  const notice = $('notice');
  if (data.relaxed || data.notice) {
    notice.textContent = data.notice || 'すべての語に一致する制度がないため、いずれかの語に一致する制度を表示しています。';
    notice.hidden = false;
  } else {
    notice.hidden = true;
  }
}

/** The selected filters, each with a label and the state change that removes it. */
function selectedFilters(state, facets) {
  const out = [];
  for (const [name, heading] of LIST_FACETS) {
    for (const v of state[name]) {
      const f = (facets[name] || []).find((x) => x.value === v);
      out.push({ label: `${heading}: ${facetLabel(name, v, f)}`, remove: { [name]: state[name].filter((x) => x !== v) } });
    }
  }
  for (const [facet, param, heading] of RANGE_FACETS) {
    if (!state[param]) continue;
    const f = (facets[facet] || []).find((x) => x.value === state[param]);
    out.push({ label: `${heading}: ${f ? f.label : state[param]}`, remove: { [param]: '' } });
  }
  return out;
}

function renderLoosen(state, data) {
  const box = $('loosen');
  const filters = selectedFilters(state, data.facets || {});
  if ((data.total > 0 && !data.relaxed) || (filters.length === 0 && !state.q)) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const items = [];
  if (filters.length > 0) {
    items.push(el('p', { text: '次の条件を外すと見つかるかもしれません:' }));
    items.push(el('ul', { class: 'loosen-list' }, filters.map((f) =>
      el('li', {}, el('button', { type: 'button', class: 'chip', onclick: () => refine(f.remove) }, `${f.label} を外す`)))));
  }
  if (state.q) {
    items.push(el('p', {}, 'キーワードを短くするか、別の言い方（例: 補助金 → 交付金、都市OS → データ連携基盤）を試してください。 ',
      el('button', { type: 'button', class: 'link-button', onclick: () => refine({ q: '' }) }, 'キーワードを外す')));
  }
  box.replaceChildren(...items);
  box.hidden = false;
}

function facetLabel(name, value, facet) {
  if (name === 'fiscalYear') return fiscalYearLabel(value);
  if (name === 'level') return LEVEL_LABELS[value] || (facet && facet.label) || value;
  return (facet && facet.label) || value;
}

function renderFacets(state, facets) {
  const groups = [];
  for (const [name, heading] of LIST_FACETS) {
    const values = facets[name] || [];
    // A selected value that no longer has hits stays visible so it can be unticked.
    for (const v of state[name]) if (!values.some((f) => f.value === v)) values.push({ value: v, label: v, count: 0, selected: true });
    if (values.length === 0) continue;
    const list = el('ul', { class: 'facet-list' }, values.map((f) => {
      const checked = state[name].includes(f.value);
      const input = el('input', { type: 'checkbox', name, value: f.value, checked });
      input.addEventListener('change', () => {
        const next = input.checked ? [...state[name], f.value] : state[name].filter((x) => x !== f.value);
        refine({ [name]: next });
      });
      return el('li', { class: f.count === 0 && !checked ? 'facet-zero' : '' },
        el('label', {}, input, ' ', el('span', { class: 'facet-label', text: facetLabel(name, f.value, f) }),
          ' ', el('span', { class: 'count', 'aria-label': `${f.count}件`, text: `(${f.count})` })));
    }));
    groups.push(el('fieldset', { class: 'facet', 'data-facet': name }, el('legend', { text: heading }), list));
  }
  for (const [facet, param, heading] of RANGE_FACETS) {
    const values = facets[facet] || [];
    if (values.length === 0 && !state[param]) continue;
    const radio = (value, label, count) => {
      const input = el('input', { type: 'radio', name: param, value, checked: state[param] === value });
      input.addEventListener('change', () => refine({ [param]: value }));
      return el('li', {}, el('label', {}, input, ' ', el('span', { class: 'facet-label', text: label }),
        count === null ? '' : ' ', count === null ? '' : el('span', { class: 'count', text: `(${count})` })));
    };
    groups.push(el('fieldset', { class: 'facet', 'data-facet': facet }, el('legend', { text: heading }),
      el('ul', { class: 'facet-list' }, radio('', '指定なし', null), values.map((f) => radio(f.value, f.label, f.count)))));
  }
  $('facet-groups').replaceChildren(...groups);
  $('open-only').checked = state.status.length === 1 && state.status[0] === '受付中';
  $('clear-filters').hidden = selectedFilters(state, facets).length === 0;
}

function statusBadge(status) {
  if (!status) return el('span', { class: 'badge badge-unknown', text: '期間不明' });
  const cls = { 受付中: 'open', 予告: 'upcoming', 締切: 'closed', 通年: 'yearround' }[status] || 'unknown';
  return el('span', { class: `badge badge-${cls}`, text: status });
}

function deadlineEl(item) {
  if (item.status === '通年') return el('span', { class: 'deadline', text: '通年受付' });
  if (!item.nextDeadline) return null;
  const parts = [el('span', { text: '締切 ' }), dateEl(item.nextDeadline)];
  if (typeof item.daysLeft === 'number' && item.daysLeft >= 0) {
    parts.push(el('strong', { class: item.daysLeft <= 7 ? 'days-left urgent' : 'days-left', text: item.daysLeft === 0 ? '本日締切' : `締切まで残り${item.daysLeft}日` }));
  }
  return el('span', { class: 'deadline' }, parts);
}

function renderHits(hits) {
  const list = $('hits');
  list.replaceChildren(...hits.map((h) => {
    const link = el('a', { href: stateUrl({ ...readState(), id: h.id }), class: 'hit-link', text: h.name });
    link.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate({ id: h.id });
    });
    const snippets = (h.snippets || []).map((s) => {
      const p = el('p', { class: 'snippet' });
      p.innerHTML = s.html; // escaped by the API; only <mark> is markup
      return p;
    });
    const meta = el('dl', { class: 'hit-meta' },
      metaPair('所管', h.ministry),
      metaPair('種類', (h.kinds || []).join('、')),
      metaPair('補助率', h.rateText),
      metaPair('上限額', h.capText),
      metaPair('年度', (h.fiscalYears || []).map(fiscalYearLabel).join('、')));
    return el('li', { class: 'hit', 'data-id': h.id },
      el('div', { class: 'hit-head' }, statusBadge(h.status), el('h3', { class: 'hit-title' }, link)),
      h.aliases && h.aliases.length ? el('p', { class: 'aliases', text: `別名: ${h.aliases.join('、')}` }) : null,
      meta,
      deadlineEl(h),
      snippets);
  }));
}

function metaPair(term, value) {
  if (!value) return null;
  return el('div', { class: 'meta-pair' }, el('dt', { text: term }), el('dd', { text: value }));
}

function renderPager(data) {
  const pages = Math.max(1, Math.ceil(data.total / (data.pageSize || 20)));
  const nav = $('pager');
  if (pages <= 1) { nav.replaceChildren(); return; }
  const go = (page) => () => { navigate({ page }); $('results-title').focus(); };
  nav.replaceChildren(
    el('button', { type: 'button', class: 'secondary', disabled: data.page <= 1, onclick: go(data.page - 1) }, '前のページ'),
    el('span', { class: 'page-info', text: `${data.page} / ${pages} ページ` }),
    el('button', { type: 'button', class: 'secondary', disabled: data.page >= pages, onclick: go(data.page + 1) }, '次のページ'));
}

// ---------- detail ----------

let detailController = null;

async function renderDetail(id) {
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
    view.replaceChildren(backLink(), el('h2', { text: '制度を表示できません' }), el('p', { text: e.message }));
    throw e;
  }
  $('error-banner').hidden = true;
  document.title = `${p.name} - スマートシティ支援制度カタログ`;
  view.replaceChildren(...[
    backLink(),
    el('header', { class: 'detail-head' },
      el('div', { class: 'hit-head' }, statusBadge(p.status), el('h2', { id: 'detail-title', text: p.name })),
      p.variant ? el('p', { class: 'variant', text: p.variant }) : null,
      p.aliases && p.aliases.length ? el('p', { class: 'aliases', text: `別名: ${p.aliases.join('、')}` }) : null,
      deadlineEl(p)),
    section('概要', 'overview', el('dl', { class: 'fields' },
      pair('所管', [p.ministry, p.bureau, p.division].filter(Boolean).join(' ')),
      pair('実施主体', p.organization),
      pair('区分', LEVEL_LABELS[p.level] || p.level),
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
    contactsSection(p.contacts || []),
    sourcesSection(p),
    p.notes ? section('備考', 'notes', el('p', { class: 'notes', text: p.notes })) : null,
  ].filter(Boolean)); // replaceChildren would print a null as "null"
  view.append(historySection(id));
  $('detail-title').setAttribute('tabindex', '-1');
  $('detail-title').focus({ preventScroll: true });
}

function backLink() {
  const state = readState();
  const a = el('a', { href: stateUrl({ ...state, id: '' }), class: 'back-link', text: '← 検索結果に戻る' });
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate({ id: '' });
  });
  return a;
}

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
    const a = el('a', { href: stateUrl({ ...readState(), id: r.id }), text: r.name || r.id });
    a.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate({ id: r.id });
    });
    return el('li', {}, r.relation ? el('span', { class: 'relation', text: r.relation }) : null, ' ', a);
  })));
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

// ---------- suggestions ----------

let suggestTimer = null;
let suggestController = null;
let suggestions = [];
let activeIndex = -1;

function closeSuggestions() {
  const list = $('suggest-list');
  list.hidden = true;
  list.replaceChildren();
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  suggestions = [];
  activeIndex = -1;
}

function setActive(index) {
  const options = $('suggest-list').querySelectorAll('[role="option"]');
  activeIndex = index;
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
  if (index >= 0 && options[index]) {
    $('q').setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  } else {
    $('q').removeAttribute('aria-activedescendant');
  }
}

const SUGGEST_KIND = { name: '制度名', alias: '別名', field: '分野' };

async function fetchSuggestions(text) {
  suggestController?.abort();
  suggestController = new AbortController();
  let items;
  try {
    items = await getJson(`/api/suggest?q=${encodeURIComponent(text)}`, { signal: suggestController.signal });
  } catch (e) {
    if (e.name === 'AbortError') return;
    throw e;
  }
  if ($('q').value.trim() !== text) return;
  suggestions = items.slice(0, 10);
  const list = $('suggest-list');
  if (suggestions.length === 0) { closeSuggestions(); return; }
  list.replaceChildren(...suggestions.map((s, i) => {
    const li = el('li', { id: `suggest-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion' },
      el('span', { class: 'suggest-text', text: s.text }), el('span', { class: 'suggest-kind', text: SUGGEST_KIND[s.kind] || '' }));
    li.addEventListener('mousedown', (e) => { e.preventDefault(); pickSuggestion(i); });
    return li;
  }));
  list.hidden = false;
  activeIndex = -1;
  $('q').setAttribute('aria-expanded', 'true');
}

function pickSuggestion(i) {
  const s = suggestions[i];
  closeSuggestions();
  if (!s) return;
  if (s.id && s.kind !== 'field') {
    navigate({ id: s.id });
  } else {
    refine({ q: s.text });
  }
}

function wireSearchBox() {
  const q = $('q');
  q.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const text = q.value.trim();
    if (text.length === 0) { closeSuggestions(); return; }
    suggestTimer = setTimeout(() => { fetchSuggestions(text); }, 200);
  });
  q.addEventListener('keydown', (e) => {
    const open = !$('suggest-list').hidden && suggestions.length > 0;
    if (e.key === 'ArrowDown' && open) { e.preventDefault(); setActive((activeIndex + 1) % suggestions.length); }
    else if (e.key === 'ArrowUp' && open) { e.preventDefault(); setActive(activeIndex <= 0 ? suggestions.length - 1 : activeIndex - 1); }
    else if (e.key === 'Escape' && open) { e.preventDefault(); closeSuggestions(); }
    else if (e.key === 'Enter' && open && activeIndex >= 0) { e.preventDefault(); pickSuggestion(activeIndex); }
  });
  q.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(suggestTimer);
    suggestController?.abort();
    refine({ q: q.value.trim() });
  });
}

// ---------- wiring ----------

function wire() {
  wireSearchBox();
  $('sort').addEventListener('change', () => navigate({ sort: $('sort').value, page: 1 }));
  $('open-only').addEventListener('change', () => {
    const state = readState();
    refine({ status: $('open-only').checked ? ['受付中'] : state.status.filter((s) => s !== '受付中') });
  });
  $('clear-filters').addEventListener('click', () => {
    const cleared = {};
    for (const [name] of LIST_FACETS) cleared[name] = [];
    for (const [, param] of RANGE_FACETS) cleared[param] = '';
    refine(cleared);
  });
  $('error-close').addEventListener('click', () => { $('error-banner').hidden = true; });
  $('facet-toggle').addEventListener('click', () => {
    const open = $('facets').classList.toggle('open');
    $('facet-toggle').setAttribute('aria-expanded', String(open));
    $('facet-toggle').textContent = open ? '絞り込み条件を隠す' : '絞り込み条件を表示';
  });
  $('home-link').addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', location.pathname);
    render();
  });
  window.addEventListener('popstate', () => { render(); });
}

wire();
render().finally(() => { document.body.dataset.ready = 'true'; });
