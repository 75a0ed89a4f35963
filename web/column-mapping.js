// The step where an admin says which column of a rate sheet is which, when the core does not recognise its headers
// (a sheet saved by another tool or in another language). Loaded by the rates panel only when such a sheet comes;
// the core reads the sheet with the choice (core/CONTRACT.md "Rate card"). A choice is remembered in this browser
// per exact set of headers, so the next file with the same headers loads without asking.
import { h, replace, uid } from './dom.js';

// The roles the core maps (rate_sheet_reader.hpp ColumnMapping), in the order a rate sheet has them.
export const ROLES = [
  { key: 'origin', label: 'Origin (where the call starts)' },
  { key: 'destination', label: 'Destination (the country or area called)', required: true },
  { key: 'prefixes', label: 'Prefixes (the dialled numbers\' first digits)' },
  { key: 'originating_type', label: 'Originating number type' },
  { key: 'number_type', label: 'Terminating number type (wireline, wireless…)', required: true },
  { key: 'per_minute', label: 'Per-minute rate', required: true },
  { key: 'connection', label: 'Connection charge' },
  { key: 'country', label: 'Country code (when the sheet has one)' },
];
const ROLE_WORDS = { destination: 'the destination', number_type: 'the terminating number type', per_minute: 'the per-minute rate' };

// The currencies of Microsoft's rate workbook, for a sheet whose headers name none.
export const CURRENCIES = ['ARS', 'AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'EUR', 'GBP', 'HKD', 'IDR', 'INR', 'JPY', 'KRW',
  'MXN', 'MYR', 'NOK', 'NZD', 'RUB', 'SAR', 'SEK', 'TRY', 'TWD', 'USD', 'ZAR'];

const STORE_PREFIX = 'ccredits.columns:';
// The exact headers, in their order: a sheet with one header more or renamed is another set and is asked again.
const keyOf = (headers) => STORE_PREFIX + JSON.stringify(headers);

// -> the mapping chosen before for exactly these headers, or null (also when storage is off or holds junk).
export function savedMapping(headers) {
  try {
    const value = JSON.parse(localStorage.getItem(keyOf(headers)) ?? 'null');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveMapping(headers, mapping) {
  try {
    localStorage.setItem(keyOf(headers), JSON.stringify(mapping));
  } catch {
    // Storage full or turned off: the choice simply is not remembered.
  }
}

// The required roles a mapping leaves out, in words ("the destination and the per-minute rate"), or ''.
export function missingRoles(mapping) {
  const missing = ROLES.filter((r) => r.required && !mapping[r.key]).map((r) => ROLE_WORDS[r.key]);
  if (missing.length <= 1) return missing.join('');
  return `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
}

// Several mappings in one (a workbook's sheets may each have their own headers): each role lists every header
// chosen for it.
export function mergeMappings(mappings) {
  const out = {};
  for (const m of mappings) {
    for (const [role, header] of Object.entries(m ?? {})) {
      if (role === 'currency') {
        out.currency ??= header;
        continue;
      }
      const list = out[role] ?? [];
      for (const one of [header].flat()) if (typeof one === 'string' && one && !list.includes(one)) list.push(one);
      if (list.length) out[role] = list;
    }
  }
  return out;
}

// Shows the step in `container` and resolves with the mapping ({destination: "Land", ..., currency: "EUR"}) once
// the admin confirms one naming every required role, or null when they cancel.
// {fileName, headers, message (the core's sentence), currency (the default), initial (a mapping to start from)}
export function askMapping(container, { fileName, headers, message, currency, initial = {} }) {
  return new Promise((resolve) => {
    const headingId = uid('columns-heading');
    const selects = new Map();
    const rows = ROLES.map((role) => {
      const id = uid(`columns-${role.key}`);
      const chosen = [initial[role.key]].flat()[0];
      const select = h('select', { id, 'data-role': role.key },
        h('option', { value: '', text: role.required ? 'Choose a column' : 'Not in this sheet' }),
        headers.map((header) => h('option', { value: header, text: header, selected: header === chosen })));
      selects.set(role.key, select);
      return h('div', { class: 'field' }, h('label', { for: id, text: role.required ? `${role.label} (required)` : role.label }), select);
    });
    const currencyId = uid('columns-currency');
    const currencySelect = h('select', { id: currencyId, 'data-role': 'currency' },
      CURRENCIES.map((code) => h('option', { value: code, text: code, selected: code === (initial.currency ?? currency) })));
    const error = h('p', { class: 'error', role: 'alert' });
    const finish = (value) => {
      replace(container);
      container.hidden = true;
      resolve(value);
    };
    const form = h('form', { class: 'column-mapping', 'aria-labelledby': headingId, novalidate: true },
      h('h3', { id: headingId, tabindex: '-1', text: `Which column is which in ${fileName}?` }),
      h('p', { text: message }),
      h('p', { text: `The headers found: ${headers.map((x) => `"${x}"`).join(', ')}. Choose the column for each item; the calculator remembers your choice for files with the same headers.` }),
      h('div', { class: 'row-fields' }, rows,
        h('div', { class: 'field' }, h('label', { for: currencyId, text: 'Currency of the amounts (used when no header names one)' }), currencySelect)),
      error,
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', text: 'Load with these columns' }),
        h('button', { type: 'button', text: 'Cancel', onclick: () => finish(null) })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const mapping = {};
      for (const [role, select] of selects) if (select.value) mapping[role] = select.value;
      const missing = missingRoles(mapping);
      for (const role of ROLES) {
        if (role.required && !mapping[role.key]) selects.get(role.key).setAttribute('aria-invalid', 'true');
        else selects.get(role.key).removeAttribute('aria-invalid');
      }
      if (missing) {
        error.textContent = `Choose which column is ${missing}.`;
        selects.get(ROLES.find((r) => r.required && !mapping[r.key]).key).focus();
        return;
      }
      mapping.currency = currencySelect.value;
      finish(mapping);
    });
    replace(container, form);
    container.hidden = false;
    container.querySelector(`#${headingId}`).focus();
  });
}
