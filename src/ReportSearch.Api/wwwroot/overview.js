// The start page without a query: what the index holds at a glance (GET /api/overview), each chart a way into a
// filtered search (/?province=…&year=…, /?category=…, /?unit=…&category=…), then the recent and all reports.
// Every chart has its data as a table beside it; without the chart library the tables are all there is.
import { errorMessage, getJson, withQuery } from './api.js';
import { categoryName, loadCategories } from './categories.js';
import { drawChart, loadCharts } from './charts.js';
import { date, emptyState, h, loading, navigate, placeOf, show } from './dom.js';
import { loadReports, reportLabel, reportTable } from './reports.js';

const noYear = '未注明年份';

export async function renderOverview(container) {
  show(container, loading('正在读取收录概览…'));
  try {
    const [overview, reports, echarts] = await Promise.all([getJson('/api/overview'), loadReports(), loadCharts(), loadCategories()]);
    if (!overview.reports) {
      show(container, emptyState('还没有收录任何通报', '用 reportsearch index 命令或“上传通报”加入报告后再来检索。'));
      return;
    }
    const panels = [provinceYearPanel(overview), recentPanel(overview), categoryPanel(overview), heatMapPanel(overview)];
    show(container,
      h('section', { class: 'overview', 'aria-labelledby': 'overview-title' },
        h('div', { class: 'overview-head' },
          h('h2', { id: 'overview-title' }, '收录概览'),
          h('p', { class: 'totals' }, `${overview.reports} 份通报 · ${overview.problems} 个问题 · ${overview.measures} 条整改措施`)),
        echarts ? h('p', { class: 'hint' }, '点击图中的条或格子，检索对应的问题。')
          : h('p', { class: 'notice', role: 'status' }, '图表不可用（本次构建没有安装图表库），下面以表格列出同样的数据，点击数字即可检索。'),
        h('div', { class: 'overview-grid' }, panels.map(p => p.element))),
      reportTable(reports));
    for (const p of panels) {
      if (echarts) p.draw?.(echarts);
      else if (p.data) {
        p.chart.remove();
        p.data.open = true;
      }
    }
  } catch (error) {
    show(container, errorMessage(error, '读取收录概览'));
  }
}

