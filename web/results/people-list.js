// A list of the core's sentences as people read them (people-text.js): Microsoft's pages become links.
import { h } from '../dom.js';
import { peoplePieces } from '../people-text.js';
import { textOf } from './section.js';

export function peopleNodes(text, describe) {
  return peoplePieces(text, describe).map((p) => (typeof p === 'string' ? p
    : h('a', { href: p.href, target: '_blank', rel: 'noopener noreferrer', text: p.label })));
}

export function peopleList(items, className) {
  const texts = (Array.isArray(items) ? items : []).map(textOf).filter(Boolean);
  return texts.length ? h('ul', { class: className }, texts.map((t) => h('li', {}, peopleNodes(t)))) : null;
}
