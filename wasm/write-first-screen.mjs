// Build step: writes the site's index.html from web/index.html with the example's headline already in it (the
// monthly spend, where its rates come from, what to do about credits, and the phone's result bar), so a first visit
// shows its first result as soon as the document and its stylesheet are there, before any of the page's modules.
// The headline is drawn by the page's own code (web/results/headline.js, through web/dom.js) from the estimate the
// page's own module made at build time (first-estimate.json, wasm/write-first-estimate.mjs), under a small DOM
// (static-dom.mjs), in one locale's number formats, which the document names (body data-first-screen). The page
// shows it only when it would draw the same (web/first-screen.js) and then draws over it in place.
// Usage: node wasm/write-first-screen.mjs SOURCE_INDEX_HTML SITE_DIR
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { staticDocument } from './static-dom.mjs';

const [source, site] = process.argv.slice(2);
const siteDir = path.resolve(site ?? '');
const fail = (message) => {
  console.error(`write-first-screen: ${message}`);
  process.exit(1);
};
// The locale whose number formats the headline is written in: node's default, which the build sets (wasm/CMakeLists.txt).
const LOCALE = 'en-US';
if (new Intl.NumberFormat().resolvedOptions().locale !== LOCALE) {
  fail(`node formats numbers in ${new Intl.NumberFormat().resolvedOptions().locale}, not ${LOCALE}: run it with LC_ALL=en_US.UTF-8`);
}

let html = await readFile(source, 'utf8');
// The places the headline code draws into or looks at, with their attributes as index.html has them.
const WRITTEN = ['summary', 'rate-note', 'result-bar'];
const LOOKED_AT = ['results', 'stale-note'];
const startTag = (id) => {
  const found = [...html.matchAll(new RegExp(`<(\\w+) id="${id}"([^>]*)>`, 'g'))];
  if (found.length !== 1) fail(`index.html has ${found.length} elements with id "${id}", not one`);
  return found[0];
};
const attributesOf = (text) => [...text.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)]
  .map(([, name, value = '']) => [name, value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]);
const dom = staticDocument([...WRITTEN, ...LOOKED_AT].map((id) => [startTag(id)[1], id]));
for (const id of [...WRITTEN, ...LOOKED_AT]) {
  for (const [name, value] of attributesOf(startTag(id)[2])) dom.document.getElementById(id).setAttribute(name, value);
}
const before = Object.fromEntries(LOOKED_AT.map((id) => [id, dom.document.getElementById(id).html]));
dom.install();
// The page's modules read their data files with fetch(), relative to the page: here from the built site.
globalThis.fetch = async (file) => {
  try {
    return new Response(await readFile(path.join(siteDir, String(file))));
  } catch {
    return new Response('not found', { status: 404 });
  }
};

const fromSite = (file) => import(pathToFileURL(path.join(siteDir, file)).href);
const { loadCountries } = await fromSite('countries.js');
const { defaultModel, toScenario } = await fromSite('state.js');
const { readFirstEstimate, firstCardOf, firstCurrencyOf } = await fromSite('first-estimate.js');
const { setCurrency } = await fromSite('format.js');
const { rateSource } = await fromSite('rate-source.js');
const { showHeadline } = await fromSite('results/headline.js');

// As web/app.js draws a first visit: the example input, its build-time estimate, the card and currency it was
// priced with.
await loadCountries();
const model = defaultModel();
const first = await readFirstEstimate(toScenario(model).scenario);
if (!first) fail('first-estimate.json is missing or was not made from the example input');
setCurrency(firstCurrencyOf(first));
const { estimate } = first;
showHeadline({ estimate, source: rateSource(firstCardOf(first), estimate.lines, estimate.report), example: true, tenantCountry: model.billing.tenant_country });

for (const id of LOOKED_AT) {
  if (dom.document.getElementById(id).html !== before[id]) fail(`the headline code changed #${id}, which the first screen does not write`);
}
for (const id of WRITTEN) {
  const [tag, name] = startTag(id);
  const empty = `${tag}</${name}>`;
  if (!html.includes(empty)) fail(`#${id} is not empty in index.html`);
  html = html.replace(empty, () => dom.document.getElementById(id).html);
}
if (!/<body>/.test(html)) fail('index.html has no plain <body> tag');
html = html.replace('<body>', `<body data-first-screen="${LOCALE}">`);
await writeFile(path.join(siteDir, 'index.html'), html);