/** A panel: title, chart area, and the data table folded under it (open, and alone, when the chart library is missing). */
function panel(id, title, table, draw) {
  const chart = h('div', { class: 'chart', id: `${id}-chart`, role: 'img', 'aria-label': `${title}（图表，数据见下表）` });
  const data = h('details', { class: 'chart-data' }, h('summary', {}, '数据表'), table);
  const element = h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title` }, title), chart, data);
  return { element, chart, data, draw: echarts => draw(echarts, chart) };
}

function countLink(count, query) {
  return h('a', { href: withQuery('/', query), class: 'count-link' }, String(count));
}

function provinceYearPanel(overview) {
  const rows = overview.byProvinceYear ?? [];
  const provinces = [...new Set(rows.map(r => r.province ?? '未注明省份'))];
  const years = [...new Set(rows.map(r => r.year ?? noYear))].sort();
  const cell = (province, year) => rows.find(r => (r.province ?? '未注明省份') === province && (r.year ?? noYear) === year);
  const queryOf = (province, year) => ({ province: province === '未注明省份' ? '' : province, year: year === noYear ? '' : year });
  const table = h('table', { class: 'data-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '省份'), years.map(y => h('th', { scope: 'col', class: 'num' }, String(y))))),
    h('tbody', {}, provinces.map(p => h('tr', {}, h('th', { scope: 'row' }, p),
      years.map(y => { const c = cell(p, y); return h('td', { class: 'num' }, c ? countLink(c.reports, queryOf(p, y)) : '—'); })))));
  return panel('by-province-year', '各省份各年份的通报数', table, (echarts, element) => drawChart(echarts, element, {
    tooltip: { trigger: 'item', formatter: p => `${p.seriesName} ${p.name}年：${p.value} 份通报` },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), name: '公布年份' },
    yAxis: { type: 'value', minInterval: 1, name: '通报数' },
    series: provinces.map(p => ({ name: p, type: 'bar', stack: 'reports', barMaxWidth: 48, data: years.map(y => cell(p, y)?.reports ?? 0) })),
  }, p => navigate(withQuery('/', queryOf(p.seriesName, years[p.dataIndex])))));
}

function categoryPanel(overview) {
  const rows = [...(overview.byCategory ?? [])].sort((a, b) => a.problems - b.problems);
  const nameOf = id => id === 'uncategorised' ? '未分类' : categoryName(id);
  const table = h('table', { class: 'data-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '问题类别'), h('th', { scope: 'col', class: 'num' }, '问题数'))),
    h('tbody', {}, [...rows].reverse().map(r => h('tr', {}, h('th', { scope: 'row' }, nameOf(r.category)),
      h('td', { class: 'num' }, r.category === 'uncategorised' ? String(r.problems) : countLink(r.problems, { category: r.category }))))));
  return panel('by-category', '各类问题的数量（按主要类别）', table, (echarts, element) => {
    element.classList.add('tall');
    drawChart(echarts, element, {
      tooltip: { trigger: 'item', formatter: p => `${p.name}：${p.value} 个问题` },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(r => nameOf(r.category)), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', data: rows.map(r => r.problems), itemStyle: { color: '#a3262a' }, label: { show: true, position: 'right' } }],
    }, p => { const id = rows[p.dataIndex].category; if (id !== 'uncategorised') navigate(withQuery('/', { category: id })); });
  });
}

function heatMapPanel(overview) {
  const cells = overview.byDistrictCategory ?? [];
  const units = [...new Map(cells.map(c => [c.unit, c])).values()];
  const categories = [...new Set(cells.map(c => c.category))];
  const nameOf = id => id === 'uncategorised' ? '未分类' : categoryName(id);
  const count = (unit, category) => cells.find(c => c.unit === unit && c.category === category)?.problems ?? 0;
  const queryOf = (unit, category) => ({ unit, category: category === 'uncategorised' ? '' : category });
  const table = h('table', { class: 'data-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '问题类别'), units.map(u => h('th', { scope: 'col', class: 'num' }, u.unit)))),
    h('tbody', {}, categories.map(c => h('tr', {}, h('th', { scope: 'row' }, nameOf(c)),
      units.map(u => { const n = count(u.unit, c); return h('td', { class: 'num' }, n ? countLink(n, queryOf(u.unit, c)) : '0'); })))));
  const max = Math.max(1, ...cells.map(c => c.problems));
  return panel('heat-map', '地区 × 问题类别', table, (echarts, element) => {
    element.classList.add('tall');
    drawChart(echarts, element, {
      tooltip: { formatter: p => `${units[p.value[0]].unit} · ${nameOf(categories[p.value[1]])}：${p.value[2]} 个问题` },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: units.map(u => placeOf(u.unit, u.city)), splitArea: { show: true }, axisLabel: { interval: 0 } },
      yAxis: { type: 'category', data: categories.map(nameOf), splitArea: { show: true }, axisLabel: { interval: 0 } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#fbeaea', '#a3262a'] } },
      series: [{
        type: 'heatmap', label: { show: true },
        data: units.flatMap((u, x) => categories.map((c, y) => [x, y, count(u.unit, c)])),
      }],
    }, p => navigate(withQuery('/', queryOf(units[p.value[0]].unit, categories[p.value[1]]))));
  });
}

function recentPanel(overview) {
  const rows = overview.recent ?? [];
  const list = h('ol', { class: 'recent' }, rows.map(r => h('li', {},
    h('a', { href: `/report/${encodeURIComponent(r.id)}` }, reportLabel({ title: r.title, unit: r.unit })),
    h('span', { class: 'muted' }, ` ${placeOf(r.province, r.city, r.unit)} · ${date(r.publishedDate)} · ${r.problems} 个问题`))));
  const element = h('section', { class: 'panel', id: 'recent', 'aria-labelledby': 'recent-title' }, h('h3', { id: 'recent-title' }, '最近公布的通报'), list);
  return { element, chart: null, data: null, draw: null };
}
