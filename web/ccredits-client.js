// The page's façade over the wasm module: JSON text in, plain objects out. Errors come back as {error: {...}}.
import createCcredits from './ccredits.js';

export function loadCalculatorFrom(module) {
  const call = (fn, ...args) => JSON.parse(module[fn](...args));
  return {
    loadRates: (text, file) => call('loadRates', text, file),
    loadPlans: (text, file) => call('loadPlans', text, file),
    estimate: (scenario) => call('estimate', typeof scenario === 'string' ? scenario : JSON.stringify(scenario)),
    loadRateSheet: (text, file, sheet = '') => call('loadRateSheet', text, file, sheet),
    loadZones: (plansText, file) => call('loadZones', plansText, file),
    simulate: (request) => call('simulate', typeof request === 'string' ? request : JSON.stringify(request)),
  };
}

export async function loadCalculator(options = {}) {
  return loadCalculatorFrom(await createCcredits(options));
}
