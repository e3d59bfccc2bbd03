// The category scheme (GET /api/categories): ids are API values, the Chinese names are what the page shows.
import { getJson } from './api.js';
import { h } from './dom.js';

let scheme = null;

/** [{ id, name, count }] in the server's order; loaded once per page. A failure leaves ids shown as they are. */
export async function loadCategories() {
  if (scheme) return scheme;
  try {
    const body = await getJson('/api/categories');
    const list = Array.isArray(body) ? body : body?.categories ?? [];
    scheme = list.map(c => ({ id: c.id, name: c.name ?? c.nameZh ?? c.label ?? c.id, count: c.count ?? c.problems ?? null }));
  } catch {
    scheme = [];
  }
  return scheme;
}

export function categoryName(id) {
  return scheme?.find(c => c.id === id)?.name ?? id;
}

/** The problem's categories as tags, primary first (marked as such). */
export function categoryTags(ids) {
  if (!ids?.length) return h('ul', { class: 'tags', 'aria-label': '分类' }, h('li', { class: 'tag muted' }, '未分类'));
  return h('ul', { class: 'tags', 'aria-label': '分类' },
    ids.map((id, i) => h('li', { class: i === 0 ? 'tag primary' : 'tag', title: i === 0 ? `主要分类（${id}）` : id, dataset: { category: id } }, categoryName(id))));
}
