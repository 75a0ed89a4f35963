// The page's start and its one loop: input -> scenario -> wasm core -> results. The page computes nothing itself.
import { loadCalculator } from './ccredits-client.js';
import { $ } from './dom.js';
import { loadCountries } from './countries.js';
import { defaultModel, toScenario, fromScenario, withImportedUsage } from './state.js';
import { setupUsageImport } from './import-panel.js';
import { mountForm } from './inputs/form.js';
import { mountRates } from './rates-panel.js';
import { encodeShare, decodeShare } from './share-link.js';
import { money, currency } from './format.js';
import { renderSpend } from './results/spend.js';
import { renderPools } from './results/pools.js';
import { renderNeeds, renderEligibility } from './results/verdicts.js';
import { renderRecommendation } from './results/recommendation.js';
import { renderWhatIf } from './results/what-if.js';
import { mountSimulator } from './results/simulator.js';
import { estimateRows, toCsv, download, readJsonFile } from './export.js';
import { PLANS_FILE, RATE_CARDS } from './site-data.js';

let model = defaultModel();
let last = null; // {scenario, estimate}
let writtenHash = '';
let form;

// A core error names a JSON path ("usage[3].minutes"); find the field it belongs to.
function fieldForError(message, paths) {
  const m = /\b(usage|licenses)\[(\d+)\](?:\.(\w+))?/.exec(message);
  if (m) {
    const row = paths.get(`${m[1]}[${m[2]}]`);
    return row && (m[3] ? `${row}.${m[3]}` : row);
  }
  const direct = /\b(conferencing|billing|funding)\.(\w+)/.exec(message);
  return direct ? `${direct[1]}.${direct[2]}` : null;
}

// Each result section and the estimate's members it shows. A section is drawn again only when one of them changed:
// the façade hands back the very same object for every member the estimate did not change
// (web/ccredits-client.js), so a keystroke redraws the sections it moved, not all six.
const SECTIONS = [
  ['spend', renderSpend, ['monthly_total', 'by_use_case', 'lines', 'warnings']],
  ['pools', renderPools, ['pools']],
  ['needs', renderNeeds, ['needs_credits', 'needs_credits_reasons']],
  ['eligibility', renderEligibility, ['eligibility']],
  ['recommendation', renderRecommendation, ['recommendation']],
  ['what-if', renderWhatIf, ['what_if', 'by_use_case', 'monthly_total']],
];
const drawnFrom = new Map(); // section id -> [currency, ...the members it was drawn from]

function render(estimate) {
  for (const [id, draw, members] of SECTIONS) {
    const inputs = [currency(), ...members.map((m) => estimate[m])];
    const before = drawnFrom.get(id);
    if (before && inputs.every((v, i) => v === before[i])) continue;
    draw($(id), estimate);
    drawnFrom.set(id, inputs);
  }
  const parts = [`Monthly credit spend ${money(estimate.monthly_total)}`];
  if (typeof estimate.needs_credits === 'boolean') parts.push(estimate.needs_credits ? 'credits needed' : 'no credits needed');
  if (estimate.recommendation?.one_time) parts.push(`buy ${money(estimate.recommendation.one_time)} now`);
  $('summary').textContent = `${parts.join('; ')}.`;
  $('result-bar').textContent = `${money(estimate.monthly_total)} per month · see the results`;
  $('result-bar').hidden = false;
}

// Each update is measured (performance entries 'ccredits:estimate' and 'ccredits:update') for
// tests/bench/page-update.mjs, which types into the form and reads them.
function update() {
  const started = performance.now();
  const { scenario, errors, paths } = toScenario(model);
  $('raw-scenario').textContent = JSON.stringify(scenario, null, 2);
  scheduleShare(scenario);
  const problem = $('estimate-error');
  if (errors.length) {
    form.showErrors(errors);
    problem.hidden = false;
    problem.textContent = `Fix the ${errors.length === 1 ? 'field' : `${errors.length} fields`} marked in the form; the results below are from the last complete input.`;
    return;
  }
  const estimateStarted = performance.now();
  const estimate = calculator.estimate(scenario);
  performance.measure('ccredits:estimate', { start: estimateStarted });
  if (estimate.error) {
    const key = fieldForError(String(estimate.error.message ?? ''), paths);
    form.showErrors(key ? [{ key, message: estimate.error.message }] : []);
    problem.hidden = false;
    problem.textContent = `The estimate cannot be computed: ${estimate.error.message ?? 'unknown problem.'}`;
    return;
  }
  form.showErrors([]);
  problem.hidden = true;
  problem.textContent = '';
  last = { scenario, estimate };
  $('raw-estimate').textContent = JSON.stringify(estimate, null, 2);
  render(estimate);
  performance.measure('ccredits:update', { start: started });
  if (!document.body.dataset.ready) {
    performance.mark('ccredits:first-result');
    document.body.dataset.ready = 'true';
  }
}

