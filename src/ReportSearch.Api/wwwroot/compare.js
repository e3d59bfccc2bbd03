// The compare view at /compare?q=…: one column per district (one block per district on narrow screens). When the
// compare document types its measures, rows align measures of the same type, so a missing kind of action shows as a gap.
import { errorMessage, exportLinks, getJson, withQuery } from './api.js';
import { loadCategories } from './categories.js';
import { date, emptyState, h, loading, placeOf, show } from './dom.js';
import { problemCategories } from './editor.js';
import { measureItem, measureList } from './measures.js';
import { loadReports } from './reports.js';

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  return {
    q: (p.get('q') ?? '').trim(),
    problem: p.get('problem') ?? '',
    reports: p.get('reports') ?? '',
    view: p.get('view') === 'list' ? 'list' : 'types',
  };
}

export async function renderCompare(main) {
  const state = stateFromUrl();
  document.title = state.q ? `对比：${state.q} - 巡视整改检索` : '地区对比 - 巡视整改检索';

  const input = h('input', { id: 'compare-q', name: 'q', type: 'search', value: state.q, placeholder: '例如：借调、闲置土地', autocomplete: 'off', enterkeyhint: 'go' });
  const picker = h('details', { class: 'report-picker' }, h('summary', {}, '选择地区（默认全部）'), h('div', { class: 'picker-body' }, loading('正在读取地区…')));
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': '地区对比' },
    h('label', { for: 'compare-q', class: 'search-label' }, '对比各地区如何整改同一类问题'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'button' }, '对比'),
      h('a', { class: 'button secondary', href: state.q ? withQuery('/', { q: state.q }) : '/' }, '返回检索')),
    picker);
  form.addEventListener('submit', e => {
    e.preventDefault();
    const chosen = [...picker.querySelectorAll('input[type=checkbox]:checked')].map(b => b.value);
    location.assign(withQuery('/compare', { q: input.value.trim(), reports: chosen.join(','), view: state.view === 'list' ? 'list' : '' }));
  });
  const body = h('section', { class: 'compare-body', 'aria-labelledby': 'compare-title' });
  show(main, h('h1', { class: 'visually-hidden' }, '地区对比'), form, body);
  fillPicker(picker, state);

  if (!state.q && !state.problem) {
    input.focus();
    show(body, emptyState('输入一个问题或关键词开始对比', '例如“借调”：会并排列出每个地区相关的问题、整改措施、数量和文件。'));
    return;
  }

  show(body, loading('正在对比各地区…'));
  body.setAttribute('aria-busy', 'true');
  try {
    // From a problem picked in a report: the nearest problems of the other reports; otherwise the typed query.
    const request = state.problem
      ? getJson(`/api/problems/${encodeURIComponent(state.problem)}/similar`, { reports: state.reports })
      : getJson('/api/compare', { q: state.q, reports: state.reports });
    const [doc] = await Promise.all([request, loadCategories()]);
    renderComparison(body, state, doc);
  } catch (error) {
    show(body, errorMessage(error, '对比'));
  } finally {
    body.removeAttribute('aria-busy');
  }
}

async function fillPicker(picker, state) {
  const chosen = new Set(state.reports.split(',').filter(Boolean));
  if (chosen.size) picker.open = true;
  const target = picker.querySelector('.picker-body');
  try {
    const reports = await loadReports();
    show(target, h('fieldset', {}, h('legend', { class: 'visually-hidden' }, '参与对比的地区'),
      reports.map(r => h('label', { class: 'check' },
        h('input', { type: 'checkbox', value: r.id, checked: chosen.has(r.id) }), ' ',
        placeOf(r.province, r.city, r.unit)))));
  } catch (error) {
    show(target, errorMessage(error, '读取地区'));
  }
}

function renderComparison(body, state, doc) {
  const groups = doc.groups ?? [];
  const subject = state.q || doc.query || '';
  if (!groups.some(g => g.matches?.length)) {
    show(body, h('h2', { id: 'compare-title', class: 'visually-hidden' }, '对比结果'),
      emptyState(`没有找到与“${subject}”相关的问题`, '试试更短或更常见的关键词，或在“选择地区”中加入更多地区。'));
    return;
  }
  const rows = alignmentRows(doc, groups);
  const aligned = rows.length > 0 && state.view !== 'list';
  const exportQuery = { q: subject, reports: state.reports };
  const exports = h('div', { class: 'exports', role: 'group', 'aria-label': '导出对比结果' },
    h('span', { class: 'exports-label' }, '导出：'),
    exportLinks(exportQuery));
  const viewSwitch = rows.length ? h('div', { class: 'view-switch', role: 'group', 'aria-label': '显示方式' },
    [['types', '按措施类型对齐'], ['list', '按问题列出']].map(([view, label]) =>
      h('a', { class: 'button small secondary', href: withQuery('/compare', { q: state.q, problem: state.problem, reports: state.reports, view: view === 'list' ? 'list' : '' }), 'aria-current': state.view === view ? 'true' : null }, label))) : null;

  show(body,
    h('div', { class: 'compare-toolbar' },
      h('h2', { id: 'compare-title' }, state.problem ? `与所选问题相近的问题：${groups.length} 个地区` : `“${subject}”：${groups.length} 个地区`),
      viewSwitch, exports),
    rows.length ? null : h('p', { class: 'hint' }, '这次对比没有措施类型信息，按问题列出各地的整改措施。'),
    grid(groups, aligned ? rows : null));
}

