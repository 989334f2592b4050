// The adoption overview (?view=adoptions): a tile-grid map of the 47 prefectures, shaded by the
// number of adoptions for the selected program and 年度, with a legend, a table of the counts
// and, on a click (or Enter) on a prefecture, the list of its adoptions. Pure SVG drawn here:
// no map tiles, no outside requests, no inline styles (shading is a CSS class per level).
import { el, svg, appLink, fiscalYearLabel, getJson, go } from './municipality-common.js';

// Column and row of each prefecture on the grid: a common public-sector layout, north-east to south-west.
const TILES = [
  ['北海道', 12, 0], ['青森県', 12, 1], ['秋田県', 11, 2], ['岩手県', 12, 2], ['山形県', 11, 3], ['宮城県', 12, 3],
  ['石川県', 8, 4], ['富山県', 9, 4], ['新潟県', 10, 4], ['福島県', 11, 4],
  ['福井県', 7, 5], ['岐阜県', 8, 5], ['長野県', 9, 5], ['群馬県', 10, 5], ['栃木県', 11, 5], ['茨城県', 12, 5],
  ['島根県', 3, 6], ['鳥取県', 4, 6], ['兵庫県', 5, 6], ['京都府', 6, 6], ['滋賀県', 7, 6], ['愛知県', 8, 6],
  ['山梨県', 9, 6], ['埼玉県', 10, 6], ['東京都', 11, 6], ['千葉県', 12, 6],
  ['佐賀県', 0, 7], ['福岡県', 1, 7], ['山口県', 2, 7], ['広島県', 3, 7], ['岡山県', 4, 7], ['大阪府', 5, 7],
  ['奈良県', 6, 7], ['三重県', 7, 7], ['静岡県', 9, 7], ['神奈川県', 10, 7],
  ['長崎県', 0, 8], ['熊本県', 1, 8], ['大分県', 2, 8], ['愛媛県', 3, 8], ['香川県', 4, 8], ['和歌山県', 5, 8],
  ['鹿児島県', 1, 9], ['宮崎県', 2, 9], ['高知県', 3, 9], ['徳島県', 4, 9],
  ['沖縄県', 0, 11],
];
const SIZE = 56;
const GAP = 4;
// Shading steps: 0, 1, 2–3, 4–6, 7+ adoptions.
const LEVELS = [[0, 0, '0件'], [1, 1, '1件'], [2, 3, '2〜3件'], [4, 6, '4〜6件'], [7, Infinity, '7件以上']];
const levelOf = (n) => LEVELS.findIndex(([lo, hi]) => n >= lo && n <= hi);
const shortName = (name) => (name === '北海道' ? '北海道' : name.replace(/[都府県]$/, ''));

let controller = null;

