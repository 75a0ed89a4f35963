// The page's façade over the wasm module: JSON text in, plain objects out. Errors come back as {error: {...}}.
// Bindings that a given build lacks are left out, so the page can show only what the core offers.
import createCcredits from './ccredits.js';

const OPTIONAL = {
  loadPlans: (call) => (text, file) => call('loadPlans', text, file),
  loadRateSheet: (call) => (text, file, sheet = '') => call('loadRateSheet', text, file, sheet),
  loadZones: (call) => (plansText, file) => call('loadZones', plansText, file),
  simulate: (call) => (request) => call('simulate', typeof request === 'string' ? request : JSON.stringify(request)),
};

// Writes the scenario's UTF-8 into the module's scenario buffer (wasm/bindings.cpp) with TextEncoder instead of
// Embind's per-byte string copies; returns the number of bytes written. A UTF-16 code unit takes at most 3 bytes.
function scenarioWriter(module) {
  const encoder = new TextEncoder();
  return (text) => {
    const room = text.length * 3;
    const at = module.scenarioBuffer(room);
    return encoder.encodeInto(text, module.HEAPU8.subarray(at, at + room)).written;
  };
}

// estimate(text) -> the estimate's JSON text, through the module's byte buffers.
export function bufferedEstimate(module) {
  const write = scenarioWriter(module);
  const decoder = new TextDecoder();
  return (text) => decoder.decode(module.estimateBuffer(write(text)));
}

// estimate(text) -> the estimate as an object, through the module's estimate session: the module sends only the
// lines and members that changed since the result held here (core/include/ccredits/estimate_session.hpp), which are
// applied to it. Results are frozen and share their unchanged lines and members with the one before, so the page
// can tell what changed by identity; their members are in key order, as in the module's full text.
export function sessionEstimate(module) {
  const write = scenarioWriter(module);
  const decoder = new TextDecoder();
  let held = null; // { serial, result }
  return (text) => {
    const changes = JSON.parse(decoder.decode(module.estimateChangesBuffer(write(text), held?.serial ?? 0)));
    if (changes.error) return changes;
    const base = changes.after === 0 ? {} : held.result;
    const lines = changes.after === 0 ? [] : base.lines.slice(0, changes.line_count);
    for (const [index, line] of changes.lines) lines[index] = deepFreeze(line);
    const members = { ...base, ...changes.set, lines: Object.freeze(lines) };
    for (const name of changes.removed) delete members[name];
    const result = {};
    for (const name of Object.keys(members).sort()) result[name] = deepFreeze(members[name]);
    held = { serial: changes.serial, result: Object.freeze(result) };
    return held.result;
  };
}

function deepFreeze(value) {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

export function loadCalculatorFrom(module) {
  const estimate = typeof module.estimateChangesBuffer === 'function'
    ? sessionEstimate(module)
    : (text) => JSON.parse(module.estimate(text));
  const call = (fn, ...args) => {
    try {
      return fn === 'estimate' ? estimate(...args) : JSON.parse(module[fn](...args));
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
