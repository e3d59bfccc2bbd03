// The review list for editors (GET /api/review): problems whose top category the model is least sure of, least sure first,
// each with the model's three best guesses. In edit mode every problem carries the category editor, so a correction is
// one click away; corrections retrain the model (issue 11) and leave the list.
import { errorMessage, getJson } from './api.js';
import { categoryName, loadCategories } from './categories.js';
import { h, loading, show } from './dom.js';
import { problemCategories } from './editor.js';

export async function renderReview(main) {
  document.title = '分类复核 - 巡视整改检索';
  show(main, loading('正在读取待复核的问题…'));
  try {
    await loadCategories();
    const items = await getJson('/api/review', { top: 50 });
    show(main,
      h('section', { class: 'review', 'aria-labelledby': 'review-title' },
        h('h1', { id: 'review-title' }, '分类复核'),
        h('p', { class: 'muted' }, '模型最没有把握的问题排在最前；编辑模式下可直接修改分类，修改后的问题不再列出。'),
        h('ol', { class: 'review-list' }, items.map(reviewItem))));
  } catch (error) {
    show(main, errorMessage(error, '读取待复核的问题'));
  }
}

function reviewItem(item) {
  return h('li', { class: 'review-item', dataset: { problem: item.problemId, certainty: String(item.certainty) } },
    h('p', { class: 'statement' }, item.statement),
    h('p', { class: 'certainty' }, `把握程度 ${Math.round(item.certainty * 100)}%`),
    h('ul', { class: 'scores', 'aria-label': '模型的前三个判断' },
      (item.scores ?? []).map(s => h('li', {}, `${categoryName(s.category)} ${Math.round(s.probability * 100)}%`))),
    problemCategories(item.problemId, item.categories));
}
