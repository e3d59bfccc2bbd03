// The search view at "/": query, filters, sort and dates live in the URL (/?q=借调&province=广东省&province=陕西省&sort=date)
// so a result can be shared. Without a query or filter "/" is the overview. Each hit says why it matched (its matched
// words, or 语义相近 when only the meaning matched); hits below the relevance floor are folded under 相关度较低.
import { errorMessage, exportLinks, getJson, withQuery } from './api.js';
import { categoryName, categoryTags, loadCategories } from './categories.js';
import { date, emptyState, h, kindNames, loading, placeOf, show, snippet } from './dom.js';
import { measureList } from './measures.js';
import { renderOverview } from './overview.js';
import { loadReports, reportLabel } from './reports.js';

const pageSize = 20;
const foldedPage = 100;

// The facets in the order shown, each a multi-select (OR within a field, AND across fields).
const facets = [
  { name: 'province', label: '省份' },
  { name: 'city', label: '城市' },
  { name: 'unit', label: '被巡视单位' },
  { name: 'category', label: '问题分类', labelOf: categoryName },
  { name: 'kind', label: '类型', labelOf: k => kindNames[k] ?? k },
  { name: 'year', label: '公布年份', labelOf: y => `${y}年` },
];

let latest = 0;

function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  const state = {
    q: (p.get('q') ?? '').trim(),
    top: Math.max(pageSize, Number(p.get('top')) || pageSize),
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
  };
  for (const f of facets) state[f.name] = [...new Set(p.getAll(f.name).flatMap(v => v.split(',')).map(v => v.trim()).filter(Boolean))];
  return state;
}

const hasFilters = state => facets.some(f => state[f.name].length) || Boolean(state.from || state.to);

/** The search's query parameters; the page URL and the API request are the same. */
function queryOf(state) {
  const query = { q: state.q, sort: state.sort === 'date' ? 'date' : '', from: state.from, to: state.to };
  for (const f of facets) query[f.name] = state[f.name];
  return query;
}

