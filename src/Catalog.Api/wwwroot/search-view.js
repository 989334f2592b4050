// The search view: results, facets, the "loosen" hints, the pager and the export links.
import { $, el, dateEl } from './dom.js';
import { getJson } from './api.js';
import { LIST_FACETS, RANGE_FACETS, searchParams, navigate, refine, stateLink, readState } from './state.js';
import { fiscalYearLabel } from './wareki.js';
import { levelLabel } from './vocabulary.js';
import { renderUnderstood, understoodFor, queryWithout } from './chips.js';
import { renderChangesPanel, updateFeedLinks } from './changes.js';
import { renderOverviewPanel } from './overview.js';
import { renderHomePanel } from './home.js';
import { compareToggle, renderCompareBar } from './compare.js';
import { saveSearch, markOpened, isSaved } from './saved-searches.js';

let searchController = null;
let renderedSearchKey = null;

export async function renderSearch(state) {
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
  for (const [id, format] of [['export-xlsx', 'xlsx'], ['export-csv', 'csv'], ['export-json', 'json']]) {
    const ep = new URLSearchParams(exportParams);
    ep.set('format', format);
    $(id).href = `/api/export?${ep}`;
  }
  updateFeedLinks(searchParams(state));
  const home = searchParams(state).toString() === '' && state.page === 1;
  renderHomePanel($('home-panel'), home);
  renderOverviewPanel($('overview-panel'), home);
  if (!home) markOpened(searchParams(state));
  renderSaveButton(state, home);
  renderCompareBar();
  renderChangesPanel($('changes-panel'), home);

  $('results-title').textContent = data.total > 0
    ? `${data.q ? `「${data.q}」の` : ''}検索結果 ${data.total.toLocaleString('ja-JP')}件`
    : `${data.q ? `「${data.q}」に` : ''}該当する制度はありません`;
  renderNotice(data);
  renderUnderstood($('understood'), data.understood, (text) => refine({ q: queryWithout(state.q, text) }));
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
  const parts = [];
  // 「もしかして」: the corrected word was searched too; the link searches the corrected line alone.
  if (data.didYouMean) {
    parts.push(el('p', { class: 'did-you-mean' }, 'もしかして: ',
      stateLink({ q: data.didYouMean, page: 1 }, { class: 'did-you-mean-link', text: data.didYouMean }),
      '（この語でも検索しました）'));
  }
  if (data.relaxed || data.notice) parts.push(el('p', { text: data.notice || 'すべての語に一致する制度がないため、いずれかの語に一致する制度を表示しています。' }));
  notice.replaceChildren(...parts);
  notice.hidden = parts.length === 0;
}

/** The selected filters, each with a label and the state change that removes it. */
export function selectedFilters(state, facets) {
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
  if (name === 'level') return levelLabel(value);
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
      const checked = state[name].includes(f.value) || f.selected;
      const input = el('input', { type: 'checkbox', name, value: f.value, checked });
      input.addEventListener('change', () => {
        const next = input.checked ? [...state[name], f.value] : state[name].filter((x) => x !== f.value);
        // Ticked by a word of the query: unticking also takes the word out of the query.
        const part = !input.checked && understoodFor(name, f.value);
        refine(part ? { [name]: next, q: queryWithout(state.q, part.text) } : { [name]: next });
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
    // A bound read from the query shows as the ticked bucket; choosing another replaces it.
    const part = understoodFor(param);
    const ticked = values.find((f) => f.selected)?.value ?? state[param];
    const radio = (value, label, count) => {
      const input = el('input', { type: 'radio', name: param, value, checked: ticked === value });
      input.addEventListener('change', () => refine(part ? { [param]: value, q: queryWithout(state.q, part.text) } : { [param]: value }));
      return el('li', {}, el('label', {}, input, ' ', el('span', { class: 'facet-label', text: label }),
        count === null ? '' : ' ', count === null ? '' : el('span', { class: 'count', text: `(${count})` })));
    };
    groups.push(el('fieldset', { class: 'facet', 'data-facet': facet }, el('legend', { text: heading }),
      el('ul', { class: 'facet-list' }, radio('', '指定なし', null), values.map((f) => radio(f.value, f.label, f.count)))));
  }
  $('facet-groups').replaceChildren(...groups);
  $('open-only').checked = state.status.length === 1 && state.status[0] === '受付中';
  $('hide-ended').checked = state.hideEnded;
  $('clear-filters').hidden = selectedFilters(state, facets).length === 0;
}

export function statusBadge(status, endedFiscalYear) {
  if (!status) return el('span', { class: 'badge badge-unknown', text: '期間不明', title: '現行の制度ですが、公募期間が公表されていません' });
  if (status === '終了') {
    const text = endedFiscalYear ? `終了（${fiscalYearLabel(endedFiscalYear)}まで）` : '終了';
    return el('span', { class: 'badge badge-ended', text });
  }
  const cls = { 受付中: 'open', 予告: 'upcoming', 締切: 'closed', 通年: 'yearround' }[status] || 'unknown';
  return el('span', { class: `badge badge-${cls}`, text: status });
}

/** 「次回公募（推定）2027年4月上旬〜5月中旬」 with its basis; never shown as an announced window. */
export function forecastEl(item) {
  const f = item.forecast;
  if (!f) return null;
  return el('p', { class: 'forecast', 'data-forecast': f.start },
    el('span', { class: 'badge badge-forecast', text: '推定' }), ' ', f.text,
    el('span', { class: 'forecast-basis', text: `（${f.basis}。公表された日程ではありません）` }));
}

export function deadlineEl(item) {
  if (item.status === '通年') return el('span', { class: 'deadline', text: '通年受付' });
  if (!item.nextDeadline) return null;
  const parts = [el('span', { text: '締切 ' }), dateEl(item.nextDeadline)];
  if (typeof item.daysLeft === 'number' && item.daysLeft >= 0) {
    parts.push(el('strong', { class: item.daysLeft <= 7 ? 'days-left urgent' : 'days-left', text: item.daysLeft === 0 ? '本日締切' : `締切まで残り${item.daysLeft}日` }));
  }
  return el('span', { class: 'deadline' }, parts);
}

function renderHits(hits) {
  $('hits').replaceChildren(...hits.map((h) => {
    const link = stateLink({ id: h.id }, { class: 'hit-link', text: h.name });
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
      el('div', { class: 'hit-head' }, statusBadge(h.status, h.endedFiscalYear), el('h3', { class: 'hit-title' }, link)),
      h.aliases && h.aliases.length ? el('p', { class: 'aliases', text: `別名: ${h.aliases.join('、')}` }) : null,
      meta,
      deadlineEl(h),
      forecastEl(h),
      snippets,
      compareToggle(h));
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

/** Clears every filter, keeping the query. */
export function clearFilters() {
  const cleared = {};
  for (const [name] of LIST_FACETS) cleared[name] = [];
  for (const [, param] of RANGE_FACETS) cleared[param] = '';
  refine(cleared);
}

// 「この検索を保存」: the query and filters, kept in this browser with a label staff can read.
function renderSaveButton(state, home) {
  const button = $('save-search');
  button.hidden = home;
  const saved = isSaved(searchParams(state));
  button.disabled = saved;
  button.textContent = saved ? '保存済みの検索' : 'この検索を保存';
}

export function wireSaveSearch() {
  $('save-search').addEventListener('click', () => {
    const state = readState();
    const parts = [state.q ? `「${state.q}」` : '', ...selectedFilters(state, {}).map((f) => f.label)].filter(Boolean);
    saveSearch(searchParams(state), parts.join(' ') || 'すべての制度');
    renderSaveButton(state, false);
  });
}
