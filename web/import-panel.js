// A minimal, self-contained panel for importing the Teams PSTN usage report: a file input and a drop zone, a
// progress bar (bytes and rows), a cancel button, then the actual figures next to the projection from the same
// usage. Built with DOM nodes and textContent only. The page may restyle or replace it; it announces each
// imported report with a `usage-imported` event on document (detail: the core/CONTRACT.md usage object).
import { importUsageReport } from './usage-import.js';
import { amount, megabytes, minutes, moneyIn } from './format.js';

// The report's use cases (core/CONTRACT.md usage object) in words.
const USE_CASES = {
  user_out: 'Outbound calls by users', conf_out: 'Meeting dial-out', toll_free_in: 'Toll-free inbound',
  toll_in: 'Dial-in to toll numbers', inbound: 'Inbound calls (not billed)', emergency: 'Emergency calls (not billed)',
  direct_routing: 'Direct Routing (not billed by Microsoft)',
};

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function resultView(report, projection) {
  const view = el('div', { className: 'usage-result' });
  const period = report.period
    ? `${report.period.from} to ${report.period.to} (${report.period.days} days)` : 'no usable rows';
  view.append(el('p', { id: 'usage-summary' },
    `${amount(report.rows_used)} of ${amount(report.rows)} calls used, ${period}.`));
  // What the core says about the report as a whole (a Direct Routing export, calls that did not connect): without it
  // "0 of 1 calls used" would not say why.
  if (report.notices.length > 0) {
    view.append(el('ul', { id: 'usage-notices' }, ...report.notices.map((n) => el('li', {}, n))));
  }
  if (report.skipped_count > 0) {
    const first = report.skipped[0];
    view.append(el('p', { id: 'usage-skipped' },
      `${amount(report.skipped_count)} rows skipped, e.g. line ${first.line}: ${first.reason}.`));
  }
  if (typeof report.per_day_note === 'string') view.append(el('p', { id: 'usage-per-day-note' }, report.per_day_note));
  const table = el('table', { id: 'usage-actual' });
  table.append(el('caption', {}, 'Actual spend in the report (Charge + Connection Fee)'));
  // Amounts in the report's own currency, written as the results write theirs ("$59,197.12").
  for (const [currency, a] of Object.entries(report.actual)) {
    const inCurrency = moneyIn(currency);
    table.append(el('tr', {}, el('th', { scope: 'row' }, currency),
      el('td', {}, `${inCurrency(a.total)} in the period, ${inCurrency(a.per_month)} per average month`)));
  }
  if (Object.keys(report.actual).length === 0) table.append(el('tr', {}, el('td', {}, 'No charges.')));
  view.append(table);
  const byUseCase = el('table', { id: 'usage-minutes' });
  byUseCase.append(el('caption', {}, 'Minutes per use case'));
  for (const [useCase, m] of Object.entries(report.minutes)) {
    if (report.calls[useCase] === 0) continue;
    byUseCase.append(el('tr', {}, el('th', { scope: 'row' }, USE_CASES[useCase] ?? useCase.replaceAll('_', ' ')),
      el('td', {}, `${minutes(m)} min, ${amount(report.calls[useCase])} calls`)));
  }
  view.append(byUseCase);
  if (report.rerated) {
    view.append(el('p', { id: 'usage-rerated' },
      `The same calls at the rate card (${report.rerated.illustrative ? 'illustrative rates' : 'rates of ' + report.rerated.effective}), ` +
      `every call before included minutes: ${moneyIn(report.rerated.currency)(report.rerated.total)}.`));
  }
  if (projection) {
    view.append(el('p', { id: 'usage-projected' }, projection.error
      ? `No projection from this usage: ${projection.error.message}`
      : projection.report
        ? `The results above start from this report's charges, ${moneyIn(projection.report.currency)(projection.report.charges_monthly_total)} ` +
          'per month. Changes you type on top are priced at the rates learned from its charged calls, then at the rate card.'
        : `Projected credit spend with your licences and this usage: ${moneyIn(projection.currency)(projection.monthly_total)} ` +
          'per month (included minutes first, then the rate card).'));
  }
  return view;
}

// Chargeback, flags and trend (insights/section.js), fetched on the first import only: a first visit does not
// download them.
async function showInsights(view, report) {
  try {
    const { insightsSection } = await import('./insights/section.js');
    view.append(insightsSection(report));
  } catch {
    view.append(el('p', { id: 'usage-insights-error' },
      'The chargeback, flags and trend of this report could not be shown: reload the page and import it again.'));
  }
}

// Users in countries without a licence group: a notice each, with the one click that adds the group.
// fromCharges: the results start from the report's charges, which stand for the calls it holds; the missing group
// changes how minutes typed on top are priced.
function licenceNotices(gaps, { addLicence, countryName, fromCharges }) {
  if (!gaps.length) return null;
  const list = el('ul', { id: 'usage-licence-gaps' });
  for (const gap of gaps) {
    const name = countryName ? countryName(gap.country) : gap.country;
    const button = el('button', { type: 'button', className: 'add-licence-group' }, `Add a licence group for ${name}`);
    const item = el('li', {},
      `${amount(gap.users)} ${gap.users === 1 ? 'user' : 'users'} in ${name} placed calls in the report, but your input has no ` +
      `licence group for ${name}: ${fromCharges ? 'minutes you add for them are priced as Pay-As-You-Go (the report\'s ' +
        'charges stand for the calls it holds)' : 'their calls are priced as Pay-As-You-Go'}. `, button);
    button.addEventListener('click', () => {
      addLicence(gap);
      item.replaceChildren(`Added a licence group for ${name}: ${amount(gap.users)} ${gap.users === 1 ? 'user' : 'users'} on ` +
        'the Domestic Calling Plan. Change the plan or the number in Licences if it differs.');
    });
    list.append(item);
  }
  return el('div', { className: 'notice', id: 'usage-licence-notice', role: 'note' },
    el('p', {}, 'Licences missing for some of the report\'s users:'), list);
}

