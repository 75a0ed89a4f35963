// The page's start and its one loop: input -> scenario -> wasm core -> results. The page computes nothing itself.
// A first visit shows the example's estimate made at build time by the same module (first-estimate.js) and loads
// the module right after that first paint, with the scripts only it needs (startCalculator()); every later figure
// comes from the module.
import { $, h, replace } from './dom.js';
import { loadCountries, countryName } from './countries.js';
import { defaultModel, blankModel, toScenario, fromScenario, withImportedUsage, asIfImported, licenceGaps, withLicenceGroup } from './state.js';
import { setupUsageImport } from './import-panel.js';
import { mountForm } from './inputs/form.js';
import { currency, setCurrency } from './format.js';
import { pageLocale } from './number-input.js';
import { showHeadline, showProblem, showPending, clearProblem } from './results/headline.js';
import { readFirstEstimate, firstCardOf, firstCurrencyOf } from './first-estimate.js';
import { rateSource } from './rate-source.js';
import { peopleText, describeRowsWith } from './people-text.js';
import { inputSummary } from './results/input-summary.js';
import { renderSpend, setLineSource } from './results/spend.js';
import { renderPools } from './results/pools.js';
import { renderNeeds, renderEligibility } from './results/verdicts.js';
import { renderRecommendation } from './results/recommendation.js';
import { renderWhatIf } from './results/what-if.js';
import { drawWhenSeen } from './results/draw-when-seen.js';
import { PLANS_FILE, RATE_CARDS } from './site-data.js';

let model = defaultModel();
// Where the input came from: 'example' (the page's example organization), 'blank', or 'yours' (typed over, a
// link or a file). previous: the input "Start from blank" replaced, for its undo.
let origin = 'example';
let previous = null;
let beforeImport = null; // {model, origin} before the last usage report import, for its undo
let last = null; // {scenario, estimate, source}
let lastIsCurrent = false; // false while the input has errors and `last` is from an earlier input
let writtenHash = '';
// The rates an opened share link's figures were made with ({name, currency, effective, hash}), or null.
let linkedRates = null;
let form;
let rates = null; // the rates panel, mounted with the module
let sideBySide = null;
let calculator = null; // the module's façade, once it has loaded with its rates and plans
// The scripts loaded with the module: the rates panel, share links, rate identities, the simulator, kept estimates.
let later = null;
// Until then: the build-time estimate of the example input ({scenario, rates: {file, loaded}, estimate}) and the
// card it was priced with, as the rates panel describes it.
let firstEstimate = null;
let firstCard = null;
// The build-time estimate on screen ({scenario, estimate}) when the module arrives, for its first estimate to confirm.
let confirming = null;

// A scenario path ("usage[3].minutes", "licenses[1]", "funding.months") -> the form's key for it.
function keyForPath(path, paths) {
  const m = /^(usage|licenses)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const row = paths.get(`${m[1]}[${m[2]}]`);
    return row && (m[3] ? `${row}.${m[3]}` : row);
  }
  return /^(conferencing|billing|funding)\.\w+$|^licence_prices\.\w+\.\w+$/.test(path) ? path : null;
}

// A core error's field, from its "path" member (core/CONTRACT.md "Errors"): ["usage", 3, "minutes"] ->
// "usage[3].minutes"; null for an error that belongs to no field. A missing rate belongs to the row's destination
// (the field a person changes to get a price).
const DESTINATION = { user_out: 'to', conf_out: 'to', toll_free_in: 'country', toll_in: 'country' };
function errorPath(error) {
  if (!Array.isArray(error.path) || !error.path.length) return null;
  return error.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : String(p))).join('');
}
function errorKey(error, paths) {
  const path = errorPath(error);
  const key = path && keyForPath(path, paths);
  const [kind, row, field] = key ? key.split('.') : [];
  return error.code === 'missing_rate' && row !== undefined && !field && DESTINATION[kind] ? `${key}.${DESTINATION[kind]}` : key;
}

const isExample = () => origin === 'example' && JSON.stringify(model) === JSON.stringify(defaultModel());

