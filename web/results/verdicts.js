// The two verdicts: does the organization need credits, and can it buy them — with reasons, next steps, sources.
import { h } from '../dom.js';
import { sourceLinks } from '../links.js';
import { fill, textOf } from './section.js';
import { peopleList, peopleNodes } from './people-list.js';

// The Microsoft pages a rule cites, as links; the source text itself when it cites none.
export function sourceEl(source) {
  const links = sourceLinks(source);
  if (links.length) {
    return h('span', {}, links.flatMap((l, i) => [i ? ', ' : null,
      h('a', { href: l.href, target: '_blank', rel: 'noopener noreferrer', text: l.label })]).filter(Boolean));
  }
  return textOf(source) ? h('span', { text: textOf(source) }) : null;
}

export function renderNeeds(section, e) {
  if (typeof e.needs_credits !== 'boolean') return fill(section, null);
  fill(section, [
    h('p', { class: `verdict ${e.needs_credits ? 'yes' : 'no'}`, id: 'needs-verdict', text: e.needs_credits ? 'Yes: this organization needs Communication Credits.' : 'No: this organization does not need Communication Credits.' }),
    peopleList(e.needs_credits_reasons),
  ]);
}

const CAN = { yes: 'Yes: you can buy credits in the Microsoft 365 admin center.', no: 'No: you cannot buy credits in the admin center yourself.', unclear: 'Unclear: check the points below.' };

export function renderEligibility(section, e) {
  const el = e.eligibility;
  if (!el || typeof el !== 'object' || !CAN[el.can_purchase]) return fill(section, null);
  const messages = (list) => (Array.isArray(list) ? list : []).filter((r) => r && textOf(r.message));
  const reasonList = (rs, id) => (rs.length ? h('ul', { class: 'reasons', id }, rs.map((r) => h('li', {},
    h('span', {}, peopleNodes(textOf(r.message))),
    textOf(r.answer) ? h('span', { class: 'answer', text: ` (your answer: ${textOf(r.answer)})` }) : null,
    textOf(r.next_step) ? h('p', { class: 'next-step' }, h('strong', { text: 'Next step: ' }), peopleNodes(textOf(r.next_step))) : null,
    sourceEl(r.source) ? h('p', { class: 'source' }, 'Source: ', sourceEl(r.source)) : null))) : null);
  // Whether the plans entered can be bought at all (the Mexico Pay-As-You-Go plan and US customers): apart from credits.
  const plans = messages(el.plan_availability);
  fill(section, [
    h('p', { class: `verdict ${el.can_purchase}`, id: 'eligibility-verdict', text: CAN[el.can_purchase] }),
    reasonList(messages(el.reasons)),
    Array.isArray(el.actions) && el.actions.length ? h('div', {}, h('h3', { text: 'What to do' }), peopleList(el.actions)) : null,
    plans.length ? h('h3', { text: 'Can you buy the Calling Plans you entered?' }) : null,
    reasonList(plans, 'plan-availability'),
  ]);
}
