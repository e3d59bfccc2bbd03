// Talking to the ReportSearch HTTP API (docs/contract.md). Failures become ApiError with the server's problem+json detail.
import { h } from './dom.js';

const keyName = 'reportsearch.apiKey';

export class ApiError extends Error {
  constructor(status, detail, title) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
    this.title = title;
  }
}

export const editorKey = {
  get: () => sessionStorage.getItem(keyName),
  set: key => sessionStorage.setItem(keyName, key),
  clear: () => sessionStorage.removeItem(keyName),
};

/** GET path?query → parsed JSON. Empty query values are left out so the URL stays short and shareable. */
export async function getJson(path, query = {}) {
  return request(withQuery(path, query), { headers: { Accept: 'application/json' } });
}

/** PUT with the editor's key. */
export async function putJson(path, body) {
  const key = editorKey.get();
  return request(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** path?query; an array value becomes the parameter repeated (?unit=高陵区&unit=高明区), as the API reads several values. */
export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === null || one === undefined || one === '') continue;
      params.append(name, String(one));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查服务是否在运行，然后重试。');
  }
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, body?.detail, body?.title);
  return body;
}

const statusWords = {
  0: '连接失败',
  400: '请求有误',
  401: '未授权：需要有效的 API 密钥',
  404: '未找到',
  413: '文件太大',
  415: '不支持的文件类型',
  500: '服务器内部错误',
};

/** An error as a sentence a reader can act on: what happened in Chinese, then the server's own detail. */
export function errorMessage(error, doing) {
  const status = error instanceof ApiError ? error.status : -1;
  const words = statusWords[status] ?? (status > 0 ? `请求失败（HTTP ${status}）` : '页面出错');
  const code = status in statusWords && status > 0 ? `（${status}）` : '';
  const detail = error instanceof ApiError ? error.detail : error?.message;
  return h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, `${doing}失败：${words}${code}`),
    detail ? h('p', { class: 'error-detail' }, `详情：${detail}`) : null,
    status === 401 ? h('p', { class: 'error-detail' }, '请点“退出编辑模式”，再用正确的密钥重新进入。') : null);
}

/** Links to GET /api/export for a comparison: CSV, Excel, Markdown and the JSON document. */
export function exportLinks(query) {
  return [['csv', 'CSV'], ['xlsx', 'Excel（XLSX）'], ['md', 'Markdown'], ['json', 'JSON']].map(([format, label]) =>
    h('a', { class: 'button small secondary', href: withQuery('/api/export', { ...query, format }), download: '', dataset: { format } }, label));
}
