// One labelled field with its inline message slot. Every input carries data-key (its place in the model).
import { h } from '../dom.js';
import { countries, countryName } from '../countries.js';

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

// Country fields: a text field with one shared list of suggestions (a <datalist>), not a <select> of about 250
// options per field: a 200-row form held about 94,000 option elements, and typing in it lagged
// (tests/bench/page-update.mjs). A person types a country's name or its two-letter code, or picks a suggestion;
// the field shows "Name (CODE)" and the model holds the code (countryCode), or the text as typed when it names no
// country, which toScenario reports next to the field.
const COUNTRY_LIST_ID = 'country-list';
let byText = null; // name, other name, code or "name (code)", as typedKey gives them -> code

// Typed country text as the index holds it: lower case, single spaces, without accents ("Türkiye", "turkiye" and
// "TURKIYE" are the same; "Cote d'Ivoire" finds "Côte d'Ivoire").
const typedKey = (text) => String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();

function countryIndex() {
  if (!byText) {
    byText = new Map();
    for (const c of countries()) {
      byText.set(typedKey(c.code), c.code);
      byText.set(typedKey(c.name), c.code);
      byText.set(typedKey(`${c.name} (${c.code})`), c.code);
    }
    // Other names never take the place of a code or an official name (e.g. no other name may mean another code).
    for (const c of countries()) {
      for (const other of c.otherNames ?? []) if (!byText.has(typedKey(other))) byText.set(typedKey(other), c.code);
    }
  }
  return byText;
}

// What a country field shows for a code ('' for none); text it cannot name stays as it is.
export function countryText(code) {
  if (!code) return '';
  const name = countryName(code);
  return countryIndex().has(typedKey(code)) && name !== code ? `${name} (${code})` : String(code);
}

// Typed text -> the code it names, '' for an empty field, or null when it names no country.
export function countryCode(text) {
  const typed = typedKey(text);
  if (!typed) return '';
  return countryIndex().get(typed) ?? null;
}

// The one list of suggestions every country field uses, added to the document the first time a field needs it.
function ensureCountryList() {
  if (document.getElementById(COUNTRY_LIST_ID)) return;
  document.body.append(h('datalist', { id: COUNTRY_LIST_ID },
    countries().map((c) => h('option', { value: `${c.name} (${c.code})` }))));
}

// allowUnknown: the field may stay empty ("I don't know").
export function countryField(key, label, value, { hint, allowUnknown = false } = {}) {
  ensureCountryList();
  const input = h('input', {
    id: idOf(key), 'data-key': key, 'data-country': allowUnknown ? 'optional' : 'required', list: COUNTRY_LIST_ID,
    autocomplete: 'off', spellcheck: 'false', size: '22',
    placeholder: allowUnknown ? 'I don\'t know' : null,
  });
  input.value = countryText(value);
  return wrap(key, label, input, hint);
}
