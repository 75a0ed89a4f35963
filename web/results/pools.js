// Pool use: included minutes against used minutes, as bars with the figures in words.
import { h } from '../dom.js';
import { amount, fraction, percent, humanize, isDecimal } from '../format.js';
import { countryName } from '../countries.js';
import { fill, textOf } from './section.js';

export function poolTitle(p) {
  const kind = p.kind === 'calling_plan' ? 'Calling Plan' : p.kind === 'conference_dial_out' ? 'Meeting dial-out' : humanize(textOf(p.kind) || 'pool');
  const where = [p.country ? countryName(textOf(p.country)) : '', p.plan ? humanize(textOf(p.plan)) : '', p.zone ? `Zone ${textOf(p.zone)}` : '']
    .filter(Boolean).join(', ');
  return where ? `${kind}: ${where}` : kind;
}

export function renderPools(section, e) {
  const pools = (Array.isArray(e.pools) ? e.pools : []).filter((p) => p && isDecimal(p.included_minutes) && isDecimal(p.used_minutes));
  fill(section, pools.length ? h('ul', { class: 'pools' }, pools.map((p) => {
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
  })) : null);
}
