// Per-field evidence on the detail page: beside each value, 出典 opens the document's own words
// (the quote and the document's name); a value no document states is marked
// ※出典資料に記載なし with the stated basis, so nobody takes it for a sourced fact.
// The detail view is rendered first; this module then finds each value by its place in that
// view (section, label, row) and adds the marks. Text only ever goes through textContent.

const NO_SOURCE = '※出典資料に記載なし';

/** Detail labels (the dt text) and the record paths whose values they show. */
const PAIR_PATHS = {
  '所管': ['ministry', 'bureau', 'division'],
  '実施主体': ['organization'],
  '支援の種類': ['kinds'],
  '分野': ['fields'],
  '年度': ['fiscalYears'],
  '概要': ['summary'],
  '目的': ['purpose'],
  '支援内容': ['supportContent'],
  '補助率': ['rate'],
  '予算': ['budget'],
  '期間': ['maxDurationText'],
  '申請の上限': ['applicationLimit'],
  '対象（申請主体）': ['applicants'],
};

/** Paths that must carry evidence when present (as in the importer); others show 出典 only when they have some. */
const REQUIRED = new Set(['name', 'ministry', 'bureau', 'division', 'organization', 'fiscalYears', 'kinds', 'rate', 'caps',
  'budget', 'maxDurationText', 'applicationLimit', 'applicants', 'requirements', 'windows', 'selections', 'contacts', 'url',
  'prefecture', 'municipality', 'fiscalYear', 'title', 'technology']);

function node(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else n.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) n.append(c);
  return n;
}

/** True when an entry for `field` covers `path` (an entry for applicants covers applicants[2]). */
function covers(field, path) {
  return path === field || (path.startsWith(field) && (path[field.length] === '.' || path[field.length] === '['));
}

/** The value paths a record states under a top-level name (kinds → kinds[0], kinds[1]). */
function statedPaths(record, name) {
  const v = record[name];
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map((_, i) => `${name}[${i}]`);
  return [name];
}

/**
 * Evidence for a set of value paths: the entries that cover them or lie under them, and the
 * paths that have no document quote (only another basis, or nothing).
 */
function gather(evidence, paths) {
  const entries = evidence.filter((e) => paths.some((p) => covers(e.field, p) || covers(p, e.field)));
  const undocumented = paths.filter((p) => !evidence.some((e) => e.document && covers(e.field, p)));
  return { entries: [...new Set(entries)], undocumented };
}

function documentName(doc, sources) {
  const s = sources.find((x) => x.document === doc && x.title);
  return s ? `${s.title} [${doc}]` : doc;
}

/** 出典 beside one value: a <details> whose summary shows the first quote on hover and opens to all. */
function mark(evidence, paths, sources, required) {
  const { entries, undocumented } = gather(evidence, paths);
  const quoted = entries.filter((e) => e.document);
  const other = entries.filter((e) => !e.document);
  const box = node('span', { class: 'evidence-marks' });
  if (quoted.length > 0) {
    const first = quoted[0];
    box.append(node('details', { class: 'evidence', 'data-evidence-fields': paths.join(' ') },
      node('summary', { class: 'evidence-toggle', title: `「${first.quote}」 — ${documentName(first.document, sources)}`, text: '出典' }),
      node('ul', { class: 'evidence-list' }, quoted.map((e) => node('li', {},
        node('q', { class: 'evidence-quote', text: e.quote }),
        node('span', { class: 'evidence-doc', text: ` — ${documentName(e.document, sources)}` }),
        paths.length > 1 || e.field !== paths[0] ? node('span', { class: 'evidence-field', text: ` (${e.field})` }) : null)))));
  }
  if (required && undocumented.length > 0) {
    const reasons = other.map((e) => `${e.field}: ${e.basis === 'general-knowledge' ? '一般的な知識' : `他の制度から（${e.basis.slice('derived-from:'.length)}）`} — ${e.reason}`);
    const label = undocumented.length < paths.length ? `${NO_SOURCE}（${undocumented.join('、')}）` : NO_SOURCE;
    box.append(node('details', { class: 'no-source', 'data-no-source-fields': undocumented.join(' ') },
      node('summary', { title: reasons.join('\n') || '出典の登録がありません', text: label }),
      node('ul', { class: 'evidence-list' }, (reasons.length ? reasons : ['出典の登録がありません']).map((r) => node('li', { text: r })))));
  }
  return box.childElementCount ? box : null;
}

