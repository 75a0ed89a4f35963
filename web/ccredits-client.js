// The page's façade over the wasm module: JSON text in, plain objects out. Errors come back as {error: {...}}.
import createCcredits from './ccredits.js';

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

// estimate(text) -> the estimate as an object, through an estimate session this façade owns: the module sends only
// the lines and members that changed since the result held here (core/include/ccredits/estimate_session.hpp), which
// are applied to it. Results are frozen and share their unchanged lines and members with the one before, so the page
// can tell what changed by identity; their members are in key order, as in the module's full text.
export function sessionEstimate(module) {
  const write = scenarioWriter(module);
  const decoder = new TextDecoder();
  const session = new module.EstimateSession();
  let held = null; // { serial, result }
  return (text) => {
    const changes = JSON.parse(decoder.decode(session.update(write(text), held?.serial ?? 0)));
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
  const estimate = sessionEstimate(module);
  // run() -> the result as an object; a failure of the core itself (never bad input) as {error}.
  const call = (run) => {
    try {
      return run();
    } catch (e) {
      return { error: { code: 'internal', message: `The calculator core failed: ${e?.message ?? e}` } };
    }
  };
  const asText = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  return {
    loadRates: (text, file) => call(() => JSON.parse(module.loadRates(text, file))),
    loadPlans: (text, file) => call(() => JSON.parse(module.loadPlans(text, file))),
    // columns: which header is which column ({destination: "Land", ..., currency: "EUR"}), or null.
    loadRateSheet: (text, file, sheet = '', columns = null) =>
      call(() => JSON.parse(module.loadRateSheet(text, file, sheet, columns ? JSON.stringify(columns) : ''))),
    // The loaded card as the core's JSON text (the same rates give the same text), or the text of {error} when no
    // card is loaded.
    ratesJson: () => module.ratesJson(),
    // The page's input while it is edited, through the session.
    estimate: (scenario) => call(() => estimate(asText(scenario))),
    // One estimate on its own, beside the session (a kept estimate in the side-by-side table), so the session's
    // held result stays the page's input.
    estimateAlone: (scenario) => call(() => JSON.parse(module.estimate(asText(scenario)))),
    simulate: (request) => call(() => JSON.parse(module.simulate(asText(request)))),
  };
}

export async function loadCalculator(options = {}) {
  return loadCalculatorFrom(await createCcredits(options));
}
