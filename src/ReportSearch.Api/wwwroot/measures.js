// One rectification measure as the report and compare views show it: text, status, quantities and cited documents.
import { documentTitle, h, statusNames } from './dom.js';

export function measureItem(measure, extra = null) {
  const { lead, list, tail } = withItems(measure);
  const facts = [];
  if (measure.status) facts.push(h('span', { class: `status status-${measure.status}` }, statusNames[measure.status] ?? measure.status));
  for (const q of measure.quantities ?? []) facts.push(h('span', { class: 'quantity', title: '数量' }, q.text ?? `${q.value}${q.unit ?? ''}`));
  for (const d of measure.documents ?? []) facts.push(h('span', { class: 'document', title: '文件' }, documentTitle(d)));
  return h('li', { class: 'measure', id: measure.id || null },
    h('p', { class: 'measure-text' }, extra, measure.ordinal && !measure.text?.startsWith(measure.ordinal) ? h('span', { class: 'ordinal' }, measure.ordinal, ' ') : null, lead),
    list,
    tail ? h('p', { class: 'measure-text' }, tail) : null,
    facts.length ? h('div', { class: 'facts' }, facts) : null);
}

export function measureList(measures) {
  if (!measures?.length) return h('p', { class: 'muted' }, '（未列出整改措施）');
  return h('ol', { class: 'measures' }, measures.map(m => measureItem(m)));
}

/**
 * A measure whose text holds (1), (2)… sub-items (the report's `items`) is shown as its lead sentence and a list, which
 * reads far better than one long paragraph. When the items cannot be found in the text in order, the text stays whole.
 */
function withItems(measure) {
  const text = measure.text ?? '';
  const items = measure.items ?? [];
  const spans = [];
  let from = 0;
  for (const item of items) {
    const at = text.indexOf(item.text, from);
    if (!item.text || at < 0) return { lead: text, list: null, tail: '' };
    // Between two items only the next ordinal may stand; anything else would be lost from view, so keep the text whole.
    if (spans.length && text.slice(from, at).replace(item.ordinal ?? '', '').trim()) return { lead: text, list: null, tail: '' };
    spans.push({ item, at });
    from = at + item.text.length;
  }
  if (!spans.length) return { lead: text, list: null, tail: '' };
  const first = spans[0];
  const lead = text.slice(0, first.at).replace(new RegExp(`${escapeRegExp(first.item.ordinal ?? '')}\\s*$`), '').trim();
  const list = h('ol', { class: 'measure-items' }, spans.map(({ item }) =>
    h('li', {}, item.ordinal ? h('span', { class: 'ordinal' }, item.ordinal, ' ') : null, item.text)));
  return { lead, list, tail: text.slice(from).trim() };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
