// Editors' corrections: the API key is entered once per browser session; with it every problem gets a category editor
// that PUTs /api/problems/{id}/categories. Without a key the editor is not rendered at all, and on a server whose writes
// are off (GET /api/capabilities) edit mode is not offered.
import { editorKey, errorMessage, putJson } from './api.js';
import { loadCapabilities } from './capabilities.js';
import { categoryTags, loadCategories } from './categories.js';
import { h, show } from './dom.js';

export const isEditing = () => Boolean(editorKey.get());

/**
 * Wires the header's 编辑模式 button and key dialog; onChange re-renders the view so controls appear or vanish.
 * Resolves once the server has said whether it takes writes; a read-only server gets no edit mode and no upload link.
 */
export async function setUpEditMode(onChange) {
  const { writes } = await loadCapabilities();
  document.getElementById('upload-link').hidden = !writes;
  document.getElementById('edit-mode').hidden = !writes;
  if (!writes) {
    editorKey.clear();
    return;
  }
  const toggle = document.getElementById('edit-toggle');
  const badge = document.getElementById('edit-badge');
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');

  const reflect = () => {
    const editing = isEditing();
    toggle.textContent = editing ? '退出编辑模式' : '编辑模式';
    toggle.setAttribute('aria-pressed', String(editing));
    badge.hidden = !editing;
  };

  toggle.addEventListener('click', () => {
    if (isEditing()) {
      editorKey.clear();
      reflect();
      onChange();
      return;
    }
    input.value = '';
    dialog.showModal();
    input.focus();
  });
  document.getElementById('key-cancel').addEventListener('click', () => dialog.close('cancel'));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'save' && input.value.trim()) {
      editorKey.set(input.value.trim());
      reflect();
      onChange();
    }
    dialog.returnValue = '';
    toggle.focus();
  });
  reflect();
}

/**
 * The tags of one problem, plus (in edit mode) a "修改分类" button that opens checkboxes over the whole scheme and a
 * choice of the primary category.
 */
export function problemCategories(problemId, categories) {
  const wrap = h('div', { class: 'categories' });
  let current = [...(categories ?? [])];
  const tags = h('div', { class: 'tag-row' }, categoryTags(current));
  const status = h('div', { class: 'editor-status', 'aria-live': 'polite' });
  wrap.append(tags);
  if (!isEditing()) return wrap;

  const button = h('button', { type: 'button', class: 'button small secondary', 'aria-expanded': 'false' }, '修改分类');
  const panel = h('div', { class: 'category-editor', hidden: true });
  wrap.append(button, panel, status);

  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };

  button.addEventListener('click', async () => {
    if (!panel.hidden) return close();
    const scheme = await loadCategories();
    openEditor(panel, problemId, scheme, current, {
      cancel: close,
      saved: ids => {
        current = ids;
        show(tags, categoryTags(current));
        show(status, h('p', { class: 'saved' }, '已保存分类更正。'));
        close();
      },
      failed: error => show(status, errorMessage(error, '保存分类')),
    });
    button.setAttribute('aria-expanded', 'true');
    panel.hidden = false;
    panel.querySelector('input')?.focus();
  });
  return wrap;
}

function openEditor(panel, problemId, scheme, current, { cancel, saved, failed }) {
  const name = `cat-${problemId}`;
  const boxes = scheme.map(c => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value: c.id, checked: current.includes(c.id) }), ' ', c.name));
  const primary = h('select', { id: `${name}-primary`, name: 'primary' });
  const fillPrimary = () => {
    const chosen = checkedIds();
    const keep = chosen.includes(primary.value) ? primary.value : chosen.includes(current[0]) ? current[0] : chosen[0];
    show(primary, chosen.map(id => h('option', { value: id, selected: id === keep }, scheme.find(c => c.id === id)?.name ?? id)));
  };
  const checkedIds = () => [...panel.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map(b => b.value);
  const message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'button small' }, '保存');

  const form = h('form', { class: 'editor-form' },
    h('fieldset', {}, h('legend', {}, '分类（可多选）'), h('div', { class: 'check-grid' }, boxes)),
    h('label', { for: primary.id }, '主要分类'), primary,
    message,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'button small secondary', onclick: cancel }, '取消')));

  form.addEventListener('change', e => { if (e.target.type === 'checkbox') fillPrimary(); });
  form.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const chosen = checkedIds();
    if (!chosen.length) {
      message.textContent = '至少选择一个分类。';
      message.hidden = false;
      return;
    }
    message.hidden = true;
    const ids = [primary.value, ...chosen.filter(id => id !== primary.value)];
    save.disabled = true;
    save.textContent = '正在保存…';
    try {
      const body = await putJson(`/api/problems/${encodeURIComponent(problemId)}/categories`, { categories: ids });
      saved(Array.isArray(body?.categories) ? body.categories : ids);
    } catch (error) {
      failed(error);
      save.disabled = false;
      save.textContent = '保存';
    }
  });
  show(panel, form);
  fillPrimary();
}