// rates(): the rate card to re-rate with, {text, file} (JSON) or null. project(report): the estimate to compare
// with (the page fills its scenario from the report); without it, the report's usage alone is estimated.
// licenceGaps(report) -> [{country, users}] without a licence group, addLicence(gap) adds one; undo() puts back the
// input as it was before the import; whileImporting() is called once the worker has the file (each optional).
export function setupUsageImport({ calculator, ratesText, ratesFile, rates, project, container, licenceGaps, addLicence,
  undo, whileImporting, countryName } = {}) {
  const input = el('input', { type: 'file', id: 'usage-file', accept: '.zip,.csv,.json' });
  const drop = el('div', { id: 'usage-drop', className: 'drop-zone' },
    el('label', { htmlFor: 'usage-file' }, 'Drop the exported .zip or .csv here, or choose it: '), input);
  const bar = el('progress', { id: 'usage-progress', max: 1, value: 0, hidden: true });
  const status = el('p', { id: 'usage-status', role: 'status' });
  const cancel = el('button', { type: 'button', id: 'usage-cancel', hidden: true }, 'Cancel import');
  const result = el('div', { id: 'usage-result', ariaLive: 'polite' });
  const section = el('section', { id: 'usage-import' },
    el('h2', {}, 'Your real usage'),
    el('p', {}, 'Teams admin center > Analytics & reports > Usage reports > PSTN and SMS usage > Export. ' +
      'The file is read in this browser only.'),
    drop, bar, cancel, status, result);
  (container ?? document.querySelector('main') ?? document.body).append(section);

  let controller = null;
  const start = async (file) => {
    if (!file) return;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    result.replaceChildren();
    bar.hidden = false;
    bar.value = 0;
    cancel.hidden = false;
    status.textContent = `Reading ${file.name}…`;
    try {
      const card = rates ? rates() : { text: ratesText, file: ratesFile };
      const importing = importUsageReport(file, {
        signal, ratesText: card?.text, ratesFile: card?.file,
        onProgress: ({ bytes, totalBytes, rows }) => {
          bar.value = totalBytes > 0 ? bytes / totalBytes : 0;
          status.textContent = `${megabytes(bytes)} of ${megabytes(totalBytes)} MB, ${amount(rows)} rows`;
        },
      });
      whileImporting?.();
      const report = await importing;
      bar.value = 1;
      let projection = null;
      // A report without a call Microsoft bills (a Direct Routing export, only inbound or failed calls) says nothing
      // about credits: the input typed stays, instead of being emptied into "no credits needed".
      const billedCalls = report.scenario_usage.length > 0;
      if (project && billedCalls) projection = project(report);
      else if (calculator && billedCalls) {
        projection = calculator.estimate({ schema: 'ccredits.scenario/1', usage: report.scenario_usage });
      }
      const view = resultView(report, projection);
      if (!billedCalls) {
        view.append(el('p', { id: 'usage-projected' }, 'This report holds no calls that Microsoft bills (Calling Plans, ' +
          'Pay-As-You-Go, meeting dial-out, toll-free or toll dial-in), so it says nothing about credits: your input ' +
          'stays as it was.'));
      }
      const gaps = licenceGaps && addLicence ? licenceGaps(report) : [];
      const notices = licenceNotices(gaps, { addLicence, countryName, fromCharges: Boolean(projection?.report) });
      if (notices) view.prepend(notices);
      if (undo && billedCalls) {
        const undoButton = el('button', { type: 'button', id: 'usage-undo' }, 'Undo the import');
        undoButton.addEventListener('click', () => {
          undo();
          result.replaceChildren();
          status.textContent = `Import of ${file.name} undone: your typed input is back.`;
          input.value = '';
        });
        view.prepend(el('p', {}, undoButton, ' puts back the input you had typed before it.'));
      }
      // The status says "Imported" once the whole result, insights included, is on the page.
      await showInsights(view, report);
      if (controller.signal !== signal) return;  // replaced by a newer file meanwhile
      result.replaceChildren(view);
      status.textContent = `Imported ${file.name}.`;
      document.dispatchEvent(new CustomEvent('usage-imported', { detail: report }));
    } catch (e) {
      if (controller.signal !== signal && e.name === 'AbortError') return;  // replaced by a newer file
      bar.hidden = true;
      status.textContent = e.name === 'AbortError' ? 'Import cancelled.'
        : `This file could not be imported: ${e.message}${e.line ? ` (line ${e.line})` : ''}`;
    } finally {
      if (controller.signal === signal) cancel.hidden = true;
    }
  };
  input.addEventListener('change', () => start(input.files[0]));
  cancel.addEventListener('click', () => controller?.abort());
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    start(e.dataTransfer.files[0]);
  });
  return section;
}
