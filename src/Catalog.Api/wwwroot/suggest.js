// The search box and its completions (a combobox: arrows, Enter, Escape).
import { $, el } from './dom.js';
import { getJson } from './api.js';
import { navigate, refine } from './state.js';
import { municipalitySuggestions, openMunicipality } from './municipality.js';

let suggestTimer = null;
let suggestController = null;
let suggestions = [];
let activeIndex = -1;

export function closeSuggestions() {
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
    items = [...await municipalitySuggestions(text, suggestController.signal), ...items];
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
      el('span', { class: 'suggest-text', text: s.text }), el('span', { class: 'suggest-kind', text: s.label || SUGGEST_KIND[s.kind] || '' }));
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
  if (s.kind === 'municipality') { openMunicipality(s.code); return; }
  if (s.id && s.kind !== 'field') {
    navigate({ id: s.id });
  } else {
    refine({ q: s.text });
  }
}

export function wireSearchBox() {
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