// Each result section and the estimate's members it shows. A section is drawn again only when one of them changed:
// the façade hands back the very same object for every member the estimate did not change
// (web/ccredits-client.js), so a keystroke redraws the sections it moved, not all six, and of those only the ones
// that can be seen at once (results/draw-when-seen.js).
const SECTIONS = [
  ['spend', renderSpend, ['monthly_total', 'by_use_case', 'lines', 'warnings']],
  ['pools', renderPools, ['pools', 'settings']],
  ['needs', renderNeeds, ['needs_credits', 'needs_credits_reasons']],
  ['eligibility', renderEligibility, ['eligibility']],
  ['recommendation', renderRecommendation, ['recommendation', 'eligibility', 'needs_credits']],
  ['what-if', renderWhatIf, ['what_if', 'by_use_case', 'monthly_total']],
];
const drawnFrom = new Map(); // section id -> [currency, ...the members it was last drawn, or is to be drawn, from]
let sections = null; // drawWhenSeen, made at the first drawing
let simulator = null; // the call simulator's {refresh}, once the module is there
const sectionsDrawer = () => (sections ??= drawWhenSeen($('results')));

// Near the headline: the opened link's figures were made with rates this page does not have loaded.
function showLinkedRates() {
  const note = $('linked-rates-note');
  if (!rates) return;
  const mine = rates.identity();
  if (!linkedRates || !mine || linkedRates.hash === mine.hash) {
    note.hidden = true;
    return;
  }
  const { describeRates } = later;
  const own = rates.card()?.illustrative ? `illustrative rates in ${mine.currency || 'another currency'}` : `your rates (${describeRates(mine)})`;
  replace(note,
    `The link's figures were made with other rates: ${describeRates(linkedRates)}. This page shows ${own} instead, so its figures can differ. `,
    'To see the same figures, load the same workbook or rate files under ', h('a', { href: '#h-rates', text: 'Rates' }),
    ' ("Load Microsoft\'s rate workbook from your disk").');
  note.hidden = false;
}

function render(estimate) {
  const source = rateSource(rates ? rates.card() : firstCard, estimate.lines, estimate.report);
  setLineSource(source.lineWords);
  for (const [id, draw, members] of SECTIONS) {
    const inputs = [currency(), id === 'spend' ? source.short : '', ...members.map((m) => estimate[m])];
    const before = drawnFrom.get(id);
    if (before && inputs.every((v, i) => v === before[i])) continue;
    sectionsDrawer().draw($(id), () => draw($(id), estimate));
    drawnFrom.set(id, inputs);
  }
  showHeadline({ estimate, source, example: isExample(), tenantCountry: model.billing.tenant_country });
  return source;
}

// The printed page's own top: the date, and the input the figures come from (print-only in style.css).
let dateFormat = null; // made once: toLocaleDateString makes a formatter on each call, half a millisecond a keystroke
function showPrintHeader() {
  dateFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  const date = dateFormat.format(new Date());
  const made = `Estimate made on ${date} with the Teams Communication Credits calculator.`;
  if ($('print-date').textContent !== made) $('print-date').textContent = made;
  // The input, in as many sentences as the form has rows: shown only on paper, so written when typing pauses or the
  // page prints (results/draw-when-seen.js), and then only the sentences that changed.
  const input = model;
  sectionsDrawer().draw($('print-input'), () => {
    const list = $('print-input-list');
    const lines = inputSummary(input);
    lines.forEach((line, i) => {
      const item = list.children[i];
      if (!item) list.append(h('li', { text: line }));
      else if (item.textContent !== line) item.textContent = line;
    });
    while (list.children.length > lines.length) list.lastElementChild.remove();
  });
}

function showExampleBanner() {
  const example = isExample();
  $('example-banner').hidden = origin === 'yours' && !previous;
  $('example-text').textContent = origin === 'blank' ? 'Blank input: add your licences and minutes.'
    : example ? 'Example organization: replace its figures with yours.'
      : origin === 'example' ? 'Started from the example organization: replace the rest of its figures with yours.' : '';
  $('start-blank').hidden = origin === 'blank';
  $('undo-blank').hidden = !previous;
}

// The "as JSON" details: the input and the core's estimate, indented. For a 200-row scenario that is about 250 KB of
// text, and writing it on every keystroke was a third of the update's script (tests/bench/page-update.mjs), so it
// is written only while the details is open, and when it opens.
const rawJson = { scenario: null, estimate: null };
const rawWritten = { scenario: null, estimate: null };
function showRawJson(values = {}) {
  Object.assign(rawJson, values);
  if (!$('raw').open) return;
  for (const member of ['scenario', 'estimate']) {
    if (rawJson[member] === null || rawWritten[member] === rawJson[member]) continue;
    $(`raw-${member}`).textContent = JSON.stringify(rawJson[member], null, 2);
    rawWritten[member] = rawJson[member];
  }
}
$('raw').addEventListener('toggle', () => showRawJson());

