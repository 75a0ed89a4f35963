// Build step: writes the estimate a first visit shows (site-data.js's FIRST_ESTIMATE_FILE), made by the page's own wasm module
// and façade with the page's own example input and first shipped rate card, so the page can show it before the
// module has loaded. Every part comes from the built site: state.js's defaultModel() and toScenario(), site-data.js's
// first rate card and plans file, ccredits-client.js and ccredits.js/.wasm. The page uses the file only when the
// scenario it holds is the one it would send to the module itself (web/first-estimate.js).
// Usage: node wasm/write-first-estimate.mjs SITE_DIR
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const siteDir = path.resolve(process.argv[2] ?? '');
const fromSite = (file) => import(pathToFileURL(path.join(siteDir, file)).href);

const { default: createCcredits } = await fromSite('ccredits.js');
const { loadCalculatorFrom } = await fromSite('ccredits-client.js');
const { defaultModel, toScenario } = await fromSite('state.js');
const { RATE_CARDS, PLANS_FILE, FIRST_ESTIMATE_FILE } = await fromSite('site-data.js');

const calculator = loadCalculatorFrom(await createCcredits({ wasmBinary: await readFile(path.join(siteDir, 'ccredits.wasm')) }));
const fail = (what, result) => {
  console.error(`write-first-estimate: ${what}: ${result.error.message}`);
  process.exit(1);
};
const card = RATE_CARDS[0].file;
const rates = calculator.loadRates(await readFile(path.join(siteDir, card), 'utf8'), path.basename(card));
if (rates.error) fail(card, rates);
const plans = calculator.loadPlans(await readFile(path.join(siteDir, PLANS_FILE), 'utf8'), path.basename(PLANS_FILE));
if (plans.error) fail(PLANS_FILE, plans);
const { scenario, errors } = toScenario(defaultModel(), { locale: 'en-US' });
if (errors.length) {
  console.error(`write-first-estimate: the example input has errors: ${JSON.stringify(errors)}`);
  process.exit(1);
}
const estimate = calculator.estimate(scenario);
if (estimate.error) fail('the example input', estimate);
// rates: the first shipped card as the rates panel reads it after loading (what the headline's rate words need).
const doc = { scenario, rates: { file: card, loaded: rates }, plans: PLANS_FILE, estimate };
await writeFile(path.join(siteDir, FIRST_ESTIMATE_FILE), `${JSON.stringify(doc)}\n`);
