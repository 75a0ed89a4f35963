// Toll-fraud and anomaly flags of an imported report (core/CONTRACT.md "Usage flags"): each says why in the core's
// words, the figure and the threshold it crossed, the first calls behind it, what to do and Microsoft's pages for
// it; a report with none says that nothing unusual was found.
import { h } from '../dom.js';
import { amount, minutes, moneyIn } from '../format.js';
import { countryName } from '../countries.js';
import { table } from '../results/section.js';
import { count } from './common.js';

const KINDS = {
  off_hours_burst: 'Calls outside business hours',
  premium_destination: 'Premium-rate, satellite or high-cost numbers',
  user_spend: 'Spend far above the other users',
  new_destination_country: 'A country the tenant had not called',
  long_call: 'Very long calls',
  short_calls_to_one_number: 'Many short calls to one number',
  day_spend: 'A day far above the usual day',
};
// For these the core lists the costliest calls; for the others the earliest.
const COSTLIEST = new Set(['user_spend', 'day_spend']);

const text = (v) => (typeof v === 'string' ? v : '');

// The core names a new country by its ISO code ("Calls to GB start on …"): the person reads its name.
function words(flag) {
  const why = text(flag.why);
  if (flag.kind !== 'new_destination_country') return { why, figure: text(flag.figure), advice: text(flag.advice) };
  const code = /^Calls to ([A-Z]{2}) /.exec(why)?.[1];
  const named = (t) => (code ? t.replace(new RegExp(`\\b${code}\\b`, 'g'), countryName(code)) : t);
  return { why: named(why), figure: named(text(flag.figure)), advice: named(text(flag.advice)) };
}

function flagView(flag, index, money) {
  const { why, figure, advice } = words(flag);
  const title = KINDS[flag.kind] ?? 'Unusual calls';
  const id = `usage-flag-${index + 1}`;
  const calls = Array.isArray(flag.calls) ? flag.calls : [];
  const total = Number.isInteger(flag.calls_total) ? flag.calls_total : calls.length;
  const which = COSTLIEST.has(flag.kind) ? 'costliest' : 'first';
  // An off-hours burst lists calls from the one that reached the threshold on (core/CONTRACT.md "Usage flags").
  const caption = total <= calls.length ? `The ${count(calls.length, 'call')} behind it`
    : flag.kind === 'off_hours_burst' ? `From the call that reached the threshold: ${calls.length} of the ${count(total, 'call')} behind it`
      : `The ${which} ${calls.length} of the ${count(total, 'call')} behind it`;
  const see = (Array.isArray(flag.see) ? flag.see : []).filter((l) => typeof l?.url === 'string' && /^https:\/\//.test(l.url));
  return h('article', { class: 'flag', 'data-kind': text(flag.kind), 'aria-labelledby': id },
    h('h4', { id, text: typeof flag.account === 'string' && flag.account ? `${title}: ${flag.account}` : title }),
    h('p', { class: 'flag-why', text: why }),
    h('dl', { class: 'flag-figures' },
      h('dt', { text: 'Found' }), h('dd', { class: 'flag-figure', text: figure }),
      h('dt', { text: 'Threshold' }), h('dd', { class: 'flag-threshold', text: text(flag.threshold) })),
    calls.length ? table(caption, ['Time', 'User', 'Number', 'Minutes', 'Charge'],
      calls.map((c) => [text(c.time), text(c.user) || 'not given', text(c.number) || 'not given', minutes(c.minutes), money(c.charge)]),
      { numeric: [3, 4], whole: [2] }) : null,
    h('p', { class: 'flag-advice' }, h('strong', { text: 'What to do: ' }), advice),
    see.length ? h('ul', { class: 'flag-links', 'aria-label': `Microsoft's pages for ${title.toLowerCase()}` },
      see.map((l) => h('li', {}, h('a', { href: l.url, rel: 'noopener noreferrer', text: text(l.title) || l.url })))) : null);
}

export function flagsPart(flags, currency) {
  const list = Array.isArray(flags) ? flags : [];
  const part = h('section', { class: 'insight', id: 'usage-flags', 'aria-labelledby': 'usage-flags-title' },
    h('h3', { id: 'usage-flags-title', text: 'Toll-fraud and anomaly flags' }));
  if (!list.length) {
    part.append(h('p', { id: 'usage-no-flags', text: 'Nothing unusual: no call pattern in the report crossed a flag\'s threshold ' +
      '(night or weekend bursts, premium or satellite numbers, spend far above the other users or the usual day, ' +
      'new countries, very long calls, many short calls to one number).' }));
    return part;
  }
  part.append(h('p', { role: 'note', class: 'notice', text: `${count(list.length, 'flag')} raised: check each account below.` }));
  const money = moneyIn(currency);
  list.forEach((f, i) => part.append(flagView(f, i, money)));
  return part;
}
