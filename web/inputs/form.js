// The whole input form, drawn from the model. Typing edits the model through data-key; adding or removing a row
// redraws the form and puts the focus where the person expects it.
import { h, replace } from '../dom.js';
import { textField, selectField, countryField, countryCode, countryText, errorIdOf, fieldIdOf } from './fields.js';
import { rowSection } from './rows.js';
import { PLANS, NUMBER_TYPES, SERVICES, ACCOUNTS, CHANNELS, FUNDING, ROW_SECTIONS, PRICED_PLANS, CONFERENCING_LICENCES, hasLicencePrices } from '../state.js';
import { PAGES } from '../links.js';

function setByKey(model, key, value) {
  const parts = key.split('.');
  let target = model;
  for (const p of parts.slice(0, -1)) target = target[p];
  target[parts.at(-1)] = value;
}

function link(href, text) {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', text });
}

function sections(model, redraw) {
  const sec = (kind, spec) => rowSection(model, { kind, blank: ROW_SECTIONS[kind].blank, ...spec }, redraw);
  return [
    h('h2', { text: 'Your organization' }),
    sec('licenses', {
      title: 'Calling Plan licences', rowName: 'Licence group',
      intro: 'Users per licence country (their usage location) and plan. Users on identical plans in one country share one pool of minutes.',
      empty: 'No Calling Plan licences.',
      fields: (r, i) => [
        countryField(`licenses.${i}.country`, 'Country', r.country),
        selectField(`licenses.${i}.plan`, 'Plan', PLANS, r.plan),
        textField(`licenses.${i}.users`, 'Users', r.users),
      ],
    }),
    h('section', { class: 'input-section', 'aria-labelledby': 'h-conf' },
      h('h3', { id: 'h-conf', text: 'Audio Conferencing licences' }),
      h('div', { class: 'row-fields' },
        textField('conferencing.standard', 'Standard (60 dial-out minutes each, pooled)', model.conferencing.standard),
        textField('conferencing.us_ca_dial_out', 'Dial-out to USA/CAN (assigned)', model.conferencing.us_ca_dial_out),
        textField('conferencing.pay_per_minute', 'Pay-per-minute', model.conferencing.pay_per_minute))),
    h('h2', { text: 'Minutes per month' }),
    sec('user_out', {
      title: 'Outbound calls by users', rowName: 'Outbound destination',
      intro: 'From the users\' licence country to a destination country. Calls (optional) counts connection charges.',
      empty: 'No outbound calls.',
      fields: (r, i) => [
        countryField(`user_out.${i}.from`, 'From (licence country)', r.from),
        countryField(`user_out.${i}.to`, 'To', r.to),
        selectField(`user_out.${i}.number_type`, 'Number type', NUMBER_TYPES, r.number_type),
        textField(`user_out.${i}.minutes`, 'Minutes', r.minutes, { inputmode: 'decimal' }),
        textField(`user_out.${i}.calls`, 'Calls (optional)', r.calls),
      ],
    }),
    sec('conf_out', {
      title: 'Meeting dial-out', rowName: 'Dial-out destination',
      intro: 'Minutes that meetings dial out (including "Call me"), by the called country and number type.',
      empty: 'No meeting dial-out.',
      fields: (r, i) => [
        countryField(`conf_out.${i}.to`, 'To', r.to),
        selectField(`conf_out.${i}.number_type`, 'Number type', NUMBER_TYPES, r.number_type ?? 'wireline', { hint: 'Landline unless you choose another.' }),
        textField(`conf_out.${i}.minutes`, 'Minutes', r.minutes, { inputmode: 'decimal' }),
      ],
    }),
    sec('toll_free_in', {
      title: 'Toll-free numbers', rowName: 'Toll-free number',
      intro: 'Inbound minutes on your toll-free numbers, by the number\'s country and the service it rings.',
      empty: 'No toll-free numbers.',
      fields: (r, i) => [
        countryField(`toll_free_in.${i}.country`, 'Number country', r.country),
        selectField(`toll_free_in.${i}.service`, 'Service', SERVICES, r.service),
        textField(`toll_free_in.${i}.minutes`, 'Minutes', r.minutes, { inputmode: 'decimal' }),
      ],
    }),
    sec('toll_in', {
      title: 'Dial-in to toll numbers (pay-per-minute conferencing)', rowName: 'Toll dial-in country',
      intro: 'Only billed for pay-per-minute Audio Conferencing licences.',
      empty: 'No toll dial-in minutes.',
      fields: (r, i) => [
        countryField(`toll_in.${i}.country`, 'Number country', r.country),
        textField(`toll_in.${i}.minutes`, 'Minutes', r.minutes, { inputmode: 'decimal' }),
      ],
    }),
    h('h2', { text: 'Billing' }),
    h('section', { class: 'input-section', 'aria-labelledby': 'h-billing' },
      h('h3', { id: 'h-billing', text: 'Who can buy credits' }),
      h('p', { class: 'hint' },
        'Find these in the Microsoft 365 admin center under Billing > Billing accounts (the agreement type) and ',
        'Billing > Your products (which account each subscription uses). ',
        link(PAGES.setup, 'Microsoft: set up Communications Credits'), '.'),
      h('div', { class: 'row-fields' },
        selectField('billing.calling_account', 'Account of the Calling and Conferencing subscriptions', ACCOUNTS, model.billing.calling_account),
        selectField('billing.default_account', 'Default billing account', ACCOUNTS, model.billing.default_account),
        selectField('billing.channel', 'Bought', CHANNELS, model.billing.channel),
        countryField('billing.organization_country', 'Organization country', model.billing.organization_country, { allowUnknown: true }),
        countryField('billing.ea_billing_country', 'Enterprise Agreement billing country', model.billing.ea_billing_country, { allowUnknown: true, hint: 'Only with an Enterprise Agreement.' }),
        countryField('billing.tenant_country', 'Tenant country', model.billing.tenant_country, { allowUnknown: true, hint: 'Admin center > Settings > Org settings > Organization profile.' }))),
    h('section', { class: 'input-section', 'aria-labelledby': 'h-funding' },
      h('h3', { id: 'h-funding', text: 'Funding' }),
      h('div', { class: 'row-fields' },
        selectField('funding.mode', 'How you want to fund credits', FUNDING, model.funding.mode),
        textField('funding.months', 'Months to plan for', model.funding.months, { hint: 'Credits expire 12 months after purchase.' }))),
    h('section', { class: 'input-section', 'aria-labelledby': 'h-what-if-input' },
      h('h3', { id: 'h-what-if-input', text: 'Compare another plan mix' }),
      h('p', { class: 'hint', text: 'The results\' "What if" prices the same minutes with these users moved to another plan. Leave "Automatic" to compare Domestic plans with Pay-As-You-Go.' }),
      h('div', { class: 'row-fields' },
        selectField('what_if.from', 'Users on', [['', 'Automatic'], ...PLANS], model.what_if?.from ?? ''),
        selectField('what_if.to', 'move to', [['', 'Automatic'], ...PLANS], model.what_if?.to ?? ''))),
    h('details', { class: 'input-section licence-prices', open: hasLicencePrices(model) },
      h('summary', {}, h('h3', { id: 'h-licence-prices', text: 'Your licence prices (optional)' })),
      h('p', { class: 'hint', text: 'What you pay per user or licence per month, in the estimate\'s currency: your prices, not Microsoft\'s. '
        + 'With them, "What if" compares licences plus credits; without them it compares credits only.' }),
      h('div', { class: 'row-fields' },
        PRICED_PLANS.map(([key, title]) => textField(`licence_prices.calling_plans.${key}`, title, model.licence_prices.calling_plans[key], { inputmode: 'decimal' })),
        CONFERENCING_LICENCES.map(([key, title]) => textField(`licence_prices.conferencing.${key}`, title, model.licence_prices.conferencing[key], { inputmode: 'decimal' })))),
  ];
}

