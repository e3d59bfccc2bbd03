// One rectification measure as the report and compare views show it: text, status, quantities and cited documents.
import { documentTitle, h, statusNames } from './dom.js';

export function measureItem(measure, extra = null) {
  const facts = [];
  if (measure.status) facts.push(h('span', { class: `status status-${measure.status}` }, statusNames[measure.status] ?? measure.status));
  for (const q of measure.quantities ?? []) facts.push(h('span', { class: 'quantity', title: '数量' }, q.text ?? `${q.value}${q.unit ?? ''}`));
  for (const d of measure.documents ?? []) facts.push(h('span', { class: 'document', title: '文件' }, documentTitle(d)));
  return h('li', { class: 'measure', id: measure.id || null },
    h('p', { class: 'measure-text' }, extra, measure.ordinal && !measure.text?.startsWith(measure.ordinal) ? h('span', { class: 'ordinal' }, measure.ordinal, ' ') : null, measure.text),
    facts.length ? h('div', { class: 'facts' }, facts) : null);
}

export function measureList(measures) {
  if (!measures?.length) return h('p', { class: 'muted' }, '（未列出整改措施）');
  return h('ol', { class: 'measures' }, measures.map(m => measureItem(m)));
}
