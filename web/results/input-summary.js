// The input in a few sentences, for the printed page: what the figures above it were computed from.
import { PLANS } from '../state.js';
import { countryName } from '../countries.js';
import { amount } from '../format.js';
import { readNumber } from '../number-input.js';

const nameOf = (list, key) => list.find(([k]) => k === key)?.[1] ?? key;
const ACCOUNT = { mosa: 'MOSA', mca: 'MCA', nce: 'new commerce (NCE)', ea: 'an Enterprise Agreement' };
const CHANNEL = { direct: 'directly from Microsoft', csp: 'through a CSP partner', volume_licensing: 'through Volume Licensing' };
const KINDS = { user_out: 'outbound calls by users', conf_out: 'meeting dial-out', toll_free_in: 'toll-free numbers', toll_in: 'toll dial-in' };

// The printed input list is written on every keystroke, when all but one of the form's numbers are those it read
// the last time: each text's reading is kept.
const readings = new Map(); // text -> plain number, or the text when it is none
function number(v) {
  const text = String(v ?? '');
  let read = readings.get(text);
  if (read === undefined) {
    if (readings.size >= 10000) readings.clear();
    read = readNumber(text).value ?? text;
    readings.set(text, read);
  }
  return read;
}

// model -> [sentence, ...]
export function inputSummary(model) {
  const licences = model.licenses.length
    ? model.licenses.map((l) => `${amount(number(l.users))} in ${countryName(l.country)} on ${nameOf(PLANS, l.plan)}`).join('; ')
    : 'none';
  const c = model.conferencing;
  const minutes = Object.keys(KINDS).filter((k) => model[k].length).map((k) => {
    const total = model[k].reduce((sum, r) => sum + Number(number(r.minutes) || 0), 0);
    return `${KINDS[k]} ${amount(String(total))} minutes (${model[k].length} row${model[k].length === 1 ? '' : 's'})`;
  });
  const b = model.billing;
  return [
    `Calling Plan users: ${licences}.`,
    `Audio Conferencing licences: ${amount(number(c.standard))} standard, ${amount(number(c.us_ca_dial_out))} with dial-out to USA/CAN, ${amount(number(c.pay_per_minute))} pay-per-minute.`,
    `Minutes per month: ${minutes.length ? minutes.join('; ') : 'none'}.`,
    `Billing: subscriptions on ${ACCOUNT[b.calling_account] ?? 'an account not known'}, default account ${ACCOUNT[b.default_account] ?? 'not known'}, bought ${CHANNEL[b.channel] ?? 'through a channel not known'}, tenant in ${b.tenant_country ? countryName(b.tenant_country) : 'a country not known'}.`,
    `Funding: ${model.funding.mode === 'one_time' ? 'a one-time amount' : 'auto-recharge'}, planned for ${model.funding.months} months.`,
  ];
}
