// Importing a Teams PSTN usage report in a Web Worker (import-worker.js), off the page's thread.
//   importUsageReport(file, { onProgress({bytes, totalBytes, rows}), signal, ratesText, ratesFile, onStats })
//   -> Promise of core/CONTRACT.md's `usage` object. Rejects with an Error carrying `code` (and `line`, `file` when
//   known); aborting `signal` stops the worker at once and rejects with an AbortError.

// The importer's wasm, compiled once per page and handed to each import's worker. Compiling here starts while the
// worker still loads its scripts, instead of after them; and the compiled module keeps the optimized code the engine
// made for its hot loops during an import, so the next import starts with it. null when it cannot be compiled here:
// the worker then loads the module itself.
let compiledImporter = null;
function importerModule() {
  compiledImporter ??= WebAssembly.compileStreaming(fetch(new URL('./ccredits-import.wasm', import.meta.url)))
    .catch(() => {
      compiledImporter = null;
      return null;
    });
  return compiledImporter;
}

// The importer's CSV reader uses WebAssembly SIMD (wasm/README.md), which Safari has from 16.4 and Chrome, Edge and
// Firefox since 2021. The smallest module using a SIMD instruction tells whether this browser has it, so an older one
// gets a sentence instead of the engine's compile error.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0,
  253, 15, 253, 98, 11]);
const hasWasmSimd = () => WebAssembly.validate(SIMD_PROBE);

export function importUsageReport(file, { onProgress, signal, ratesText, ratesFile, onStats } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The import was cancelled.', 'AbortError'));
      return;
    }
    if (!hasWasmSimd()) {
      reject(Object.assign(new Error('This browser is too old to read usage reports: the importer needs WebAssembly SIMD, '
        + 'which Safari has from version 16.4 and Chrome, Edge and Firefox have had since 2021. Update the browser and '
        + 'import the file again.'), { code: 'browser_unsupported' }));
      return;
    }
    const worker = new Worker(new URL('./import-worker.js', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('The import was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'progress') {
        onProgress?.({ bytes: m.bytes, totalBytes: m.totalBytes, rows: m.rows });
      } else if (m.type === 'done') {
        finish();
        onStats?.(m.stats);
        resolve(m.report);
      } else if (m.type === 'error') {
        finish();
        reject(Object.assign(new Error(m.error.message), m.error));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(Object.assign(new Error(`The import worker failed: ${event.message ?? 'unknown error'}`),
        { code: 'import_failed' }));
    };
    importerModule().then((wasmModule) => {
      worker.postMessage({ type: 'import', file, ratesText, ratesFile, wasmModule });
    });
  });
}