function urlOf(state) {
  return withQuery('/', { ...queryOf(state), top: state.top > pageSize ? state.top : '' });
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
      h('a', { class: 'button secondary', id: 'to-compare', href: state.q ? withQuery('/compare', { q: state.q }) : '/compare' }, '对比各地区')),
    state.q ? null : h('p', { class: 'hint examples' }, '示例：', ['借调', '闲置土地', '形式主义'].map(q => h('a', { href: withQuery('/', { q }), class: 'example' }, q))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    go({ ...state, q: input.value.trim(), top: pageSize });
  });

  const aside = h('aside', { class: 'filters', 'aria-label': '筛选条件' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-title' });
  const layout = h('div', { class: 'search-layout' }, aside, results);
  show(main, h('h1', { class: 'visually-hidden' }, '检索'), form, layout);
  if (!state.q) input.focus();

  if (!state.q && !hasFilters(state)) {
    aside.hidden = true;
    layout.classList.add('single');
    await renderOverview(results);
    return;
  }

  const ticket = ++latest;
  show(results, loading('正在搜索…'));
  results.setAttribute('aria-busy', 'true');
  try {
    const [doc, reports] = await Promise.all([getJson('/api/search', { ...queryOf(state), top: state.top }), loadReports().catch(() => []), loadCategories()]);
    if (ticket !== latest) return;
    renderFilters(aside, state, doc.facets ?? {}, reports);
    renderHits(results, state, doc, reports);
  } catch (error) {
    if (ticket !== latest) return;
    aside.hidden = true;
    layout.classList.add('single');
    show(results, errorMessage(error, '搜索'));
  } finally {
    results.removeAttribute('aria-busy');
  }
}

/** Facet values with their counts; a field the server does not facet falls back to the report list (no counts). */
function facetValues(name, facets, reports) {
  if (facets[name]) return Object.entries(facets[name]).sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  if (name === 'kind') return [['problem', null], ['measure', null]];
  const of = {
    province: r => r.province, city: r => r.city, unit: r => r.unit,
    year: r => /^\d{4}/.exec(r.publishedDate ?? '')?.[0],
  }[name];
  return of ? [...new Set(reports.map(of).filter(Boolean))].map(v => [v, null]) : [];
}

function renderFilters(aside, state, facetCounts, reports) {
  aside.hidden = false;
  const groups = facets.map(f => {
    const values = facetValues(f.name, facetCounts, reports).map(([v, n]) => [String(v), n]);
    for (const chosen of state[f.name]) if (!values.some(([v]) => v === chosen)) values.unshift([chosen, 0]);
    if (!values.length) return null;
    return h('fieldset', { class: 'facet', dataset: { facet: f.name } },
      h('legend', {}, f.label),
      h('ul', { class: 'facet-values' }, values.map(([value, count]) => {
        const box = h('input', { type: 'checkbox', name: f.name, value, checked: state[f.name].includes(value) });
        box.addEventListener('change', () => {
          const chosen = box.checked ? [...state[f.name], value] : state[f.name].filter(v => v !== value);
          go({ ...state, [f.name]: chosen, top: pageSize });
        });
        return h('li', {}, h('label', { class: 'check' }, box, ' ', f.labelOf ? f.labelOf(value) : value,
          count === null ? null : h('span', { class: 'facet-count' }, `（${count}）`)));
      })));
  });
  const from = h('input', { type: 'date', id: 'filter-from', name: 'from', value: state.from });
  const to = h('input', { type: 'date', id: 'filter-to', name: 'to', value: state.to });
  const dates = h('form', { class: 'facet dates', 'aria-label': '公布日期范围' },
    h('p', { class: 'facet-title' }, '公布日期'),
    h('div', { class: 'field' }, h('label', { for: 'filter-from' }, '从'), from),
    h('div', { class: 'field' }, h('label', { for: 'filter-to' }, '到'), to),
    h('button', { type: 'submit', class: 'button small secondary' }, '按日期筛选'));
  dates.addEventListener('submit', e => {
    e.preventDefault();
    go({ ...state, from: from.value, to: to.value, top: pageSize });
  });
  const clear = hasFilters(state)
    ? h('button', { type: 'button', class: 'button small secondary', onclick: () => go({ ...stateFromUrl(), ...Object.fromEntries(facets.map(f => [f.name, []])), from: '', to: '', top: pageSize }) }, '清除筛选')
    : null;
  // Open beside the results on wide screens; folded above them on a phone, so the hits come first into view.
  const chosen = facets.reduce((n, f) => n + state[f.name].length, 0) + (state.from || state.to ? 1 : 0);
  const panel = h('details', { class: 'filter-panel', open: matchMedia('(min-width: 900px)').matches },
    h('summary', {}, h('h2', {}, '筛选', chosen ? h('span', { class: 'chosen' }, `（已选 ${chosen} 项）`) : null)),
    clear, groups, dates);
  show(aside, panel);
}

function toolbar(state) {
  const sort = h('select', { id: 'sort', name: 'sort' },
    h('option', { value: 'relevance', selected: state.sort === 'relevance' }, '按相关度'),
    h('option', { value: 'date', selected: state.sort === 'date' }, '按公布日期（新的在前）'));
  sort.addEventListener('change', () => go({ ...state, sort: sort.value, top: pageSize }));
  const exports = state.q ? h('div', { class: 'exports', role: 'group', 'aria-label': '导出各地区对比' },
    h('span', { class: 'exports-label' }, '导出对比：'),
    exportLinks({ q: state.q })) : null;
  return h('div', { class: 'results-toolbar' },
    h('div', { class: 'field inline' }, h('label', { for: 'sort' }, '排序'), sort),
    exports);
}

function renderHits(results, state, doc, reports) {
  const hits = doc.hits ?? [];
  const folded = doc.folded ?? 0;
  const subject = state.q ? `“${state.q}”` : '所选条件';
  const byId = new Map(reports.map(r => [r.id, r]));
  const lowSection = folded > 0 ? foldedHits(state, doc, byId) : null;
  if (!hits.length) {
    show(results, h('h2', { id: 'results-title', class: 'visually-hidden' }, '检索结果'), toolbar(state),
      emptyState(`没有找到与${subject}相关的内容`, folded ? `另有 ${folded} 条相关度较低的结果，见下方。`
        : hasFilters(state) ? '试试清除筛选条件，或换一个更短的关键词。' : '试试换一个更短或更常见的关键词，例如“借调”“土地”。'),
      lowSection);
    return;
  }
  const total = doc.total ?? hits.length;
  const took = typeof doc.tookMs === 'number' ? `，用时 ${doc.tookMs.toFixed(1)} 毫秒` : '';
  const foldedNote = folded > 0 ? `；另有 ${folded} 条相关度较低，已折叠` : '';
  const more = hits.length < total
    ? h('button', { type: 'button', class: 'button secondary more', onclick: () => go({ ...state, top: state.top + pageSize }, { replace: true, focusHit: hits.length }) }, `显示更多（还有 ${total - hits.length} 条）`)
    : null;
  show(results,
    h('h2', { id: 'results-title', class: 'results-summary', role: 'status' }, `找到 ${total} 条结果，显示第 1–${hits.length} 条${foldedNote}${took}`),
    toolbar(state),
    h('ol', { class: 'hits' }, hits.map(hit => hitItem(hit, byId.get(hit.reportId)))),
    more,
    lowSection);
}

/** The hits below the relevance floor: counted, folded, and fetched only when the reader opens them. */
function foldedHits(state, doc, byId) {
  const folded = doc.folded;
  const body = h('div', { class: 'low-body' });
  const section = h('details', { class: 'low-relevance' },
    h('summary', {}, `相关度较低（${folded} 条）`),
    h('p', { class: 'hint' }, '这些结果只有部分词语或意思与检索相近，默认不显示。'),
    body);
  let loaded = false;
  section.addEventListener('toggle', async () => {
    if (!section.open || loaded) return;
    loaded = true;
    show(body, loading('正在读取相关度较低的结果…'));
    try {
      const low = await getJson('/api/search', { ...queryOf(state), low: 'true', offset: doc.total ?? 0, top: Math.min(folded, foldedPage) });
      const hits = (low.hits ?? []).filter(hit => hit.lowRelevance);
      show(body, h('ol', { class: 'hits' }, hits.map(hit => hitItem(hit, byId.get(hit.reportId)))),
        folded > hits.length ? h('p', { class: 'hint' }, `只列出前 ${hits.length} 条。`) : null);
    } catch (error) {
      loaded = false;
      show(body, errorMessage(error, '读取相关度较低的结果'));
    }
  });
  return section;
}

/** Why a hit is here: the query's words (or their equivalents) found in it, or 语义相近 when only the meaning matched. */
function reason(hit) {
  if (hit.matchedBy === 'vector' || (hit.matchedBy && !hit.matchedTerms?.length)) {
    return h('span', { class: 'why semantic', title: '没有出现检索词，按意思相近找到' }, '语义相近');
  }
  if (!hit.matchedTerms?.length) return null;
  return h('span', { class: 'why' }, '命中：', hit.matchedTerms.map((t, i) => [i ? '、' : '', h('mark', {}, t)]));
}

function hitItem(hit, report) {
  const anchor = hit.measureId ?? hit.problemId;
  const target = `/report/${encodeURIComponent(hit.reportId)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
  const measures = h('div', { class: 'hit-measures', hidden: true, id: `measures-${hit.measureId ?? hit.problemId}-${Math.random().toString(36).slice(2, 8)}` });
  const expand = hit.problemId
    ? h('button', { type: 'button', class: 'button small secondary expand', 'aria-expanded': 'false', 'aria-controls': measures.id }, '查看整改措施')
    : null;
  expand?.addEventListener('click', () => toggleMeasures(expand, measures, hit));
  return h('li', { class: `hit${hit.lowRelevance ? ' low' : ''}`, tabindex: '-1', dataset: { unit: hit.unit ?? '', province: hit.province ?? '', kind: hit.kind ?? '', matchedBy: hit.matchedBy ?? '' } },
    h('div', { class: 'hit-head' },
      h('span', { class: `kind kind-${hit.kind}` }, kindNames[hit.kind] ?? hit.kind ?? ''),
      h('span', { class: 'place' }, placeOf(hit.province, hit.city, hit.unit)),
      hit.publishedDate ? h('span', { class: 'muted' }, `公布于 ${date(hit.publishedDate)}`) : null,
      reason(hit)),
    h('p', { class: 'snippet' }, snippet(hit.snippet || hit.text)),
    h('p', { class: 'hit-meta' },
      h('a', { href: target }, reportLabel(report, hit.unit)),
      hit.path ? h('span', { class: 'path' }, h('span', { class: 'visually-hidden' }, '位置：'), hit.path) : null,
      hit.problemId ? h('a', { href: withQuery('/compare', { problem: hit.problemId }) }, '对比其他地区的相近问题') : null),
    categoryTags(hit.categories),
    expand,
    measures);
}

/** Opens the problem's measures under the hit (GET /api/problems/{id}), the measure that matched marked. */
async function toggleMeasures(button, panel, hit) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  button.textContent = open ? '收起整改措施' : '查看整改措施';
  panel.hidden = !open;
  if (!open || panel.dataset.loaded) return;
  show(panel, loading('正在读取整改措施…'));
  try {
    const problem = await getJson(`/api/problems/${encodeURIComponent(hit.problemId)}`);
    panel.dataset.loaded = 'true';
    show(panel,
      hit.kind === 'measure' ? h('p', { class: 'statement' }, problem.statement) : null,
      h('p', { class: 'measures-title' }, `整改措施（${problem.measures?.length ?? 0}）`),
      measureList(problem.measures));
    if (hit.measureId) panel.querySelector(`[id="${CSS.escape(hit.measureId)}"]`)?.classList.add('target');
  } catch (error) {
    show(panel, errorMessage(error, '读取整改措施'));
  }
}
