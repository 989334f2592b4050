// The municipality page (?municipality=CODE or a name): its classes, what it can apply for and why
// (対象 / 要確認 / 対象外 with reasons, cap for its class, 締切まで残りN日), its adoptions and its
// peers, with a CSV download. Also the search box's municipality suggestions, and the route to
// the adoption map. app.js calls routeMunicipality() first on every render.
import { $, el, appLink, dateEl, fiscalYearLabel, getJson, go, view, warekiDate } from './municipality-common.js';
import { renderAdoptionMap } from './adoption-map.js';

const OUTCOME_CLASS = { 対象: 'verdict-yes', 要確認: 'verdict-check', 対象外: 'verdict-no', 終了: 'verdict-ended', 記載不足: 'verdict-gap' };
const EFFECT_LABEL = { ok: '該当', excluded: '対象外', unknown: '要確認', info: '参考', gap: '記載不足' };
let controller = null;

/** Renders the municipality page or the adoption map when the URL asks for one; false otherwise. */
export async function routeMunicipality() {
  const params = new URLSearchParams(location.search);
  const code = params.get('municipality');
  const map = params.get('view') === 'adoptions';
  const municipalityView = view('municipality-view', '自治体');
  const mapView = view('adoption-map-view', '採択マップ');
  if (!code && !map) {
    municipalityView.hidden = true;
    mapView.hidden = true;
    return false;
  }
  $('search-view').hidden = true;
  $('detail-view').hidden = true;
  municipalityView.hidden = !code;
  mapView.hidden = !map;
  if (code) await renderMunicipality(municipalityView, code, params.get('asOf'));
  else await renderAdoptionMap(mapView, params);
  return true;
}

/** Municipalities matching what was typed, as suggestions for the search box (at most 3). */
export async function municipalitySuggestions(text, signal) {
  if (text.length < 2 && !/^[\u4e00-\u9fff]$/.test(text)) return [];
  try {
    const data = await getJson(`/api/municipalities?limit=3&q=${encodeURIComponent(text)}`, signal);
    return data.municipalities.map((m) => ({
      kind: 'municipality', code: m.code, text: m.name,
      label: m.prefecture.code === m.code ? '都道府県' : `自治体・${m.prefecture.name}`,
    }));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return []; // suggestions are a convenience: the search box keeps working
  }
}

/** Opens the page of a picked municipality suggestion. */
export function openMunicipality(code) {
  go(`?municipality=${encodeURIComponent(code)}`);
}

