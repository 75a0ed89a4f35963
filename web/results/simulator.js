// "Type a number and a duration": one call priced by the core's single-call rule (simulate binding).
import { h, replace } from '../dom.js';
import { money, rate, amount, isDecimal } from '../format.js';
import { countryName } from '../countries.js';
import { countryField, countryCode, textField, selectField } from '../inputs/fields.js';
import { textOf } from './section.js';
import { peopleNodes } from './people-list.js';

const TYPES = { wireline: 'landline', wireless: 'mobile', all: 'any number type', premium: 'premium' };

function facts(r) {
  const seconds = isDecimal(r.billed_seconds) ? `${amount(r.billed_seconds)} seconds` : '';
  return [
    ['Destination', [textOf(r.destination), r.country ? countryName(textOf(r.country)) : ''].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(', ')],
    ['Matched prefix', textOf(r.matched_prefix) && `+${textOf(r.matched_prefix)}`],
    ['Number type', TYPES[r.number_type] ?? textOf(r.number_type)],
    ['Billed time (6-second steps)', seconds],
    ['Rate per minute', isDecimal(r.rate) ? rate(r.rate) : ''],
    ['Connection charge', isDecimal(r.connection) ? rate(r.connection) : ''],
    ['Cost of this call', isDecimal(r.cost) ? rate(r.cost) : ''],
    ['Paid from', textOf(r.pool)],
  ].filter(([, v]) => v);
}

// Returns {refresh}: price the call again, when the rates change (the call typed stays).
export function mountSimulator(section, calculator) {
  if (!calculator.simulate) { section.hidden = true; return null; }
  const out = h('div', { class: 'sim-result', 'aria-live': 'polite' });
  const form = h('div', { class: 'row-fields' },
    countryField('sim.from', 'Calling from (licence country)', 'US'),
    textField('sim.number', 'Number called', '+33 6 12 34 56 78', { inputmode: 'tel', size: 18, hint: 'International format, like +33 6 12 34 56 78.' }),
    textField('sim.seconds', 'Duration in seconds', '95'),
    selectField('sim.kind', 'Call', [['user_out', 'A user\'s call'], ['conf_out', 'Meeting dial-out']], 'user_out'));
  const value = (key) => form.querySelector(`[data-key="${key}"]`).value.trim();
  const run = () => {
    const number = value('sim.number');
    const seconds = value('sim.seconds');
    const errSlot = (k) => form.querySelector(`#f-sim-${k}-error`);
    errSlot('number').textContent = /^\+?\d{3,15}$/.test(number.replace(/[\s().-]/g, '')) ? '' : 'Type a phone number in international format, like +33 6 12 34 56 78.';
    errSlot('seconds').textContent = /^\d{1,6}$/.test(seconds) ? '' : 'Type the duration as whole seconds, like 95.';
    const from = countryCode(value('sim.from'));
    errSlot('from').textContent = from ? '' : 'Type a country\'s name or its two-letter code, or choose one from the list.';
    if (errSlot('number').textContent || errSlot('seconds').textContent || !from) return replace(out);
    const r = calculator.simulate({ from, number, seconds: Number(seconds), kind: value('sim.kind') });
    if (!r || r.error) return replace(out, h('p', { class: 'error' }, peopleNodes(textOf(r?.error?.message) || 'This call cannot be priced.')));
    replace(out,
      h('dl', { class: 'facts', id: 'sim-facts' }, facts(r).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
      textOf(r.explanation) ? h('p', { class: 'hint' }, peopleNodes(textOf(r.explanation))) : null);
  };
  form.addEventListener('input', run);
  section.append(form, out);
  run();
  return { refresh: run };
}
