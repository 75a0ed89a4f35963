// Elements with state that their attributes do not show (a listener, a property): patch() replaces them whole.
const unpatchable = new WeakSet();

// Building DOM nodes without innerHTML: text always goes in as text nodes, so nothing from a file can become markup.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
      unpatchable.add(el);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
      unpatchable.add(el);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A node a module keeps and updates itself from one drawing to the next (the lines table, the balance figure): it is
// never patched over another node, nor another over it.
export function keep(node) {
  unpatchable.add(node);
  return node;
}

// Makes `live` (in the page) show what `fresh` (just built for the same place) shows, changing only what differs,
// and says whether it could: a result drawn again on each keystroke mostly shows the same words, and words that
// stay in place are neither laid out nor painted again, where new nodes are (tests/bench/page-update.mjs).
// Focus and the reading position of a screen reader stay on nodes that stay.
export function patch(live, fresh) {
  if (live.nodeName !== fresh.nodeName || unpatchable.has(live) || unpatchable.has(fresh)) return false;
  if (live.nodeType === Node.TEXT_NODE) {
    if (live.data !== fresh.data) live.data = fresh.data;
    return true;
  }
  if (live.nodeType !== Node.ELEMENT_NODE) return false;
  // Most of a section drawn again is what it was: one native comparison of the whole subtree settles that.
  if (live.isEqualNode(fresh)) return true;
  for (const name of live.getAttributeNames()) if (!fresh.hasAttribute(name)) live.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name);
    if (live.getAttribute(name) === value) continue;
    // Styles (a bar's width) go through the CSSOM: the page's CSP refuses a style attribute set as text.
    if (name === 'style') live.style.cssText = fresh.style.cssText;
    else live.setAttribute(name, value);
  }
  patchChildren(live, [...fresh.childNodes]);
  return true;
}

// live's children become `nodes`: nodes already in live stay (moved if needed), and each new node is patched over
// the old child at its place where that works, else put there; old children left over go.
export function patchChildren(live, nodes) {
  const wanted = new Set(nodes);
  const placed = new Set();
  let cursor = live.firstChild;
  for (const node of nodes) {
    if (node === cursor) {
      placed.add(node);
      cursor = cursor.nextSibling;
    } else if (cursor && !wanted.has(cursor) && patch(cursor, node)) {
      placed.add(cursor);
      cursor = cursor.nextSibling;
    } else {
      live.insertBefore(node, cursor);
      placed.add(node);
    }
  }
  for (const child of [...live.childNodes]) if (!placed.has(child)) child.remove();
  return live;
}

// replace(), patching: el's content becomes children (nodes and text), changing only what differs. Text next to
// text is one text node, as the same content read from HTML is (the headline written into index.html at build
// time, which this patches over without a change).
export function patchContent(el, ...children) {
  const nodes = [];
  let text = null;
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    if (child instanceof Node) {
      if (text !== null) nodes.push(document.createTextNode(text));
      text = null;
      nodes.push(child);
    } else text = (text ?? '') + String(child);
  }
  if (text !== null) nodes.push(document.createTextNode(text));
  return patchChildren(el, nodes);
}

export const $ = (id) => document.getElementById(id);

let idCounter = 0;
export const uid = (prefix) => `${prefix}-${++idCounter}`;
