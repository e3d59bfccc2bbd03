// The page's entry: one HTML document for "/", "/compare", "/upload", "/review" and "/report/{id}"; the path and query string pick
// the view, so every view has a URL that can be shared. Any other path is the not-found view (the server sends it as 404).
import { renderCompare } from './compare.js';
import { h, show } from './dom.js';
import { setUpEditMode } from './editor.js';
import { renderReport } from './report.js';
import { renderReview } from './review.js';
import { renderSearch } from './search.js';
import { renderUpload } from './upload.js';

const views = { '/': 'search', '/compare': 'compare', '/upload': 'upload', '/review': 'review' };

function render() {
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const report = /^\/report\/([^/]+)$/.exec(path);
  markNavigation(views[path] ?? '');
  if (path === '/') return renderSearch(main);
  if (path === '/compare') return renderCompare(main);
  if (path === '/upload') return renderUpload(main);
  if (path === '/review') return renderReview(main);
  if (report) return renderReport(main, decodeURIComponent(report[1]));
  notFound(main, path);
}

function notFound(main, path) {
  document.title = '没有这个页面 - 巡视整改检索';
  show(main, h('section', { class: 'not-found', 'aria-labelledby': 'not-found-title' },
    h('p', { class: 'not-found-code', 'aria-hidden': 'true' }, '404'),
    h('h1', { id: 'not-found-title' }, '没有这个页面'),
    h('p', {}, '地址 ', h('code', {}, path), ' 不对应任何页面，可能是链接有误或页面已移走。'),
    h('ul', { class: 'not-found-links' },
      h('li', {}, h('a', { href: '/' }, '查看收录概览并检索')),
      h('li', {}, h('a', { href: '/compare' }, '对比各地区的整改')))));
}

function markNavigation(view) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

window.addEventListener('popstate', render);
setUpEditMode(render).then(render);