// Each update is measured (performance entries 'ccredits:estimate' and 'ccredits:update') for
// tests/bench/page-update.mjs, which types into the form and reads them.
function update() {
  const started = performance.now();
  const { scenario, errors, paths } = toScenario(model);
  // A core sentence's "row 4 of the usage" -> the form's words for that row, in errors and in result sections alike.
  const describe = (p) => { const k = keyForPath(p, paths); return (k && form.describe(k)?.label) ?? null; };
  describeRowsWith(describe);
  showRawJson({ scenario });
  // A link names the rates it was priced with, known once the module has loaded them (its first update writes it).
  if (calculator) scheduleShare(scenario);
  showLinkedRates();
  showExampleBanner();
  showPrintHeader();
  const blocking = errors.filter((e) => !e.warning);
  lastIsCurrent = false;
  if (blocking.length) {
    form.showErrors(errors);
    const first = form.describe(blocking[0].key);
    const where = first?.label ?? 'the field marked in the form';
    showProblem({
      count: blocking.length, label: first?.label, fieldId: first?.fieldId,
      message: blocking.length === 1 ? `${where}: ${blocking[0].message}`
        : `Fix the ${blocking.length} fields marked in the form. First, ${where}: ${blocking[0].message}`,
    }, { hasFigures: Boolean(last) });
    return;
  }
  if (!calculator) {
    form.showErrors(errors);
    clearProblem();
    // The build-time estimate stands for exactly its own input; any other waits for the module (main() prices
    // it as soon as the module is ready).
    if (firstEstimate && JSON.stringify(scenario) === JSON.stringify(firstEstimate.scenario)) show(scenario, firstEstimate.estimate);
    else showPending({ hasFigures: Boolean(last) });
    return;
  }
  const estimateStarted = performance.now();
  const estimate = calculator.estimate(scenario);
  performance.measure('ccredits:estimate', { start: estimateStarted });
  if (estimate.error) {
    const key = errorKey(estimate.error, paths);
    const field = key ? form.describe(key) : null;
    const message = peopleText(String(estimate.error.message ?? 'The calculator could not price this input.'), describe);
    form.showErrors([...errors, ...(key ? [{ key, message }] : [])]);
    showProblem({ count: 1, label: field?.label, fieldId: field?.fieldId, message: `The estimate cannot be computed: ${message}` },
      { hasFigures: Boolean(last) });
    return;
  }
  form.showErrors(errors);
  clearProblem();
  show(scenario, estimate);
  performance.measure('ccredits:update', { start: started });
}

// A report's first estimate in a page runs module functions that no typed input calls, and the engine compiles a
// wasm function on its first call: on this project's 2-core VM 10 to 30 ms that fell in the moment a report lands.
// Pricing an input of the same shape once, while the worker imports (the page's thread is idle then), moves that
// compiling out of the landing (tests/bench/README.md, the page). Once per page: compiled code stays.
let reportRouteCompiled = false;
function compileReportRoute() {
  if (reportRouteCompiled || !calculator || !lastIsCurrent) return;
  reportRouteCompiled = true;
  const priced = calculator.estimateAlone(asIfImported(model, last.estimate.currency));
  if (!priced.error) performance.mark('ccredits:report-route-compiled');
}

// The first result shown is marked 'ccredits:first-result' (tests/bench/page-load.mjs reads it).
function show(scenario, estimate) {
  // The module's first estimate of the input whose build-time estimate is on screen: when they are the same, the
  // figures drawn stay as they are (nothing is drawn twice); when anything differs, the module's are drawn.
  if (confirming) {
    const same = JSON.stringify(confirming.scenario) === JSON.stringify(scenario) && JSON.stringify(confirming.estimate) === JSON.stringify(estimate);
    if (same) estimate = confirming.estimate;
    confirming = null;
  }
  showRawJson({ estimate });
  const source = render(estimate);
  last = { scenario, estimate, source };
  lastIsCurrent = true;
  sideBySide?.refresh();
  if (!performance.getEntriesByName('ccredits:first-result').length) performance.mark('ccredits:first-result');
}

