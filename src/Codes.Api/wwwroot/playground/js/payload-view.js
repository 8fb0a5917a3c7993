// The native payload, one line per field, each line tagged with its native pointer ("/hs/ts"; for XML the path
// below the root element, "/Person/IDType") so fields named by warnings and errors can be highlighted.

import { el } from './dom.js';

/**
 * @param target   the container
 * @param body     the payload as sent
 * @param marks    { unmapped: Map<pointer, message>, errors: Map<pointer, messages> }
 */
export function renderPayload(target, body, contentType, marks) {
  const lines = (contentType.includes('xml') ? xmlLines(body) : jsonLines(body)) ?? plainLines(body);
  target.replaceChildren(...lines.map((line) => decorate(line, marks)));
}

function decorate({ pointer, depth, parts }, marks) {
  const unmapped = pointer !== undefined && marks.unmapped.get(pointer);
  const errors = pointer !== undefined && marks.errors.get(pointer);
  const classes = ['line', unmapped ? 'unmapped' : '', errors ? 'error-field' : ''].filter(Boolean).join(' ');
  const testid = errors ? 'error-field' : unmapped ? 'unmapped-field' : undefined;
  const title = [unmapped || '', ...(errors || [])].filter(Boolean).join('\n') || undefined;
  return el('div', { class: classes, testid, title, 'data-pointer': pointer },
    el('span', { class: 'indent' }, '  '.repeat(depth)), ...parts);
}

function plainLines(body) {
  return body.split('\n').map((text) => ({ depth: 0, parts: [text] }));
}

// ---- JSON ----

function jsonLines(body) {
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const lines = [];
  walkJson(value, { key: null, pointer: '', depth: 0, comma: false }, lines);
  return lines;
}

function walkJson(value, { key, pointer, depth, comma }, lines) {
  const label = key === null ? [] : [el('span', { class: 'key' }, JSON.stringify(key)), ': '];
  const tail = comma ? ',' : '';
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      lines.push({ pointer, depth, parts: [...label, open + close + tail] });
      return;
    }
    lines.push({ pointer, depth, parts: [...label, open] });
    entries.forEach(([name, child], index) => walkJson(child, {
      key: Array.isArray(value) ? null : name,
      pointer: `${pointer}/${escapePointer(name)}`,
      depth: depth + 1,
      comma: index < entries.length - 1,
    }, lines));
    lines.push({ depth, parts: [close + tail] });
    return;
  }
  const kind = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'literal';
  lines.push({ pointer, depth, parts: [...label, el('span', { class: kind }, JSON.stringify(value)), tail] });
}

function escapePointer(name) {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

// ---- XML ----

function xmlLines(body) {
  const document = new DOMParser().parseFromString(body, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0 || !document.documentElement) return null;
  const lines = [];
  walkXml(document.documentElement, '', 0, lines);
  return lines;
}

function walkXml(element, pointer, depth, lines) {
  const attributes = [...element.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
  const children = [...element.children];
  const open = el('span', { class: 'tag' }, `<${element.tagName}${attributes}>`);
  const close = el('span', { class: 'tag' }, `</${element.tagName}>`);
  if (children.length === 0) {
    lines.push({ pointer, depth, parts: [open, el('span', { class: 'string' }, element.textContent.trim()), close] });
    return;
  }
  lines.push({ pointer, depth, parts: [open] });
  for (const child of children) walkXml(child, `${pointer}/${child.tagName}`, depth + 1, lines);
  lines.push({ depth, parts: [close] });
}
