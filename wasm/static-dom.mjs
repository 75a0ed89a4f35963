// The part of the browser's DOM that the page's headline code (web/results/headline.js and web/dom.js) uses, for
// node at build time: elements and text nodes in a tree, their attributes, and the HTML the browser's innerHTML
// would give for them. wasm/write-first-screen.mjs draws the example's headline with it; the browser test
// tests/browser/first-visit.test.mjs holds what it writes to what the page itself draws. It has no styles,
// queries or layout: headline code that starts to use them fails here (or in that test) instead of writing
// something else.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// HTML's serialization of text and attribute values (the HTML standard, "serializing HTML fragments").
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;');
// Elements with no content and no end tag, of those the page's code makes.
const VOID = new Set(['br', 'input', 'img', 'hr', 'wbr']);

class StaticNode {
  constructor(nodeType, nodeName) {
    this.nodeType = nodeType;
    this.nodeName = nodeName;
    this.parentNode = null;
    this.childNodes = [];
  }

  get firstChild() { return this.childNodes[0] ?? null; }

  get lastChild() { return this.childNodes.at(-1) ?? null; }

  get nextSibling() {
    const siblings = this.parentNode?.childNodes;
    return siblings ? siblings[siblings.indexOf(this) + 1] ?? null : null;
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
}
StaticNode.ELEMENT_NODE = ELEMENT_NODE;
StaticNode.TEXT_NODE = TEXT_NODE;

class StaticText extends StaticNode {
  constructor(data) {
    super(TEXT_NODE, '#text');
    this.data = String(data);
  }

  get textContent() { return this.data; }

  get html() { return escapeText(this.data); }
}

class StaticElement extends StaticNode {
  constructor(tag) {
    super(ELEMENT_NODE, tag.toUpperCase());
    this.localName = tag.toLowerCase();
    this.attributes = new Map();
    this.listeners = 0;
    const classes = () => (this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const write = (list) => this.setAttribute('class', list.join(' '));
    this.classList = {
      contains: (c) => classes().includes(c),
      add: (c) => { if (!classes().includes(c)) write([...classes(), c]); },
      remove: (c) => write(classes().filter((x) => x !== c)),
      toggle: (c, on = !classes().includes(c)) => {
        if (on) this.classList.add(c);
        else if (classes().includes(c)) this.classList.remove(c);
        return on;
      },
    };
  }

  getAttribute(name) { return this.attributes.get(name) ?? null; }

  hasAttribute(name) { return this.attributes.has(name); }

  getAttributeNames() { return [...this.attributes.keys()]; }

  setAttribute(name, value) { this.attributes.set(String(name).toLowerCase(), String(value)); }

  removeAttribute(name) { this.attributes.delete(name); }

  get id() { return this.getAttribute('id') ?? ''; }

  set id(value) { this.setAttribute('id', value); }

  get className() { return this.getAttribute('class') ?? ''; }

  set className(value) { this.setAttribute('class', value); }

  get hidden() { return this.hasAttribute('hidden'); }

  set hidden(value) {
    if (value) this.setAttribute('hidden', '');
    else this.removeAttribute('hidden');
  }

  // A listener has no place in HTML: the live page's code adds its own when it takes the element over.
  addEventListener() { this.listeners += 1; }

  set onclick(handler) { if (handler) this.addEventListener('click', handler); }

  get onclick() { return null; }

  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }

  set textContent(value) {
    this.replaceChildren();
    if (String(value) !== '') this.append(new StaticText(value));
  }

  insertBefore(node, before) {
    if (!(node instanceof StaticNode)) throw new TypeError('static-dom: only its own nodes can be inserted');
    node.remove();
    const at = before ? this.childNodes.indexOf(before) : this.childNodes.length;
    if (at < 0) throw new Error('static-dom: insertBefore a node that is not a child');
    this.childNodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  }

  append(...nodes) {
    for (const node of nodes) this.insertBefore(node instanceof StaticNode ? node : new StaticText(node), null);
  }

  replaceChildren(...nodes) {
    for (const child of [...this.childNodes]) child.remove();
    this.append(...nodes);
  }

  get innerHTML() { return this.childNodes.map((c) => c.html).join(''); }

  get html() {
    const attributes = [...this.attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    return `<${this.localName}${attributes}>${VOID.has(this.localName) ? '' : `${this.innerHTML}</${this.localName}>`}`;
  }

  *descendants() {
    for (const child of this.childNodes) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      yield child;
      yield* child.descendants();
    }
  }
}

// A document whose body holds `ids` as empty elements ([[tag, id], ...]), the places the code draws into; and the
// globals web/dom.js reads (document, Node). install() puts them on globalThis.
export function staticDocument(places) {
  const body = new StaticElement('body');
  for (const [tag, id] of places) {
    const el = new StaticElement(tag);
    el.id = id;
    body.append(el);
  }
  const document = {
    body,
    createElement: (tag) => new StaticElement(tag),
    createTextNode: (data) => new StaticText(data),
    getElementById: (id) => [...body.descendants()].find((el) => el.id === id) ?? null,
  };
  return {
    document,
    install() {
      globalThis.document = document;
      globalThis.Node = StaticNode;
    },
  };
}
