// Chips for the parts of the query line the server read as filters (the `understood` of
// GET /api/programs): 「年度: 令和6年度 ×」. Removing a chip takes its words out of the query,
// so the URL (which holds the query) says what is searched.

let current = [];

/** The understood part that set `filter` (a request parameter name) to `value`, if any. */
export function understoodFor(filter, value) {
  return current.find((p) => p.filter === filter && (value === undefined || p.value === value));
}

/** `q` without the words `text` (the first occurrence outside quotes), spaces tidied. */
export function queryWithout(q, text) {
  let at = -1;
  for (let i = q.indexOf(text); i >= 0; i = q.indexOf(text, i + 1)) {
    const quotesBefore = (q.slice(0, i).match(/["“”]/g) || []).length;
    if (quotesBefore % 2 === 0) { at = i; break; }
  }
  if (at < 0) return q;
  return `${q.slice(0, at)} ${q.slice(at + text.length)}`.replace(/\s+/g, ' ').trim();
}

/**
 * Shows one chip per understood text (締切間近 sets two filters but is one chip) in `box`;
 * `onRemove(text)` is called with the words to take out of the query.
 */
export function renderUnderstood(box, understood, onRemove) {
  current = understood || [];
  const byText = new Map();
  for (const part of current) {
    if (!byText.has(part.text)) byText.set(part.text, []);
    byText.get(part.text).push(part.label);
  }
  if (byText.size === 0) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const list = document.createElement('ul');
  list.className = 'understood-list';
  for (const [text, labels] of byText) {
    const label = labels.join('、');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip understood-chip';
    button.dataset.text = text;
    button.title = `「${text}」をキーワードから外す`;
    button.setAttribute('aria-label', `${label}（「${text}」から読み取り）を外す`);
    const name = document.createElement('span');
    name.textContent = label;
    const cross = document.createElement('span');
    cross.className = 'chip-remove';
    cross.setAttribute('aria-hidden', 'true');
    cross.textContent = '×';
    button.append(name, ' ', cross);
    button.addEventListener('click', () => onRemove(text));
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
  const lead = document.createElement('span');
  lead.className = 'understood-lead';
  lead.textContent = 'キーワードから読み取った条件:';
  box.replaceChildren(lead, list);
  box.hidden = false;
}