let shareTimer = 0;
function scheduleShare(scenario) {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(async () => {
    const fragment = await encodeShare(scenario);
    writtenHash = `#${fragment}`;
    history.replaceState(null, '', writtenHash);
    $('share-link').value = location.href;
  }, 250);
}

async function modelFromHash() {
  const fragment = location.hash.slice(1);
  const banner = $('link-error');
  banner.hidden = true;
  if (!fragment) return null;
  try {
    return fromScenario(await decodeShare(fragment));
  } catch (e) {
    banner.hidden = false;
    banner.textContent = `${e.message} The calculator shows its example input instead.`;
    return null;
  }
}

function setModel(next) {
  model = next;
  form.redraw();
}

function wireKeep() {
  const status = $('keep-status');
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('share-link').value);
      status.textContent = 'Link copied.';
    } catch {
      $('share-link').select();
      status.textContent = 'Select the link above and copy it.';
    }
  });
  $('save-json').addEventListener('click', () => {
    download('ccredits-scenario.json', `${JSON.stringify(toScenario(model).scenario, null, 2)}\n`, 'application/json');
    status.textContent = 'Input saved as ccredits-scenario.json.';
  });
  $('open-json').addEventListener('click', () => $('load-json').click());
  $('load-json').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      setModel(fromScenario(await readJsonFile(file)));
      status.textContent = `Opened ${file.name}.`;
    } catch (err) {
      status.textContent = err.message;
    }
    e.target.value = '';
  });
  $('export-csv').addEventListener('click', () => {
    if (!last) return;
    download('ccredits-estimate.csv', toCsv(estimateRows(last.estimate, currency())), 'text/csv');
    status.textContent = 'Results exported as ccredits-estimate.csv.';
  });
  $('export-json').addEventListener('click', () => {
    if (!last) return;
    download('ccredits-estimate.json', `${JSON.stringify(last, null, 2)}\n`, 'application/json');
    status.textContent = 'Results exported as ccredits-estimate.json.';
  });
  $('print').addEventListener('click', () => window.print());
}

let calculator;

async function main() {
  const firstRates = fetch(RATE_CARDS[0].file).then((r) => r.text());
  const [calc] = await Promise.all([loadCalculator(), loadCountries()]);
  calculator = calc;
  const rates = mountRates($('rates'), calculator, () => update());
  await rates.load(firstRates);
  if (PLANS_FILE) {
    // The plans file feeds the estimate's pools (loadPlans) and the call simulator's zones (loadZones).
    const text = await (await fetch(PLANS_FILE)).text();
    for (const load of [calculator.loadPlans, calculator.loadZones]) {
      const result = load ? load(text, PLANS_FILE.split('/').pop()) : {};
      if (result.error) throw new Error(result.error.message);
    }
  }
  model = (await modelFromHash()) ?? defaultModel();
  form = mountForm($('inputs'), () => model, update);
  update();
  mountSimulator($('simulator'), calculator);
  setupUsageImport({
    container: $('usage-panel'),
    rates: rates.jsonCard,
    project: (report) => {
      setModel(withImportedUsage(model, report));
      return calculator.estimate(toScenario(model).scenario);
    },
  });
  wireKeep();
  window.addEventListener('hashchange', async () => {
    if (location.hash === writtenHash) return;
    const next = await modelFromHash();
    if (next) setModel(next);
  });
  $('status').textContent = 'Ready.';
  $('status').classList.add('ready');
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => {
      $('status').textContent = 'Ready (offline use is not available in this browser).';
    });
  }
}

main().catch((e) => {
  $('status').textContent = `The calculator could not start: ${e.message}`;
});
