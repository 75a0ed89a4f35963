// The example's estimate made at build time by this page's own wasm module and façade (wasm/write-first-estimate.mjs),
// so a first visit shows its figures before the module has loaded. It is used only for the very scenario it was made
// from: the one the page would send to the module now. Anything else (a link, another locale's reading, a missing
// or broken file) -> null, and the page waits for the module as before.
import { FIRST_ESTIMATE_FILE, RATE_CARDS, PLANS_FILE } from './site-data.js';
import { wholeCard } from './rate-source.js';
import { textOf } from './results/section.js';

export async function readFirstEstimate(scenario) {
  try {
    const response = await fetch(FIRST_ESTIMATE_FILE);
    if (!response.ok) return null;
    const doc = await response.json();
    const usable = JSON.stringify(doc?.scenario) === JSON.stringify(scenario)
      && doc.rates?.file === RATE_CARDS[0].file && doc.plans === PLANS_FILE
      && doc.estimate && typeof doc.estimate === 'object' && !doc.estimate.error;
    return usable ? doc : null;
  } catch {
    return null;
  }
}

// The card the build-time estimate was priced with, as the rates panel describes a loaded card (rate-source.js),
// and its currency: what the page's words and amounts need before the module has loaded. The page and the
// build-time first screen (wasm/write-first-screen.mjs) both take them from here.
export const firstCardOf = (first) => wholeCard(first.rates.loaded, first.rates.file.split('/').pop(), RATE_CARDS[0].label);
export const firstCurrencyOf = (first) => textOf(first.rates.loaded.currency) || 'USD';
