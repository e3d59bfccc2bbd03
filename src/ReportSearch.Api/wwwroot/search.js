// The search view at "/": query and filters live in the URL (/?q=借调&province=广东省) so a result can be shared.
import { errorMessage, getJson, withQuery } from './api.js';
import { categoryName, categoryTags, loadCategories } from './categories.js';
import { date, emptyState, h, kindNames, loading, show, snippet } from './dom.js';
import { loadReports, reportLabel, reportTable } from './reports.js';

const pageSize = 20;

// The filters in the order shown; values come from the search facets, else (without counts) from the report list.
const filters = [
  { name: 'province', label: '省份', all: '全部省份' },
  { name: 'city', label: '城市', all: '全部城市' },
  { name: 'unit', label: '被巡视单位', all: '全部单位' },
  { name: 'category', label: '问题分类', all: '全部分类', labelOf: categoryName },
  { name: 'kind', label: '类型', all: '问题和整改措施', labelOf: k => kindNames[k] ?? k },
];

let latest = 0;

function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  const state = { q: (p.get('q') ?? '').trim(), top: Math.max(pageSize, Number(p.get('top')) || pageSize) };
  for (const f of filters) state[f.name] = p.get(f.name) ?? '';
  return state;
}

function urlOf(state) {
  const query = { q: state.q };
  for (const f of filters) query[f.name] = state[f.name];
  if (state.top > pageSize) query.top = state.top;
  return withQuery('/', query);
}