// Draws the form into root; onChange() after every edit. Returns {redraw, describe, showErrors}.
export function mountForm(root, getModel, onChange) {
  const redraw = (kind, what) => {
    draw();
    if (kind) {
      const rows = root.querySelectorAll(`#h-${kind} ~ .rows fieldset`);
      const target = what === 'added' && rows.length ? rows[rows.length - 1].querySelector('select, input') : root.querySelector(`#add-${kind}`);
      target?.focus();
    }
    onChange();
  };
  const draw = () => replace(root, sections(getModel(), redraw));
  root.addEventListener('input', (e) => {
    const key = e.target.dataset?.key;
    if (!key) return;
    // A country field's model value is the code its text names, or the text itself (toScenario says it is unknown).
    const value = e.target.dataset.country ? (countryCode(e.target.value) ?? e.target.value.trim()) : e.target.value;
    setByKey(getModel(), key, value);
    onChange();
  });
  // Once a country field is left, it shows the country it names as the list does: "Germany (DE)" for "de".
  root.addEventListener('change', (e) => {
    if (!e.target.dataset?.country) return;
    const code = countryCode(e.target.value);
    if (code) e.target.value = countryText(code);
  });
  draw();
  let marked = [];  // the error slots and fields showErrors filled last
  // A model key ("user_out.2.minutes", or a whole row "user_out.2") -> the field it names, if drawn.
  const fieldKey = (key) => (document.getElementById(fieldIdOf(key)) ? key : root.querySelector(`[data-key^="${CSS.escape(key)}."]`)?.dataset.key);
  return {
    redraw: () => { draw(); onChange(); },
    // key -> {label: the field in words ("Minutes, row 3 of Outbound calls by users"), fieldId} or null.
    describe(key) {
      const target = fieldKey(key);
      const field = target && document.getElementById(fieldIdOf(target));
      if (!field) return null;
      const label = field.labels?.[0]?.textContent ?? '';
      const section = field.closest('.input-section')?.querySelector('h3')?.textContent ?? '';
      const row = field.closest('fieldset.row');
      const index = row ? [...row.parentElement.querySelectorAll(':scope > fieldset.row')].indexOf(row) : -1;
      const wholeRow = target !== key; // "user_out.2": the row, not one of its fields
      const words = row ? `${wholeRow ? 'row' : `${label}, row`} ${index + 1} of ${section}` : section ? `${label} (${section})` : label;
      return { label: words, fieldId: field.id };
    },
    // errors: [{key, message}] — a key may name a field or a whole row ("user_out.2").
    showErrors(errors) {
      // Clears only what the last call marked: a 200-row form holds ~90,000 nodes (every country list), and
      // searching them all for [aria-invalid] on each keystroke took longer than the estimate (page-update.mjs).
      for (const el of marked) {
        if (el.classList.contains('field-error')) {
          el.textContent = '';
          el.classList.remove('warning');
        } else el.removeAttribute('aria-invalid');
      }
      marked = [];
      // warning: a value that is read but looks wrong (more minutes than the users' month holds): said, not refused.
      for (const { key, message, warning } of errors) {
        const target = fieldKey(key);
        if (!target) continue;
        const slot = document.getElementById(errorIdOf(target));
        if (slot) {
          slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
          slot.classList.toggle('warning', Boolean(warning) && (slot.classList.contains('warning') || !marked.includes(slot)));
          marked.push(slot);
        }
        const field = document.getElementById(fieldIdOf(target));
        if (field && !warning) {
          field.setAttribute('aria-invalid', 'true');
          marked.push(field);
        }
      }
    },
  };
}
