// Staff UI of the catalogue: search, facets, detail and export, with all state in the URL.
// No framework and no build step: ES modules by concern, loaded by the browser.
//   wareki.js      和暦 dates and fiscal years
//   dom.js         element helpers and the one plain-click handler for in-page links
//   api.js         fetching JSON, the error banner
//   vocabulary.js  labels from the API
//   state.js       state in the URL, navigation
//   search-view.js results, facets, pager;  detail-view.js one program;  suggest.js completions
//   home.js        the home page's ways in (purpose, municipality, saved searches); overview.js its lists
//   compare.js     /compare?ids=a,b: programs side by side;  saved-searches.js searches kept in the browser
import { $, onPlainClick } from './dom.js';
import { reportUnhandledErrors, showError } from './api.js';
import { readState, navigate, refine, onStateChange } from './state.js';
import { loadVocabulary } from './vocabulary.js';
import { renderSearch, clearFilters } from './search-view.js';
import { renderDetail } from './detail-view.js';
import { closeSuggestions, wireSearchBox } from './suggest.js';
import { routeMunicipality } from './municipality.js';
import { renderCompare } from './compare.js';
import { wireSaveSearch } from './search-view.js';

export { fiscalYearLabel, formatWareki } from './wareki.js';
import { formatWareki } from './wareki.js';

async function render() {
  const state = readState();
  $('q').value = state.q;
  $('sort').value = state.sort;
  closeSuggestions();
  const comparing = location.pathname.endsWith('/compare');
  $('compare-view').hidden = !comparing;
  if (comparing) {
    $('search-view').hidden = true;
    $('detail-view').hidden = true;
    await renderCompare($('compare-view'));
    return;
  }
  if (await routeMunicipality()) return; // ?municipality=CODE and ?view=adoptions
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

// The date a printed page was printed on (the print stylesheet writes it under the footer).
function stampPrintDate() {
  const d = new Date();
  document.querySelector('.site-footer')?.setAttribute('data-printed', formatWareki(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`));
}

function wire() {
  reportUnhandledErrors();
  stampPrintDate();
  window.addEventListener('beforeprint', stampPrintDate);
  onStateChange(render);
  wireSearchBox();
  $('sort').addEventListener('change', () => navigate({ sort: $('sort').value, page: 1 }));
  $('open-only').addEventListener('change', () => {
    const state = readState();
    refine({ status: $('open-only').checked ? ['受付中'] : state.status.filter((s) => s !== '受付中') });
  });
  $('hide-ended').addEventListener('change', () => refine({ hideEnded: $('hide-ended').checked }));
  $('clear-filters').addEventListener('click', clearFilters);
  wireSaveSearch();
  $('error-close').addEventListener('click', () => { $('error-banner').hidden = true; });
  $('facet-toggle').addEventListener('click', () => {
    const open = $('facets').classList.toggle('open');
    $('facet-toggle').setAttribute('aria-expanded', String(open));
    $('facet-toggle').textContent = open ? '絞り込み条件を隠す' : '絞り込み条件を表示';
  });
  onPlainClick($('home-link'), () => {
    history.pushState(null, '', '/'); // from /compare too
    render();
  });
  window.addEventListener('popstate', () => { render(); });
}

wire();
// Without the labels the page still works, showing the values as written.
loadVocabulary().catch((e) => showError(e.message)).then(render).finally(() => { document.body.dataset.ready = 'true'; });
