// The data files the site ships (listed, not discovered: a missing file would be a failed request).
export const RATE_CARDS = [
  { file: 'rates/illustrative-usd.json', label: 'Illustrative rates, USD' },
  { file: 'rates/illustrative-eur.json', label: 'Illustrative rates, EUR' },
  { file: 'rates/illustrative-gbp.json', label: 'Illustrative rates, GBP' },
];
export const COUNTRIES_FILE = 'rates/countries.json';
export const PLANS_FILE = 'rates/plans.json';
// The example input's estimate, written at build time by the page's own module (wasm/write-first-estimate.mjs), so
// a first visit shows figures before the module has loaded.
export const FIRST_ESTIMATE_FILE = 'first-estimate.json';
