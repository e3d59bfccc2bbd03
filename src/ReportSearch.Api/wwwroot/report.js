// The report view at /report/{id}: the report's metadata, then its problems with their measures and categories.
import { errorMessage, getJson, withQuery } from './api.js';
import { loadCategories } from './categories.js';
import { date, emptyState, h, loading, show } from './dom.js';
import { problemCategories } from './editor.js';
import { measureList } from './measures.js';
import { reportLabel } from './reports.js';

export async function renderReport(main, id) {
  show(main, loading('正在读取通报…'));
  main.setAttribute('aria-busy', 'true');
  try {
    const [report] = await Promise.all([getJson(`/api/reports/${encodeURIComponent(id)}`), loadCategories()]);
    const title = report.title ?? reportLabel(null, report.unit?.fullName ?? report.unit?.name);
    document.title = `${title} - 巡视整改检索`;
    show(main,
      h('p', { class: 'back' }, h('a', { href: '/' }, '← 返回检索')),
      h('article', { class: 'report' },
        h('h1', {}, title),
        metadata(report),
        report.warnings?.length ? h('details', { class: 'warnings' },
          h('summary', {}, `解析提示（${report.warnings.length} 条）`),
          h('ul', {}, report.warnings.map(w => h('li', {}, w)))) : null,
        problems(report.problems ?? [])));
    focusProblemFromHash();
  } catch (error) {
    show(main, h('p', { class: 'back' }, h('a', { href: '/' }, '← 返回检索')), errorMessage(error, '读取通报'));
  } finally {
    main.removeAttribute('aria-busy');
  }
}

function metadata(report) {
  const u = report.unit ?? {};
  const i = report.inspection ?? {};
  const rows = [
    ['被巡视单位', u.fullName ?? u.name],
    ['省份', u.province],
    ['城市', u.city],
    ['巡视组', i.team ?? i.body],
    ['巡视时间', i.start || i.end ? [h('span', { class: 'nowrap' }, date(i.start)), ' 至 ', h('span', { class: 'nowrap' }, date(i.end))] : null],
    ['反馈日期', i.feedbackDate ? date(i.feedbackDate) : null],
    ['公布日期', report.publishedDate ? date(report.publishedDate) : null],
    ['发布单位', report.issuer],
    ['问题数', String(report.problems?.length ?? 0)],
  ];
  return h('dl', { class: 'metadata' }, rows.map(([name, value]) => h('div', { class: 'meta-row' },
    h('dt', {}, name), h('dd', { class: value ? null : 'muted' }, value ?? '—'))));
}

function problems(list) {
  if (!list.length) return emptyState('这份通报里没有识别出问题', '可以查看上面的解析提示，或检查原始文件的格式。');
  let aspect = null;
  const items = [];
  for (const [n, p] of list.entries()) {
    if (p.aspect && p.aspect !== aspect) {
      aspect = p.aspect;
      items.push(h('h3', { class: 'aspect' }, aspect));
    }
    items.push(h('section', { class: 'problem', id: p.id, tabindex: '-1', 'aria-labelledby': `${p.id}-title` },
      h('header', { class: 'problem-head' },
        h('span', { class: 'problem-number' }, `问题 ${n + 1}`),
        p.path ? h('span', { class: 'path' }, p.path) : null),
      h('h4', { id: `${p.id}-title`, class: 'statement' }, p.statement),
      problemCategories(p.id, p.categories),
      h('p', { class: 'problem-actions' }, h('a', { href: withQuery('/compare', { problem: p.id }) }, '对比其他地区的相近问题')),
      h('h5', { class: 'measures-title' }, `整改措施（${p.measures?.length ?? 0}）`),
      measureList(p.measures)));
  }
  return h('section', { class: 'problems', 'aria-labelledby': 'problems-title' }, h('h2', { id: 'problems-title' }, `问题与整改措施（${list.length}）`), items);
}

/** A link from a search hit (#problemId or #measureId) lands there with focus, so keyboard users start there. */
function focusProblemFromHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  target.classList.add('target');
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
}
