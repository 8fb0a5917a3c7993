// Tiny DOM helpers. Everything a payload or a response carries is set as text, never as HTML.

export const byId = (id) => document.getElementById(id);

/** el('li', { class: 'x', testid: 'y', title: 'z' }, 'text', childNode) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'testid') node.dataset.testid = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function listOrNone(list, items, render, none) {
  list.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'none' }, none)]));
}
