// One labelled field with its inline message slot. Every input carries data-key (its place in the model).
import { h } from '../dom.js';
import { countries } from '../countries.js';

const idOf = (key) => `f-${key.replace(/\./g, '-')}`;
export const errorIdOf = (key) => `${idOf(key)}-error`;
export const fieldIdOf = idOf;

function wrap(key, label, control, hint) {
  const hintId = hint ? `${idOf(key)}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorIdOf(key)].filter(Boolean).join(' '));
  return h('div', { class: 'field' },
    h('label', { for: idOf(key), text: label }),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorIdOf(key) }));
}

export function textField(key, label, value, { hint, inputmode = 'numeric', size = 8 } = {}) {
  const input = h('input', { id: idOf(key), 'data-key': key, inputmode, autocomplete: 'off', spellcheck: 'false', size: String(size) });
  input.value = value ?? '';
  return wrap(key, label, input, hint);
}

export function selectField(key, label, options, value, { hint } = {}) {
  const select = h('select', { id: idOf(key), 'data-key': key },
    options.map(([v, text]) => h('option', { value: v, text })));
  select.value = value ?? '';
  return wrap(key, label, select, hint);
}

let countryOptions = null;
export function countryField(key, label, value, { hint, allowUnknown = false } = {}) {
  if (!countryOptions) countryOptions = countries().map((c) => [c.code, `${c.name} (${c.code})`]);
  const options = allowUnknown ? [['', 'I don\'t know'], ...countryOptions] : countryOptions;
  return selectField(key, label, options, value, { hint });
}
