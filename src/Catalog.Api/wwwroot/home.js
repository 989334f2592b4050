// The home page's ways in, above the lists of what is open: by purpose (「〜したい」, with counts),
// by municipality (prefecture → city), and the searches saved in this browser.
import { el } from './dom.js';
import { getJson } from './api.js';
import { stateLink } from './state.js';
import { openMunicipality } from './municipality.js';
import { savedSearchesSection } from './saved-searches.js';

let purposes = null;

/** Fills the home panel (again each time the home page is shown: saved searches change). */
export async function renderHomePanel(panel, show) {
  if (!panel) return;
  panel.hidden = !show;
  if (!show) return;
  // Saved searches first: their 「前回」 is read before anything marks a search opened.
  const saved = savedSearchesSection();
  const municipality = municipalitySection();
  panel.replaceChildren(el('h2', { id: 'home-title', class: 'visually-hidden', text: '探し方' }),
    await purposeSection(), municipality, saved);
}

// Every purpose, with how many programs serve it now (not ended) and in all; the link searches
// them all, ended ones included (marked 終了), since a past call tells when the next may come.
async function purposeSection() {
  const section = el('section', { class: 'home-block purposes', 'aria-labelledby': 'purpose-title' },
    el('h3', { id: 'purpose-title', text: '目的から探す（〜したい）' }));
  try {
    purposes ??= await Promise.all([
      getJson('/api/vocabulary'),
      getJson('/api/programs?pageSize=1&interpret=false'),
      getJson('/api/programs?hideEnded=true&pageSize=1&interpret=false'),
    ]).then(([vocabulary, all, current]) => vocabulary.purposes.map((p) => ({
      value: p.value,
      all: (all.facets.purpose || []).find((f) => f.value === p.value)?.count || 0,
      current: (current.facets.purpose || []).find((f) => f.value === p.value)?.count || 0,
    })));
  } catch {
    section.append(el('p', { class: 'overview-empty', text: '目的の一覧を読み込めませんでした。' }));
    return section;
  }
  section.append(el('ul', { class: 'purpose-list' }, purposes.map((p) => {
    const link = stateLink({ purpose: [p.value], q: '' }, { class: 'purpose-link', 'data-purpose': p.value });
    link.append(el('span', { class: 'purpose-label', text: p.value }), el('span', { class: 'count', text: `現行${p.current}件・全${p.all}件` }));
    return el('li', {}, link);
  })));
  return section;
}

function municipalitySection() {
  const prefecture = el('select', { id: 'home-prefecture' }, el('option', { value: '', text: '都道府県を選ぶ' }));
  const city = el('select', { id: 'home-city', disabled: true }, el('option', { value: '', text: '市区町村を選ぶ' }));
  const open = el('button', { type: 'button', class: 'secondary', id: 'home-open-city', disabled: true, text: 'この自治体の対象制度を見る' });
  getJson('/api/prefectures').then((data) => {
    prefecture.append(...data.municipalities.map((m) => el('option', { value: m.code, text: m.name })));
  }).catch(() => { prefecture.replaceChildren(el('option', { value: '', text: '一覧を読み込めませんでした' })); });
  prefecture.addEventListener('change', async () => {
    city.replaceChildren(el('option', { value: '', text: '市区町村を選ぶ' }));
    city.disabled = open.disabled = true;
    if (!prefecture.value) return;
    const data = await getJson(`/api/municipalities?prefecture=${encodeURIComponent(prefecture.value)}`);
    city.append(...data.municipalities.map((m) => el('option', { value: m.code, text: m.code === prefecture.value ? `${m.name}（都道府県として）` : m.name })));
    city.disabled = false;
  });
  city.addEventListener('change', () => { open.disabled = !city.value; });
  open.addEventListener('click', () => { if (city.value) openMunicipality(city.value); });
  return el('section', { class: 'home-block municipality-picker', 'aria-labelledby': 'picker-title' },
    el('h3', { id: 'picker-title', text: '自治体から探す' }),
    el('p', { class: 'help', text: '選んだ自治体が申請できるか（対象・要確認・対象外）を理由つきで一覧にします。' }),
    el('div', { class: 'picker-row' },
      el('label', { for: 'home-prefecture', text: '都道府県' }), prefecture,
      el('label', { for: 'home-city', text: '市区町村' }), city, open));
}