async function renderMunicipality(root, code, asOf) {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  root.replaceChildren(el('p', { text: '読み込み中…' }));
  const showEnded = new URLSearchParams(location.search).get('hideEnded') === 'false';
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (showEnded) params.set('hideEnded', 'false');
  const query = params.toString() ? `?${params}` : '';
  let detail;
  let table;
  try {
    [detail, table] = await Promise.all([
      getJson(`/api/municipalities/${encodeURIComponent(code)}`, signal),
      getJson(`/api/municipalities/${encodeURIComponent(code)}/programs${query}`, signal),
    ]);
  } catch (e) {
    if (e.name === 'AbortError') return;
    root.replaceChildren(backToSearch(), el('h2', { text: '自治体を表示できません' }),
      el('p', { class: 'muni-error', role: 'alert', text: e.status === 404 ? `${/^[0-9０-９]+$/.test(code) ? `団体コード ${code} ` : `「${code}」`}の自治体は見つかりませんでした（${e.message}）` : e.message }));
    return;
  }
  const m = detail.municipality;
  document.title = `${m.name}（${m.prefecture.name}）で使える制度 - スマートシティ支援制度カタログ`;
  const csv = `/api/municipalities/${encodeURIComponent(m.code)}/programs?format=csv${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
  root.replaceChildren(
    backToSearch(),
    el('header', { class: 'muni-head' },
      el('h2', { id: 'muni-title', tabindex: '-1' }, m.name, el('span', { class: 'muni-kana', text: `（${m.kana}）` })),
      el('p', { class: 'muni-meta' },
        m.prefecture.code === m.code ? '' : `${m.prefecture.name}・`, `団体コード ${m.code}`)),
    classesSection(detail),
    verdictSection(table, csv),
    adoptionsSection(detail.adoptions),
    peersSection(detail.peers, m),
    el('p', { class: 'note', text: `団体の一覧: ${detail.master.source}（${detail.master.published || ''}公開、${detail.master.license || ''}）` }));
  $('muni-title').focus({ preventScroll: true });
}

function backToSearch() {
  return appLink('./', '← 制度の検索に戻る', { class: 'back-link' });
}

function classesSection(detail) {
  const member = detail.classes.filter((c) => c.membership === 'member');
  const unknown = detail.classes.filter((c) => c.membership === 'unknown');
  return el('section', { class: 'detail-section', 'aria-labelledby': 'muni-classes' },
    el('h3', { id: 'muni-classes', text: '区分' }),
    el('ul', { class: 'muni-classes' },
      member.map((c) => el('li', { class: 'chip', title: c.source ? `出典: ${c.source}（${c.asOf}時点）` : '', text: c.class })),
      unknown.map((c) => el('li', { class: 'chip chip-unknown', title: c.note || '', text: `${c.class}：不明` }))),
    unknown.length ? el('p', { class: 'note', text: `${unknown.map((c) => c.class).join('・')}の一覧は収録していないため、これに左右される判定は「要確認」になります。` }) : null);
}

function verdictSection(table, csv) {
  const c = table.counts;
  return el('section', { class: 'detail-section', 'aria-labelledby': 'muni-verdicts' },
    el('div', { class: 'results-bar' },
      el('h3', { id: 'muni-verdicts', text: `使える制度（判定 ${warekiDate(table.asOf)}時点）` }),
      el('a', { id: 'muni-csv', href: csv, download: '', text: 'CSVでダウンロード（庁内メモ用）' })),
    el('p', { class: 'verdict-counts', role: 'status' },
      el('span', { class: 'verdict verdict-yes', text: `対象 ${c.eligible}件` }), ' ',
      el('span', { class: 'verdict verdict-check', text: `要確認 ${c.check}件` }), ' ',
      el('span', { class: 'verdict verdict-no', text: `対象外 ${c.notEligible}件` }), ' ',
      el('span', { class: 'verdict verdict-gap', title: '制度の記録に申請主体などの記載がなく判定できない件数（カタログ側で補う情報）', text: `記載不足 ${c.dataGap}件` }), ' ',
      el('span', { class: 'verdict verdict-ended', text: `終了 ${c.ended}件${table.endedHidden ? '（非表示）' : ''}` }), ' ',
      c.ended ? endedToggle(table.endedHidden) : null),
    el('table', { class: 'verdict-table' },
      el('caption', { class: 'visually-hidden', text: '制度ごとの判定と理由' }),
      el('thead', {}, el('tr', {},
        ['判定', '制度', '上限額（この団体の区分）', '募集', '理由'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, table.verdicts.map(verdictRow))));
}

// 終了した制度 are hidden by default; the link shows them (hideEnded=false in the URL) or hides them again.
function endedToggle(hidden) {
  const p = new URLSearchParams(location.search);
  if (hidden) p.set('hideEnded', 'false'); else p.delete('hideEnded');
  return el('a', { id: 'muni-ended-toggle', href: `?${p}`, text: hidden ? '終了した制度も表示' : '終了した制度を隠す' });
}

function verdictRow(v) {
  // data-label: on a phone the row becomes a card and each cell names its column.
  return el('tr', { 'data-program': v.programId, 'data-outcome': v.outcome },
    el('td', { 'data-label': '判定' }, el('span', { class: `verdict ${OUTCOME_CLASS[v.outcome] || ''}`, text: v.outcome })),
    el('td', { 'data-label': '制度' }, appLink(`?id=${encodeURIComponent(v.programId)}`, v.programName)),
    el('td', { class: 'verdict-cap', 'data-label': '上限額' }, v.cap && v.cap.texts.length ? `${v.cap.class || '全申請者'}: ${v.cap.texts.join('、')}` : '—'),
    el('td', { class: 'verdict-window', 'data-label': '募集' }, windowCell(v)),
    el('td', { 'data-label': '理由' }, el('ul', { class: 'reasons' }, v.reasons.map((r) => el('li', { class: `reason reason-${r.effect}` },
      el('span', { class: 'reason-rule', text: `${r.rule}・${EFFECT_LABEL[r.effect] || r.effect}` }), ' ', r.fact)))));
}

function windowCell(v) {
  if (!v.windowStatus) return '記載なし';
  const parts = [el('span', { text: v.windowStatus })];
  if (v.nextDeadline && v.windowStatus !== '締切') {
    parts.push(' 締切 ', dateEl(v.nextDeadline));
    if (v.daysLeft !== null && v.daysLeft !== undefined) parts.push(el('span', { class: `days-left${v.daysLeft <= 7 ? ' urgent' : ''}`, text: ` 締切まで残り${v.daysLeft}日` }));
  }
  return parts;
}

function adoptionsSection(adoptions) {
  return el('section', { class: 'detail-section', 'aria-labelledby': 'muni-adoptions' },
    el('h3', { id: 'muni-adoptions', text: `採択の実績（${adoptions.length}件）` }),
    adoptions.length === 0 ? el('p', { text: 'カタログに採択の記録はありません（収録している採択一覧は一部です）。' })
      : el('table', { class: 'muni-adoptions' },
        el('thead', {}, el('tr', {}, ['年度', '制度', '事業名・備考'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, [...adoptions].sort((a, b) => (b.fiscalYear || 0) - (a.fiscalYear || 0)).map((a) => el('tr', {},
          el('td', { text: fiscalYearLabel(a.fiscalYear) }),
          el('td', {}, appLink(`?id=${encodeURIComponent(a.programId)}`, a.programName)),
          el('td', {}, a.title || '', a.municipality !== '' && a.lgCodes.length > 1 ? el('p', { class: 'note', text: `共同: ${a.municipality}` }) : null,
            a.note ? el('p', { class: 'note', text: a.note }) : null))))));
}

function peersSection(peers, m) {
  return el('section', { class: 'detail-section', 'aria-labelledby': 'muni-peers' },
    el('h3', { id: 'muni-peers', text: '同じ制度に採択された近隣・同規模の自治体' }),
    peers.length === 0 ? el('p', { text: `${m.name}と同じ制度に採択された、同じ都道府県または隣接県で同じ区分の自治体はカタログにありません。` })
      : el('ul', { class: 'peers' }, peers.slice(0, 30).map((p) => el('li', { 'data-code': p.code },
        appLink(`?municipality=${p.code}`, `${p.name}（${p.prefecture.name}）`),
        el('span', { class: 'note', text: ` ${p.because.join('・')}：` }),
        p.adoptions.map(peerAdoption).join('、')))));
}

// One program per peer, with every 年度 it was adopted in: 「制度名（令和3年度・令和4年度）」.
function peerAdoption(a) {
  const years = a.fiscalYears || [];
  return years.length ? `${a.programName}（${years.map(fiscalYearLabel).join('・')}）` : a.programName;
}
