// The headline an admin acts on, and its copy in the phone's result bar: the monthly spend with where its rates
// come from, and what to do about credits (advice.js, the same verdicts the sections show). When the input
// cannot be estimated, both say so and name the field to fix; the figures below stay, marked out of date.
import { h, replace, patchContent, $ } from '../dom.js';
import { money } from '../format.js';
import { purchaseAdvice } from './advice.js';

// A click that takes the person to the field to fix (a link to an input scrolls to it but leaves the focus).
const focusField = (id) => (event) => {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus();
};

function focusLink(problem, text) {
  if (!problem.fieldId) return h('strong', { text });
  return h('a', { href: `#${problem.fieldId}`, text, onclick: focusField(problem.fieldId) });
}

// view: {estimate, source: rateSource(), example: boolean, tenantCountry}
export function showHeadline({ estimate, source, example, tenantCountry }) {
  const advice = purchaseAdvice(estimate, { tenantCountry });
  const whose = example ? ' for the example organization' : '';
  // Calling subscriptions billed after use pay the same amount by invoice, not from credits.
  const spend = advice?.kind === 'billed_after_use' ? 'Monthly spend, invoiced after use' : 'Monthly credit spend';
  // Patched, not replaced: on a keystroke only the amount changes (dom.js).
  patchContent($('summary'),
    h('p', { class: 'headline-figure' }, `${spend}${whose}: `, h('strong', { id: 'headline-total', text: money(estimate.monthly_total) }),
      ` ${source.short}.`),
    advice ? h('p', { id: 'headline-advice', class: `headline-advice ${advice.kind}`, text: advice.text }) : null);
  const note = $('rate-note');
  note.hidden = !source.note;
  patchContent(note, source.note, source.illustrative
    ? [' For real figures, load Microsoft\'s rate sheets under ', h('a', { href: '#h-rates', text: 'Rates' }), '.'] : null);
  markStale(false);
  const bar = $('result-bar');
  const barText = `${money(estimate.monthly_total)} a month ${source.short} · see the results`;
  if (bar.textContent !== barText) bar.textContent = barText;
  bar.setAttribute('href', '#results');
  bar.onclick = null;
  bar.hidden = false;
  return advice;
}

// problem: {count, label, fieldId, message}: the first field to fix, in words, and the sentence about it.
export function showProblem(problem, { hasFigures }) {
  const fix = problem.label ? focusLink(problem, problem.label) : null;
  replace($('summary'),
    h('p', { class: 'headline-figure problem' }, 'No estimate yet: ',
      fix ? ['fix ', fix, problem.count > 1 ? ` and ${problem.count - 1} more field${problem.count > 2 ? 's' : ''}` : '', '.'] : 'see the problem below.'));
  const error = $('estimate-error');
  error.hidden = false;
  replace(error, problem.message);
  $('rate-note').hidden = true;
  markStale(hasFigures);
  const bar = $('result-bar');
  bar.textContent = problem.label ? `No estimate: fix ${problem.label}` : 'No estimate: see the problem';
  bar.setAttribute('href', problem.fieldId ? `#${problem.fieldId}` : '#results');
  bar.onclick = problem.fieldId ? focusField(problem.fieldId) : null;
  bar.hidden = false;
}

// The input changed before the calculator has loaded: it is priced as soon as the calculator is ready (app.js).
export function showPending({ hasFigures }) {
  replace($('summary'), h('p', { class: 'headline-figure pending' }, 'Loading the calculator: your input is priced as soon as it is ready.'));
  $('rate-note').hidden = true;
  markStale(hasFigures);
  const bar = $('result-bar');
  bar.textContent = 'Loading the calculator…';
  bar.setAttribute('href', '#results');
  bar.onclick = null;
  bar.hidden = false;
}

export function clearProblem() {
  const error = $('estimate-error');
  error.hidden = true;
  error.textContent = '';
}

function markStale(stale) {
  $('results').classList.toggle('stale', stale);
  $('stale-note').hidden = !stale;
}