let shareTimer = 0;
// A link's content: the input, and which rates make its figures, so a recipient with other rates is told (old
// links have no rates_used and open as before; the input's reader ignores the member).
function shareOf(scenario) {
  const identity = rates.identity();
  return later.encodeShare(identity ? { ...scenario, rates_used: identity } : scenario);
}

function scheduleShare(scenario) {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(async () => {
    const fragment = await shareOf(scenario);
    writtenHash = `#${fragment}`;
    history.replaceState(null, '', writtenHash);
    $('share-link').value = location.href;
  }, 250);
}

// Reads the link in the address (with the module loaded when there is one).
async function modelFromHash() {
  const fragment = location.hash.slice(1);
  const banner = $('link-error');
  banner.hidden = true;
  linkedRates = null;
  if (!fragment) return null;
  try {
    const doc = await later.decodeShare(fragment);
    const model0 = fromScenario(doc);
    linkedRates = later.readLinkedRates(doc?.rates_used);
    // Rates this page ships too are loaded, so the recipient sees the sender's figures.
    if (linkedRates?.shipped && linkedRates.hash !== rates.identity()?.hash) await rates.useShipped(linkedRates.shipped);
    return model0;
  } catch (e) {
    banner.hidden = false;
    banner.textContent = `${e.message} The calculator shows its example input instead.`;
    return null;
  }
}

function setModel(next, from = 'yours') {
  model = next;
  origin = from;
  if (from !== 'blank') previous = null;
  form.redraw();
}

function wireExample() {
  $('start-blank').addEventListener('click', () => {
    previous = { model, origin };
    setModel(blankModel(), 'blank');
    $('undo-blank').focus();
  });
  $('undo-blank').addEventListener('click', () => {
    const back = previous;
    previous = null;
    setModel(back.model, back.origin);
    $('start-blank').focus();
  });
}

