// Building DOM without innerHTML: every piece of report text becomes a text node, so nothing from the index can inject markup.

/** h('a', { href: '/x', class: 'tag' }, 'text', childNode, [more]) → element. Null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    // Through the CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline style attributes.
    else if (name === 'style') el.style.cssText = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The server HTML-escapes snippet text (named and numeric entities); turn it back into plain characters. */
function decodeEntities(text) {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/**
 * The API marks matches with <mark>…</mark> and escapes the rest. Only those two tags are honoured; everything else
 * becomes text nodes, so a snippet can never inject markup.
 */
export function snippet(text) {
  const out = document.createDocumentFragment();
  let marked = false;
  for (const part of String(text ?? '').split(/(<mark>|<\/mark>)/i)) {
    if (/^<mark>$/i.test(part)) { marked = true; continue; }
    if (/^<\/mark>$/i.test(part)) { marked = false; continue; }
    if (!part) continue;
    const plain = decodeEntities(part);
    out.append(marked ? h('mark', {}, plain) : document.createTextNode(plain));
  }
  return out;
}

/** ISO dates (or date-times) shown as yyyy-MM-dd; anything else unchanged; absent as "—". */
export function date(value) {
  if (!value) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(value));
  return m ? m[1] : String(value);
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

export const statusNames = { done: '已完成', in_progress: '推进中', planned: '计划中' };
export const kindNames = { problem: '问题', measure: '整改措施', section: '报告正文' };

/** A document title shown once inside 《》, whether or not the index kept the brackets. */
export function documentTitle(title) {
  const t = String(title).replace(/^《|》$/g, '');
  return `《${t}》`;
}

export function loading(text) {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function emptyState(title, hint) {
  return h('div', { class: 'empty', role: 'status' }, h('p', { class: 'empty-title' }, title), hint ? h('p', { class: 'hint' }, hint) : null);
}

/** Moves to another view of the page without a reload (app.js renders on popstate). */
export function navigate(url) {
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Province · city · unit without repeats (a city-level unit often has the city's name). */
export function placeOf(...parts) {
  return parts.filter((v, i, a) => v && a.indexOf(v) === i).join(' · ');
}