/** Moves to a new search state; keyboard focus returns to the control that caused it (or the first new hit). */
async function go(state, { replace = false, focusHit = null } = {}) {
  const url = urlOf(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  const focusId = document.activeElement?.id;
  await renderSearch(document.getElementById('main'));
  const target = focusHit !== null ? document.querySelectorAll('.hit')[focusHit] : focusId ? document.getElementById(focusId) : null;
  target?.focus();
}

export async function renderSearch(main) {
  const state = stateFromUrl();
  document.title = state.q ? `${state.q} - 巡视整改检索` : '巡视整改检索';

  const input = h('input', { id: 'q', name: 'q', type: 'search', value: state.q, placeholder: '例如：借调、闲置土地、八项规定', autocomplete: 'off', enterkeyhint: 'search' });
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': '检索' },
    h('label', { for: 'q', class: 'search-label' }, '检索巡视整改问题与措施'),
    h('div', { class: 'search-row' },
      input,
      h('button', { type: 'submit', class: 'button' }, '搜索'),
      h('a', { class: 'button secondary', id: 'to-compare', href: state.q ? withQuery('/compare', { q: state.q }) : '/compare' }, '对比各地区')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    go({ ...state, q: input.value.trim(), top: pageSize });
  });

  const aside = h('aside', { class: 'filters', 'aria-label': '筛选条件' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-title' });
  show(main, h('h1', { class: 'visually-hidden' }, '检索'), form, h('div', { class: 'search-layout' }, aside, results));
  if (!state.q) input.focus();

  if (!state.q) {
    aside.hidden = true;
    await landing(results);
    return;
  }

  const ticket = ++latest;
  show(results, loading('正在搜索…'));
  results.setAttribute('aria-busy', 'true');
  try {
    const query = { q: state.q, top: state.top };
    for (const f of filters) query[f.name] = state[f.name];
    const [doc, reports] = await Promise.all([getJson('/api/search', query), loadReports().catch(() => []), loadCategories()]);
    if (ticket !== latest) return;
    renderFilters(aside, state, doc.facets ?? {}, reports);
    renderHits(results, state, doc, reports);
  } catch (error) {
    if (ticket !== latest) return;
    aside.hidden = true;
    show(results, errorMessage(error, '搜索'));
  } finally {
    results.removeAttribute('aria-busy');
  }
}

async function landing(results) {
  show(results, loading('正在读取已收录的通报…'));
  try {
    const reports = await loadReports();
    show(results,
      h('div', { class: 'intro' },
        h('p', {}, '输入关键词，检索各地巡视整改进展情况通报中的问题和整改措施；再用“对比各地区”并排查看各地的做法。'),
        h('p', { class: 'hint' }, '示例：', ['借调', '闲置土地', '形式主义'].map(q => h('a', { href: withQuery('/', { q }), class: 'example' }, q)))),
      reports.length ? reportTable(reports) : emptyState('还没有收录任何通报', '用 reportsearch index 命令加入报告后再来检索。'));
  } catch (error) {
    show(results, errorMessage(error, '读取通报列表'));
  }
}

/** Values from the search facets, with counts; a filter the server does not facet falls back to the report list. */
function renderFilters(aside, state, facets, reports) {
  aside.hidden = false;
  const fromReports = { province: reports.map(r => r.province), city: reports.map(r => r.city), unit: reports.map(r => r.unit) };
  const controls = [];
  for (const f of filters) {
    const facet = facets[f.name];
    let values = facet ? Object.entries(facet).sort((a, b) => b[1] - a[1]) : [...new Set((fromReports[f.name] ?? []).filter(Boolean))].map(v => [v, null]);
    if (f.name === 'kind' && !facet) values = [['problem', null], ['measure', null]];
    if (state[f.name] && !values.some(([v]) => v === state[f.name])) values.unshift([state[f.name], null]);
    const id = `filter-${f.name}`;
    const select = h('select', { id, name: f.name },
      h('option', { value: '' }, f.all),
      values.map(([value, count]) => h('option', { value, selected: value === state[f.name] },
        `${f.labelOf ? f.labelOf(value) : value}${count === null ? '' : `（${count}）`}`)));
    select.addEventListener('change', () => go({ ...state, [f.name]: select.value, top: pageSize }));
    controls.push(h('div', { class: 'field' }, h('label', { for: id }, f.label), select));
  }
  const active = filters.filter(f => state[f.name]);
  show(aside, h('h2', {}, '筛选'), controls,
    active.length ? h('button', { type: 'button', class: 'button small secondary', onclick: () => go({ q: state.q, top: pageSize }) }, '清除筛选') : null);
}

function renderHits(results, state, doc, reports) {
  const hits = doc.hits ?? [];
  const filtered = filters.some(f => state[f.name]);
  if (!hits.length) {
    show(results, h('h2', { id: 'results-title', class: 'visually-hidden' }, '检索结果'),
      emptyState(`没有找到与“${state.q}”相关的内容`, filtered ? '试试清除筛选条件，或换一个更短的关键词。' : '试试换一个更短或更常见的关键词，例如“借调”“土地”。'));
    return;
  }
  const byId = new Map(reports.map(r => [r.id, r]));
  const total = doc.total ?? hits.length;
  const took = typeof doc.tookMs === 'number' ? `，用时 ${doc.tookMs.toFixed(1)} 毫秒` : '';
  const list = h('ol', { class: 'hits' }, hits.map(hit => hitItem(hit, byId.get(hit.reportId))));
  const more = hits.length < total
    ? h('button', { type: 'button', class: 'button secondary more', onclick: () => go({ ...state, top: state.top + pageSize }, { replace: true, focusHit: hits.length }) }, `显示更多（还有 ${total - hits.length} 条）`)
    : null;
  show(results,
    h('h2', { id: 'results-title', class: 'results-summary', role: 'status' }, `找到 ${total} 条结果，显示第 1–${hits.length} 条${took}`),
    list, more);
}

function hitItem(hit, report) {
  const place = [hit.province, hit.city, hit.unit].filter((v, i, a) => v && a.indexOf(v) === i).join(' · ');
  const anchor = hit.measureId ?? hit.problemId;
  const target = `/report/${encodeURIComponent(hit.reportId)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
  return h('li', { class: 'hit', tabindex: '-1', dataset: { unit: hit.unit ?? '', province: hit.province ?? '', kind: hit.kind ?? '' } },
    h('div', { class: 'hit-head' },
      h('span', { class: `kind kind-${hit.kind}` }, kindNames[hit.kind] ?? hit.kind ?? ''),
      h('span', { class: 'place' }, place),
      hit.publishedDate ? h('span', { class: 'muted' }, `公布于 ${date(hit.publishedDate)}`) : null),
    h('p', { class: 'snippet' }, snippet(hit.snippet || hit.text)),
    h('p', { class: 'hit-meta' },
      h('a', { href: target }, reportLabel(report, hit.unit)),
      hit.path ? h('span', { class: 'path' }, h('span', { class: 'visually-hidden' }, '位置：'), hit.path) : null,
      hit.problemId ? h('a', { href: withQuery('/compare', { problem: hit.problemId }) }, '对比其他地区的相近问题') : null),
    categoryTags(hit.categories));
}
