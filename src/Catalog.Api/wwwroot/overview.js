// The home page's lists (no query, no filter): open now, closing soon, announced and forecast calls.
import { el } from './dom.js';
import { getJson } from './api.js';
import { stateLink, readState } from './state.js';
import { statusBadge, deadlineEl, forecastEl } from './search-view.js';

let loaded = false;

function programItem(h, extra) {
  return el('li', { class: 'overview-item', 'data-id': h.id },
    statusBadge(h.status, h.endedFiscalYear), ' ', stateLink({ id: h.id }, { text: h.name }), ' ',
    el('span', { class: 'overview-ministry', text: h.ministry }), extra ? ' ' : null, extra);
}

function list(key, title, hits, empty, extra) {
  return el('section', { class: 'overview-list', 'data-list': key },
    el('h3', { text: title }),
    hits.length === 0 ? el('p', { class: 'overview-empty', text: empty })
      : el('ul', {}, hits.map((h) => programItem(h, extra(h)))));
}

/** Fills the home page's overview once; hidden whenever a query or a filter is set. */
export async function renderOverviewPanel(panel, show) {
  if (!panel) return;
  panel.hidden = !show;
  if (!show || loaded) return;
  loaded = true;
  const title = el('h2', { id: 'overview-title', text: 'いま動いている制度' });
  panel.replaceChildren(title, el('p', { text: '読み込み中…' }));
  try {
    const asOf = readState().asOf;
    const o = await getJson(`/api/overview${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
    panel.replaceChildren(title,
      list('open', `受付中（通年を含む）${o.openTotal}件`, o.openNow, '現在受付中の制度はありません。', deadlineEl),
      list('closing', '締切間近（30日以内）', o.closingSoon, '30日以内に締め切る制度はありません。', deadlineEl),
      list('announced', '公募予定（公表済み）', o.announced, '公表済みの公募予定はありません。', deadlineEl),
      list('forecast', '次回公募の見込み（推定）', o.forecast, '過去の公募から次回を推定できる制度はありません。', forecastEl));
  } catch {
    loaded = false;
    panel.replaceChildren(title, el('p', { class: 'overview-empty', text: '一覧を読み込めませんでした。' }));
  }
}
