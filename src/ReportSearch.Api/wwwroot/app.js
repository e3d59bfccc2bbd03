// The page's entry: one HTML document for "/", "/compare" and "/report/{id}"; the path and query string pick the view,
// so every view has a URL that can be shared.
import { renderCompare } from './compare.js';
import { emptyState, h, show } from './dom.js';
import { setUpEditMode } from './editor.js';
import { renderReport } from './report.js';
import { renderSearch } from './search.js';

function render() {
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const report = /^\/report\/([^/]+)$/.exec(path);
  markNavigation(path);
  if (path === '/') return renderSearch(main);
  if (path === '/compare') return renderCompare(main);
  if (report) return renderReport(main, decodeURIComponent(report[1]));
  show(main, emptyState('没有这个页面', '从检索页开始：'), h('p', {}, h('a', { href: '/' }, '返回检索')));
}

function markNavigation(path) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    const current = link.dataset.nav === (path === '/compare' ? 'compare' : path === '/' ? 'search' : '');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

window.addEventListener('popstate', render);
setUpEditMode(render);
render();
