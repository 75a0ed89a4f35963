// The page's façade over the wasm module: JSON text in, plain objects out. Errors come back as {error: {...}}.
// Bindings that a given build lacks are left out, so the page can show only what the core offers.
import createCcredits from './ccredits.js';

const OPTIONAL = {
  loadPlans: (call) => (text, file) => call('loadPlans', text, file),
  loadRateSheet: (call) => (text, file, sheet = '') => call('loadRateSheet', text, file, sheet),
  loadZones: (call) => (plansText, file) => call('loadZones', plansText, file),
  simulate: (call) => (request) => call('simulate', typeof request === 'string' ? request : JSON.stringify(request)),
};

// estimate(text) through the module's byte buffers (wasm/bindings.cpp): TextEncoder/TextDecoder instead of Embind's
// per-byte string copies. A UTF-16 code unit takes at most 3 bytes of UTF-8.
export function bufferedEstimate(module) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return (text) => {
    const room = text.length * 3;
    const at = module.scenarioBuffer(room);
    const { written } = encoder.encodeInto(text, module.HEAPU8.subarray(at, at + room));
    return decoder.decode(module.estimateBuffer(written));
  };
}

export function loadCalculatorFrom(module) {
  const estimateText = typeof module.estimateBuffer === 'function' ? bufferedEstimate(module) : module.estimate;
  const call = (fn, ...args) => {
    try {
      return JSON.parse(fn === 'estimate' ? estimateText(...args) : module[fn](...args));
    } catch (e) {
      return { error: { code: 'internal', message: `The calculator core failed: ${e?.message ?? e}` } };
    }
  };
  const calculator = {
    loadRates: (text, file) => call('loadRates', text, file),
    estimate: (scenario) => call('estimate', typeof scenario === 'string' ? scenario : JSON.stringify(scenario)),
    loadRateSheet: (text, file, sheet = '') => call('loadRateSheet', text, file, sheet),
    loadZones: (plansText, file) => call('loadZones', plansText, file),
    simulate: (request) => call('simulate', typeof request === 'string' ? request : JSON.stringify(request)),
  };
  for (const [name, make] of Object.entries(OPTIONAL)) {
    if (typeof module[name] === 'function') calculator[name] = make(call);
  }
  return calculator;
}

export async function loadCalculator(options = {}) {
  return loadCalculatorFrom(await createCcredits(options));
}
