// The indexed reports (GET /api/reports), used for titles, the landing list and filter values the search omits.
import { getJson } from './api.js';
import { date, h, placeOf } from './dom.js';

let reports = null;

/** [{ id, title, unit, city, province, publishedDate, problemCount }]; loaded once per page. */
export async function loadReports() {
  if (reports) return reports;
  const body = await getJson('/api/reports');
  const list = Array.isArray(body) ? body : body?.reports ?? [];
  reports = list.map(r => ({
    id: r.id,
    title: r.title ?? null,
    unit: r.unit?.name ?? r.unit ?? null,
    fullName: r.unit?.fullName ?? null,
    city: r.unit?.city ?? r.city ?? null,
    province: r.unit?.province ?? r.province ?? null,
    publishedDate: r.publishedDate ?? null,
    problemCount: r.problemCount ?? r.problems?.length ?? r.problems ?? null,
  }));
  return reports;
}

export function reportLabel(report, fallbackUnit) {
  return report?.title ?? `${report?.fullName ?? report?.unit ?? fallbackUnit ?? ''}巡视整改进展情况通报`;
}

/** The landing list: every indexed report, linked to its page. */
export function reportTable(list) {
  return h('table', { class: 'report-table' },
    h('caption', {}, `已收录 ${list.length} 份整改通报`),
    h('thead', {}, h('tr', {}, ['通报', '地区', '公布日期', '问题数'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, list.map(r => h('tr', {},
      h('td', {}, h('a', { href: `/report/${encodeURIComponent(r.id)}` }, reportLabel(r))),
      h('td', {}, placeOf(r.province, r.city, r.unit)),
      h('td', { class: 'nowrap' }, date(r.publishedDate)),
      h('td', { class: 'num' }, typeof r.problemCount === 'number' ? String(r.problemCount) : '—')))));
}