const today = () => new Date().toISOString().slice(0, 10);

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
  $('save-json').addEventListener('click', async () => {
    const { download } = await import('./export.js');
    download('ccredits-scenario.json', `${JSON.stringify(toScenario(model).scenario, null, 2)}\n`, 'application/json');
    status.textContent = 'Input saved as ccredits-scenario.json.';
  });
  $('open-json').addEventListener('click', () => $('load-json').click());
  $('load-json').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const [{ readJsonFile }, { isKeptFile }] = await Promise.all([import('./export.js'), import('./kept-estimates.js')]);
      const doc = await readJsonFile(file);
      if (isKeptFile(doc)) {
        if (!sideBySide) throw new Error('The calculator is still loading: open the file again in a moment.');
        sideBySide.addFile(doc);
        status.textContent = `Opened ${file.name}: its estimates are in "Estimates side by side".`;
      } else {
        setModel(fromScenario(doc));
        status.textContent = `Opened ${file.name}.`;
      }
    } catch (err) {
      status.textContent = err.message;
    }
    e.target.value = '';
  });
  // The figures on screen are exported only while they are the input's: out of date (the input has a problem), they
  // would leave the page as a file that no longer says so.
  const exportable = () => {
    if (last && lastIsCurrent) return true;
    status.textContent = last
      ? 'Nothing exported: the figures are out of date. Fix the input (the problem is named at the top of the results), then export.'
      : 'Nothing to export yet.';
    return false;
  };
  $('export-csv').addEventListener('click', async () => {
    if (!exportable()) return;
    const { estimate, source } = last; // the figures on screen when the button is clicked
    const { estimateRows, toCsv, download } = await import('./export.js');
    // In the page's locale, so Excel there splits the columns and reads the amounts as numbers.
    const rows = estimateRows(estimate, currency(), { source, date: today() });
    download('ccredits-estimate.csv', toCsv(rows, pageLocale()), 'text/csv');
    status.textContent = 'Results exported as ccredits-estimate.csv.';
  });
  $('export-json').addEventListener('click', async () => {
    if (!exportable()) return;
    const { scenario, estimate, source } = last; // the figures on screen when the button is clicked
    const { download } = await import('./export.js');
    const doc = { made_on: today(), rates_note: `${source.short}. ${source.note}`.trim(), scenario, estimate };
    download('ccredits-estimate.json', `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
    status.textContent = 'Results exported as ccredits-estimate.json.';
  });
  $('print').addEventListener('click', () => window.print());
}

// The module, its first rate card and the plans, and the scripts only the module's figures need; the rates panel.
async function startCalculator() {
  // Everything is asked for at once: the data, the module's glue beside its façade (which imports it), the scripts.
  const text = (file) => fetch(file).then((r) => r.text());
  const firstRates = text(RATE_CARDS[0].file);
  const plans = PLANS_FILE ? text(PLANS_FILE) : null;
  const [client, , ...scripts] = await Promise.all(['./ccredits-client.js', './ccredits.js', './rates-panel.js', './share-link.js',
    './rates-identity.js', './results/simulator.js', './results/side-by-side.js', './kept-estimates.js', './export.js'].map((m) => import(m)));
  const calc = await client.loadCalculator();
  later = Object.assign({}, ...scripts);
  rates = later.mountRates($('rates'), calc, () => {
    update();
    simulator?.refresh(); // its call is priced at the rates in use, like every other figure
  });
  await rates.load(firstRates);
  if (plans) {
    // The plans file feeds the estimate's pools and the call simulator's Zone A and domestic areas.
    const result = calc.loadPlans(await plans, PLANS_FILE.split('/').pop());
    if (result.error) throw new Error(result.error.message);
  }
  calculator = calc;
}

// After the next frame is painted (at once in a tab in the background, which paints nothing).
const afterPaint = () => new Promise((resolve) => {
  if (document.visibilityState === 'hidden') setTimeout(resolve, 0);
  else requestAnimationFrame(() => setTimeout(resolve, 0));
});

async function main() {
  // A share link's input needs the module (and maybe another shipped card) before its first result; so does an
  // example input that the build-time estimate was not made from.
  const starting = location.hash.length > 1 ? startCalculator() : null;
  const [first] = await Promise.all([starting ? null : readFirstEstimate(toScenario(defaultModel()).scenario), loadCountries(), starting]);
  if (first) {
    firstEstimate = first;
    firstCard = firstCardOf(first);
    setCurrency(firstCurrencyOf(first));
  } else if (!starting) {
    await startCalculator();
  }
  const linked = await modelFromHash();
  model = linked ?? defaultModel();
  origin = linked ? 'yours' : 'example';
  wireExample();
  form = mountForm($('inputs'), () => model, update);
  setupUsageImport({
    container: $('usage-panel'),
    rates: () => rates?.jsonCard() ?? null,
    project: (report) => {
      // A second import replaces the first; undo still goes back to the input typed before any.
      if (!beforeImport || !model.report) beforeImport = { model, origin };
      performance.mark('ccredits:report-to-form'); // tests/bench/page-import.mjs times the form from here
      setModel(withImportedUsage(model, report));
      // The form's update has just priced this very input: its estimate is the import's too.
      return lastIsCurrent ? last.estimate : calculator?.estimate(toScenario(model).scenario) ?? null;
    },
    whileImporting: () => setTimeout(compileReportRoute),
    licenceGaps: (report) => licenceGaps(model, report),
    addLicence: (gap) => setModel(withLicenceGroup(model, gap)),
    undo: () => {
      if (!beforeImport) return;
      const back = beforeImport;
      beforeImport = null;
      setModel(back.model, back.origin);
    },
    countryName,
  });
  wireKeep();
  // The headline is the page's own from here on, whatever became of the one written at build time (first-screen.js).
  delete document.body.dataset.firstScreen;
  update();
  if (!calculator) {
    await afterPaint();
    await startCalculator();
    if (lastIsCurrent && last.estimate === firstEstimate.estimate) confirming = last;
    firstEstimate = null;
    // The input as it is now (typed into while the module loaded, or still the example), priced by the module.
    update();
  }
  performance.mark('ccredits:live-result');
  simulator = later.mountSimulator($('simulator'), calculator);
  sideBySide = later.mountSideBySide($('compare'), {
    storage: (() => { try { return window.localStorage; } catch { return null; } })(),
    today,
    current: () => (lastIsCurrent ? last : null),
    price: (scenario) => calculator.estimateAlone(scenario),
    rateNote: () => last?.source.short ?? '',
    open: (scenario) => setModel(fromScenario(scenario)),
    share: shareOf, // kept estimates are priced with the rates loaded now
    download: later.download,
  });
  sideBySide.refresh();
  window.addEventListener('hashchange', async () => {
    if (location.hash === writtenHash) return;
    // A link opened now wins over the page's own link for the input before it, still waiting to be written.
    clearTimeout(shareTimer);
    const next = await modelFromHash();
    if (next) setModel(next);
  });
  document.body.dataset.ready = 'true';
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
