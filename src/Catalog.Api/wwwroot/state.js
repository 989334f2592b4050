// All UI state lives in the URL: reading it, writing it, and moving to another state.
import { onPlainClick, el } from './dom.js';

/** Facets whose values are sent back as repeatable parameters, with their Japanese headings. */
export const LIST_FACETS = [
  ['purpose', '目的（〜したい）'],
  ['status', '募集状況'],
  ['ministry', '所管府省'],
  ['kind', '支援の種類'],
  ['field', '分野'],
  ['applicant', '対象（申請主体）'],
  ['level', '実施主体'],
  ['fiscalYear', '年度'],
  ['rateKind', '補助率の種類'],
];
/** Range facets: the bucket value goes to a single parameter. */
export const RANGE_FACETS = [
  ['rate', 'rateMin', '補助率'],
  ['cap', 'capMin', '上限額'],
];
const SORT_VALUES = ['relevance', 'deadline', 'cap', 'rate', 'name'];

export function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') || '', sort: p.get('sort') || 'relevance', page: Number(p.get('page')) || 1, id: p.get('id') || '' };
  for (const [name] of LIST_FACETS) state[name] = p.getAll(name);
  for (const [, param] of RANGE_FACETS) state[param] = p.get(param) || '';
  state.asOf = p.get('asOf') || '';
  state.hideEnded = p.get('hideEnded') === 'true';
  if (!SORT_VALUES.includes(state.sort)) state.sort = 'relevance';
  return state;
}

/** The query and filters only: what the search and the export are asked for. */
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const [name] of LIST_FACETS) for (const v of state[name]) p.append(name, v);
  for (const [, param] of RANGE_FACETS) if (state[param]) p.set(param, state[param]);
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.hideEnded) p.set('hideEnded', 'true');
  return p;
}

export function stateUrl(state) {
  const p = searchParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.id) p.set('id', state.id);
  const s = p.toString();
  // From the root: the compare page (/compare) links back into the search with the same URLs.
  return s ? `/?${s}` : '/';
}

// app.js renders the page; the views only ask for another state.
let renderPage = () => Promise.resolve();
export function onStateChange(render) { renderPage = render; }
export const rerender = () => renderPage();

export function navigate(changes, { replace = false } = {}) {
  const next = { ...readState(), ...changes };
  const url = stateUrl(next);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  renderPage();
}

/** Any change of query or filters starts again at page 1 and leaves the detail. */
export const refine = (changes) => navigate({ ...changes, page: 1, id: '' });

/** A link to the current state with <changes>: followed in place, or opened in a new tab as a real URL. */
export function stateLink(changes, props) {
  return onPlainClick(el('a', { ...props, href: stateUrl({ ...readState(), ...changes }) }), () => navigate(changes));
}
