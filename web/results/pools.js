// Pool use: included minutes against used minutes, as bars with the figures in words.
import { h } from '../dom.js';
import { amount, fraction, percent, humanize, isDecimal } from '../format.js';
import { countryName } from '../countries.js';
import { fill, textOf } from './section.js';
import { sourceEl } from './verdicts.js';

// The values the estimate used where Microsoft's pages disagree (the estimate's `settings`), in words.
const SETTING_TITLES = {
  uk_domestic_minutes: 'UK Domestic minutes per user',
  spend_includes_connection_fee: 'Spend includes the connection fee',
  billing_increment_seconds: 'Billing increment in seconds',
  dial_out_pool_basis: 'Dial-out pool counts licences',
  minimum_purchase: "Minimum purchase, in the rate card's currency",
};
const settingValue = (v) => (v === true ? 'yes' : v === false ? 'no' : textOf(v));

function settingsList(settings) {
  if (!settings || typeof settings !== 'object') return null;
  const items = Object.entries(settings).filter(([key, s]) => SETTING_TITLES[key] && s && settingValue(s.value));
  if (!items.length) return null;
  return h('details', { class: 'settings', id: 'settings-used' },
    h('summary', { text: "Where Microsoft's pages disagree: the values used" }),
    h('ul', {}, items.map(([key, s]) => h('li', {},
      h('strong', { text: `${SETTING_TITLES[key]}: ${settingValue(s.value)}` }),
      settingValue(s.default) && settingValue(s.default) !== settingValue(s.value) ? ` (default ${settingValue(s.default)})` : '',
      textOf(s.conflict) ? h('p', { text: textOf(s.conflict) }) : null,
      sourceEl(s.source) ? h('p', { class: 'source' }, 'Source: ', sourceEl(s.source)) : null))));
}

// The plans as the core's sentences name them ("Domestic and International", not the key's words).
const PLAN_TITLES = { domestic: 'Domestic', domestic_120: 'Domestic 120', domestic_240: 'Domestic 240',
  domestic_international: 'Domestic and International', payg: 'Pay-As-You-Go' };

export function poolTitle(p) {
  const kind = p.kind === 'calling_plan' ? 'Calling Plan' : p.kind === 'conference_dial_out' ? 'Meeting dial-out' : humanize(textOf(p.kind) || 'pool');
  const plan = p.plan ? PLAN_TITLES[textOf(p.plan)] ?? humanize(textOf(p.plan)) : '';
  const where = [p.country ? countryName(textOf(p.country)) : '', plan, p.zone ? `Zone ${textOf(p.zone)}` : '']
    .filter(Boolean).join(', ');
  return where ? `${kind}: ${where}` : kind;
}

export function renderPools(section, e) {
  const pools = (Array.isArray(e.pools) ? e.pools : []).filter((p) => p && isDecimal(p.included_minutes) && isDecimal(p.used_minutes));
  fill(section, pools.length ? [h('ul', { class: 'pools' }, pools.map((p) => {
    const share = fraction(p.used_minutes, p.included_minutes);
    const over = isDecimal(p.overage_minutes) && Number(p.overage_minutes) > 0;
    const bar = h('span', { class: over ? 'bar-fill over' : 'bar-fill' });
    bar.style.width = `${(share * 100).toFixed(1)}%`;
    return h('li', {},
      h('span', { class: 'pool-title', text: poolTitle(p) }),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, bar),
      h('span', { class: 'pool-figures' },
        `${amount(p.used_minutes)} of ${amount(p.included_minutes)} included minutes used (${Number(p.included_minutes) > 0 ? percent(Number(p.used_minutes) / Number(p.included_minutes)) : 'no pool'})`,
        over ? `; ${amount(p.overage_minutes)} minutes over, billed from credits` : ''));
  })), settingsList(e.settings)] : null);
}
