// The upload view at /upload: pick or drop several report files; each is sent on its own (POST /api/reports with the
// editor's key) with its own progress bar, then shows what was parsed from it or the server's reason for refusing it.
import { ApiError, editorKey, errorMessage, getJson } from './api.js';
import { loadCapabilities } from './capabilities.js';
import { date, emptyState, h, placeOf, show } from './dom.js';
import { isEditing } from './editor.js';

export async function renderUpload(main) {
  document.title = '上传通报 - 巡视整改检索';
  const capabilities = await loadCapabilities();
  const title = h('h1', {}, '上传整改通报');
  if (!capabilities.writes) {
    show(main, h('section', { class: 'upload' }, title,
      emptyState('这个服务器没有开启写入', `服务器以只读方式运行：启动时设置 ${capabilities.apiKeyVariable ?? 'REPORTSEARCH_API_KEY'} 后才能上传。`)));
    return;
  }
  if (!isEditing()) {
    const enter = h('button', { type: 'button', class: 'button' }, '进入编辑模式');
    enter.addEventListener('click', () => document.getElementById('edit-toggle').click());
    show(main, h('section', { class: 'upload' }, title,
      h('p', {}, '上传需要 API 密钥：先进入编辑模式并输入密钥。'), enter));
    return;
  }

  const formats = capabilities.uploadFormats ?? [];
  const input = h('input', { type: 'file', id: 'upload-files', multiple: true, accept: formats.join(','), class: 'visually-hidden' });
  const zone = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', { class: 'drop-title' }, '把通报文件拖到这里，或'),
    h('label', { for: 'upload-files', class: 'button' }, '选择文件…'),
    input,
    h('p', { class: 'hint' }, `可一次选多个文件；格式 ${formats.join(' ')}，每个不超过 ${megabytes(capabilities.maxUploadBytes)}。`));
  const list = h('ol', { class: 'uploads', 'aria-label': '上传的文件', 'aria-live': 'polite' });
  show(main, h('section', { class: 'upload' }, title,
    h('p', {}, '每个文件单独解析和收录：成功的显示解析出的单位和问题数，失败的显示原因，不影响已收录的通报。'),
    zone, list));

  const queue = [];
  let running = false;
  const add = files => {
    for (const file of files) queue.push(uploadRow(list, file, capabilities.maxUploadBytes));
    if (!running) drain();
  };
  // One file at a time: each is indexed in its own transaction, and the rows finish in the order they were added.
  const drain = async () => {
    running = true;
    while (queue.length) await queue.shift()();
    running = false;
  };
  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    add([...(e.dataTransfer?.files ?? [])]);
  });
}

/** Adds the file's row (queued) and returns the function that uploads it. */
function uploadRow(list, file, maxBytes) {
  const progress = h('progress', { max: '100', value: '0', 'aria-label': `${file.name} 上传进度` });
  const status = h('div', { class: 'upload-status' }, h('p', { class: 'muted' }, '等待上传'));
  const row = h('li', { class: 'upload-row', dataset: { name: file.name } },
    h('p', { class: 'upload-name' }, h('strong', {}, file.name), h('span', { class: 'muted' }, ` ${megabytes(file.size)}`)),
    progress, status);
  list.append(row);
  return async () => {
    if (maxBytes && file.size > maxBytes) {
      fail(row, status, new ApiError(413, `${file.name} 有 ${megabytes(file.size)}，超过服务器允许的 ${megabytes(maxBytes)}`));
      return;
    }
    show(status, h('p', { class: 'muted' }, '正在上传…'));
    try {
      const answer = await send(file, fraction => { progress.value = Math.round(fraction * 100); });
      progress.value = 100;
      show(status, h('p', { class: 'muted' }, '已上传，正在读取解析结果…'));
      const report = await getJson(`/api/reports/${encodeURIComponent(answer.id)}`);
      row.classList.add('done');
      row.dataset.result = answer.status;
      show(status, summary(report, answer.status));
    } catch (error) {
      fail(row, status, error);
    }
  };
}

function fail(row, status, error) {
  row.classList.add('failed');
  row.dataset.result = 'failed';
  show(status, errorMessage(error, '上传'));
}

/** POST as multipart with XMLHttpRequest, whose upload events give the progress that fetch does not. */
function send(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Authorization', `Bearer ${editorKey.get()}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      const body = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve(body);
      else reject(new ApiError(xhr.status, body?.detail, body?.title));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, '无法连接服务器，请检查服务是否在运行，然后重试。')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function summary(report, outcome) {
  const u = report.unit ?? {};
  const problems = report.problems ?? [];
  const measures = problems.reduce((n, p) => n + (p.measures?.length ?? 0), 0);
  return h('div', { class: 'upload-summary' },
    h('p', { class: 'saved' }, outcome === 'unchanged' ? '这份通报已收录过，内容没有变化。' : '已解析并收录。'),
    h('p', {}, h('a', { href: `/report/${encodeURIComponent(report.id)}` }, report.title ?? `${u.fullName ?? u.name ?? ''}整改通报`)),
    h('p', { class: 'muted' }, `${placeOf(u.province, u.city, u.name) || '未识别出地区'} · 公布于 ${date(report.publishedDate)} · ${problems.length} 个问题 · ${measures} 条整改措施`),
    report.warnings?.length ? h('p', { class: 'hint' }, `解析提示 ${report.warnings.length} 条，可在通报页查看。`) : null);
}

function megabytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