export async function renderAdoptionMap(root, params) {
  controller?.abort();
  controller = new AbortController();
  const program = params.get('program') || '';
  const year = params.get('fiscalYear') || '';
  const selected = params.get('prefecture') || '';
  const filter = new URLSearchParams();
  if (program) filter.set('program', program);
  if (year) filter.set('fiscalYear', year);
  root.replaceChildren(el('p', { text: '読み込み中…' }));
  let data;
  try {
    data = await getJson(`/api/adoptions?pageSize=1&${filter}`, controller.signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    root.replaceChildren(el('h2', { text: '採択マップを表示できません' }), el('p', { role: 'alert', text: e.message }));
    return;
  }
  document.title = '採択マップ - スマートシティ支援制度カタログ';
  const counts = new Map(data.facets.prefecture.map((f) => [f.value, f.count]));
  const link = (changes) => {
    const next = new URLSearchParams({ view: 'adoptions' });
    const merged = { program, fiscalYear: year, prefecture: selected, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v) next.set(k, v);
    return `?${next}`;
  };

  root.replaceChildren(
    appLink('./', '← 制度の検索に戻る', { class: 'back-link' }),
    el('h2', { id: 'map-title', tabindex: '-1', text: '採択マップ（都道府県別の採択件数）' }),
    filters(data, program, year, link),
    el('p', { class: 'verdict-counts', role: 'status', text: `${data.total}件の採択${outsideNote(counts)}` }),
    el('div', { class: 'map-layout' },
      el('figure', { class: 'tile-map' },
        tileMap(counts, selected, link),
        legend(),
        el('figcaption', { class: 'note', text: '各マスが都道府県です。色が濃いほど採択が多く、マスを選ぶとその都道府県の採択を一覧します。' })),
      el('div', { class: 'map-side' },
        selected ? await prefectureList(selected, filter) : el('p', { text: '都道府県を選ぶと、その採択を一覧します。' }),
        countTable(counts, link))));
}

function outsideNote(counts) {
  const outside = [...counts.entries()].filter(([name]) => !TILES.some(([n]) => n === name));
  return outside.length ? `（都道府県を特定できない採択 ${outside.reduce((s, [, n]) => s + n, 0)}件を含む）` : '';
}

function filters(data, program, year, link) {
  const programSelect = el('select', { id: 'map-program', 'aria-label': '制度' },
    el('option', { value: '', text: 'すべての制度' }),
    data.facets.program.map((f) => el('option', { value: f.value, text: `${f.label}（${f.count}）` })));
  programSelect.value = program;
  const yearSelect = el('select', { id: 'map-year', 'aria-label': '年度' },
    el('option', { value: '', text: 'すべての年度' }),
    data.facets.fiscalYear.map((f) => el('option', { value: f.value, text: `${f.value === 'unknown' ? '年度の記載なし' : fiscalYearLabel(Number(f.value))}（${f.count}）` })));
  yearSelect.value = year;
  programSelect.addEventListener('change', () => go(link({ program: programSelect.value, prefecture: '' })));
  yearSelect.addEventListener('change', () => go(link({ fiscalYear: yearSelect.value, prefecture: '' })));
  return el('div', { class: 'map-filters' },
    el('label', { for: 'map-program', text: '制度' }), programSelect,
    el('label', { for: 'map-year', text: '年度' }), yearSelect);
}

function tileMap(counts, selected, link) {
  const width = 13 * (SIZE + GAP);
  const height = 12 * (SIZE + GAP);
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'tiles', role: 'group', 'aria-label': '都道府県タイルマップ' },
    TILES.map(([name, col, row]) => {
      const n = counts.get(name) || 0;
      const x = col * (SIZE + GAP);
      const y = row * (SIZE + GAP);
      const tile = svg('g', {
        class: `tile level-${levelOf(n)}${name === selected ? ' selected' : ''}`, role: 'button', tabindex: 0,
        'aria-label': `${name} 採択${n}件`, 'aria-pressed': String(name === selected), 'data-prefecture': name,
      },
      svg('title', {}, `${name}: ${n}件`),
      svg('rect', { x, y, width: SIZE, height: SIZE, rx: 6 }),
      svg('text', { x: x + SIZE / 2, y: y + SIZE / 2 - 4, 'text-anchor': 'middle', class: 'tile-name' }, shortName(name)),
      svg('text', { x: x + SIZE / 2, y: y + SIZE / 2 + 14, 'text-anchor': 'middle', class: 'tile-count' }, String(n)));
      const open = () => go(link({ prefecture: name === selected ? '' : name }));
      tile.addEventListener('click', open);
      tile.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
      return tile;
    }));
}

function legend() {
  return el('ul', { class: 'map-legend', 'aria-label': '凡例' },
    LEVELS.map(([, , label], i) => el('li', {}, el('span', { class: `swatch level-${i}`, 'aria-hidden': 'true' }), label)));
}

async function prefectureList(prefecture, filter) {
  const p = new URLSearchParams(filter);
  p.set('prefecture', prefecture);
  p.set('pageSize', '500');
  const data = await getJson(`/api/adoptions?${p}`, controller.signal);
  return el('section', { class: 'map-list', 'aria-labelledby': 'map-list-title' },
    el('h3', { id: 'map-list-title', text: `${prefecture}の採択（${data.total}件）` }),
    data.total === 0 ? el('p', { text: '該当する採択はありません。' })
      : el('ul', { class: 'adoptions' }, data.adoptions.map((a) => el('li', {},
        a.lgCodes.length > 0 ? appLink(`?municipality=${a.lgCodes[0]}`, a.municipality) : el('span', { text: `${a.municipality}（地域）` }),
        ` ${a.programName}`, a.fiscalYear ? `（${fiscalYearLabel(a.fiscalYear)}）` : '（年度の記載なし）',
        a.title ? el('p', { class: 'note', text: a.title }) : null))));
}

function countTable(counts, link) {
  const rows = TILES.map(([name]) => [name, counts.get(name) || 0]).filter(([, n]) => n > 0);
  return el('details', { class: 'map-table' },
    el('summary', { text: '都道府県別の件数（表）' }),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '都道府県' }), el('th', { scope: 'col', text: '採択件数' }))),
      el('tbody', {}, rows.map(([name, n]) => el('tr', {}, el('td', {}, appLink(link({ prefecture: name }), name)), el('td', { text: String(n) }))))));
}