function pairDd(view, section, label) {
  for (const dt of view.querySelectorAll(`[data-section='${section}'] dt`))
    if (dt.textContent === label) return dt.nextElementSibling;
  return null;
}

/** Adds 出典 and ※出典資料に記載なし beside the values of a rendered detail view. */
export function decorateEvidence(view, record) {
  const evidence = record.evidence || [];
  const sources = record.sources || [];
  if (evidence.length === 0) {
    const head = view.querySelector('.detail-head');
    if (head) head.append(node('p', { class: 'no-source-record', text: `${NO_SOURCE}：この制度には項目ごとの出典が登録されていません。` }));
    return;
  }
  const add = (target, paths, required = true) => {
    if (!target) return;
    const m = mark(evidence, paths, sources, required);
    if (m) target.append(m);
  };

  const title = view.querySelector('#detail-title');
  if (title) add(title.parentElement, ['name']);

  for (const dt of view.querySelectorAll('dl.fields dt')) {
    const names = PAIR_PATHS[dt.textContent];
    if (!names) continue;
    const paths = names.flatMap((n) => statedPaths(record, n));
    add(dt.nextElementSibling, paths, names.some((n) => REQUIRED.has(n)));
  }

  const reqs = pairDd(view, 'applicants', '要件');
  if (reqs) reqs.querySelectorAll(':scope > ul > li').forEach((li, i) => add(li, [`requirements[${i}]`]));

  view.querySelectorAll('table.caps tbody tr').forEach((tr, i) => add(tr.lastElementChild, [`caps[${i}]`]));

  view.querySelectorAll("[data-section='windows'] ul.windows > li").forEach((li, i) => {
    const w = (record.windows || [])[i] || {};
    add(li, [w.start && `windows[${i}].start`, w.end && `windows[${i}].end`, w.yearRound && `windows[${i}].yearRound`].filter(Boolean));
  });

  // Selections are shown sorted by year; adoptions grouped by year (newest first, no year last).
  const selections = (record.selections || []).map((s, i) => ({ s, i })).sort((a, b) => a.s.fiscalYear - b.s.fiscalYear);
  view.querySelectorAll("[data-section='selections'] tbody tr").forEach((tr, k) => {
    if (selections[k]) add(tr.lastElementChild, [`selections[${selections[k].i}]`]);
  });

  const byYear = new Map();
  (record.adoptions || []).forEach((a, i) => {
    const y = a.fiscalYear || 0;
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(i);
  });
  const order = [...byYear.keys()].sort((a, b) => (a === 0) - (b === 0) || b - a).flatMap((y) => byYear.get(y));
  view.querySelectorAll("[data-section='adoptions'] ul.adoptions > li").forEach((li, k) => {
    const a = (record.adoptions || [])[order[k]];
    if (!a) return;
    const rowSources = a.source ? [a.source] : sources;
    const paths = ['prefecture', 'municipality', 'fiscalYear', 'title', 'technology'].filter((p) => a[p] !== undefined && a[p] !== null);
    const m = mark(a.evidence || [], paths, rowSources, true);
    if (m) li.append(m);
  });

  view.querySelectorAll("[data-section='related'] ul.related > li").forEach((li, i) => add(li, [`related[${i}]`], false));
  view.querySelectorAll("[data-section='contacts'] ul.contacts > li").forEach((li, i) => add(li, [`contacts[${i}]`]));
  const url = view.querySelector("[data-section='sources'] .url");
  if (url) add(url.parentElement, ['url']);
  const notes = view.querySelector("[data-section='notes'] p.notes");
  if (notes) add(notes.parentElement, ['notes'], false);
}
