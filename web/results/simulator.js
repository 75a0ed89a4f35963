// "Type a number and a duration": one call priced by the core's single-call rule (simulate binding).
import { h, replace } from '../dom.js';
import { money, rate, amount, humanize, isDecimal } from '../format.js';
import { countryField, textField, selectField } from '../inputs/fields.js';
import { textOf } from './section.js';

export function mountSimulator(section, calculator) {
  if (!calculator.simulate) { section.hidden = true; return; }
  const out = h('div', { class: 'sim-result', 'aria-live': 'polite' });
  const form = h('div', { class: 'row-fields' },
    countryField('sim.from', 'Calling from (licence country)', 'US'),
    textField('sim.number', 'Number called', '+33612345678', { inputmode: 'tel', size: 16, hint: 'International format, like +33 6 12 34 56 78.' }),
    textField('sim.seconds', 'Duration in seconds', '95'),
    selectField('sim.kind', 'Call', [['user_out', 'A user\'s call'], ['conf_out', 'Meeting dial-out']], 'user_out'));
  const value = (key) => form.querySelector(`[data-key="${key}"]`).value.trim();
  const run = () => {
    const number = value('sim.number').replace(/[\s().-]/g, '');
    const seconds = value('sim.seconds');
    const errSlot = (k) => form.querySelector(`#f-sim-${k}-error`);
    errSlot('number').textContent = /^\+?\d{3,15}$/.test(number) ? '' : 'Type a phone number in international format, like +33612345678.';
    errSlot('seconds').textContent = /^\d{1,6}$/.test(seconds) ? '' : 'Type the duration as whole seconds, like 95.';
    if (errSlot('number').textContent || errSlot('seconds').textContent) return replace(out);
    const r = calculator.simulate({ from: value('sim.from'), number: number.replace(/^\+/, ''), seconds: Number(seconds), kind: value('sim.kind') });
    if (!r || r.error) return replace(out, h('p', { class: 'error', text: textOf(r?.error?.message) || 'This call cannot be priced.' }));
    const rows = Object.entries(r).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(([k, v]) => {
      const shown = typeof v === 'boolean' ? (v ? 'yes' : 'no')
        : ['rate', 'connection'].includes(k) && isDecimal(v) ? rate(v)
          : ['cost', 'amount'].includes(k) && isDecimal(v) ? money(v)
          : isDecimal(v) ? amount(v) : String(v);
      return [h('dt', { text: humanize(k) }), h('dd', { text: shown })];
    });
    replace(out, h('dl', { class: 'facts', id: 'sim-facts' }, rows));
  };
  form.addEventListener('input', run);
  section.append(form, out);
  run();
}