/**
 * Rows of the alignment: [{ id, name, cells }] with one cell per group, each a list of { measure, index (of its match),
 * secondary }. The document's own alignment is used when present; otherwise the measures' `type`; otherwise none.
 */
function alignmentRows(doc, groups) {
  if (doc.alignment?.length) {
    return doc.alignment.map(row => ({
      id: row.type,
      name: row.name ?? row.type,
      cells: groups.map((g, col) => {
        const cell = row.cells?.find(c => c.reportId === g.reportId) ?? row.cells?.[col];
        const primary = new Set(cell?.primaryMeasureIds ?? cell?.measureIds ?? []);
        return (cell?.measureIds ?? []).map(id => ({ ...findMeasure(g, id), secondary: !primary.has(id) })).filter(x => x.measure);
      }),
    }));
  }
  const names = new Map();
  for (const g of groups) for (const m of g.matches ?? []) for (const measure of m.measures ?? [])
    if (measure.type) names.set(measure.type, measure.typeName ?? measure.type);
  if (!names.size) return [];
  const rows = [...names].map(([id, name]) => ({ id, name }));
  rows.push({ id: null, name: '未归类' });
  return rows.map(row => ({
    ...row,
    cells: groups.map(g => (g.matches ?? []).flatMap((m, index) =>
      (m.measures ?? []).filter(measure => (measure.type ?? null) === row.id).map(measure => ({ measure, index, secondary: false })))),
  })).filter(row => row.cells.some(cell => cell.length));
}

function findMeasure(group, id) {
  for (const [index, m] of (group.matches ?? []).entries()) {
    const measure = (m.measures ?? []).find(x => x.id === id);
    if (measure) return { measure, index };
  }
  return {};
}

/**
 * One grid, district-major in the DOM (so narrow screens read one district after another), placed into columns with
 * explicit rows on wide screens so that the same measure type lines up across districts.
 */
function grid(groups, rows) {
  const rowOf = (rowIndex) => 3 + rowIndex * 2;
  const labels = rows ? rows.map((row, i) => {
    const having = row.cells.filter(cell => cell.length).length;
    return h('div', { class: `type-label${having < groups.length ? ' partial' : ''}`, style: `grid-row: ${rowOf(i)}`, 'aria-hidden': 'true' },
      row.name, h('span', { class: 'coverage' }, `${having}/${groups.length} 个地区`));
  }) : [];

  const districts = groups.map((g, col) => {
    const place = (row) => `grid-column: ${col + 1}; grid-row: ${row}`;
    const name = g.unit ?? g.reportId;
    const matches = g.matches ?? [];
    const header = h('header', { class: 'district-head', style: place(1) },
      h('h3', {}, h('a', { href: `/report/${encodeURIComponent(g.reportId)}` }, name)),
      h('p', { class: 'place' }, [g.province, g.city].filter(Boolean).join(' · ')),
      g.publishedDate ? h('p', { class: 'muted' }, `公布于 ${date(g.publishedDate)}`) : null);
    const problems = h('div', { class: 'district-problems', style: place(2) },
      matches.length
        ? h('ol', { class: 'matches' }, matches.map((m, i) => h('li', { class: 'match', id: `cmp-${m.problemId}` },
            h('p', { class: 'statement' }, h('span', { class: 'match-number', 'aria-hidden': 'true' }, circled[i] ?? `${i + 1}.`), ' ',
              h('a', { href: `/report/${encodeURIComponent(g.reportId)}#${encodeURIComponent(m.problemId)}` }, m.statement)),
            m.path ? h('p', { class: 'path-line' }, h('span', { class: 'path' }, m.path)) : null,
            problemCategories(m.problemId, m.categories),
            rows ? null : measureList(m.measures))))
        : h('p', { class: 'muted' }, '没有相关问题'));
    const cells = rows ? rows.map((row, i) => {
      const found = row.cells[col];
      return h('div', { class: `type-cell${found.length ? '' : ' gap'}`, style: place(rowOf(i) + 1), dataset: { type: row.id ?? 'none' } },
        h('h4', { class: 'cell-type' }, row.name),
        found.length
          ? h('ul', { class: 'measures' }, found.map(({ measure, index, secondary }) =>
              measureItem(measure, h('span', { class: 'from', title: `来自问题 ${index + 1}${secondary ? '，兼属此类' : ''}` },
                circled[index] ?? `${index + 1}.`, secondary ? h('span', { class: 'also' }, '兼') : null))))
          : h('p', { class: 'gap-text' }, '未见此类措施'));
    }) : [];
    return h('section', { class: 'district', 'aria-label': name, dataset: { unit: name } }, header, problems, cells);
  });

  return h('div', { class: 'compare-grid', style: `--columns: ${groups.length}` }, labels, districts);
}
