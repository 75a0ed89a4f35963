// Module worker: imports a Teams PSTN usage report (.csv, .zip as Teams exports it, or Graph JSON) with the wasm
// importer (its own module, ccredits-import.js, which a first visit does not download), chunk by chunk from File.stream(), so the page stays responsive and memory stays bounded.
// Zips: the core reads the central directory (a File can be sliced anywhere) and names the .csv entries and their
// limits; each is streamed through the browser's DecompressionStream('deflate-raw') into the importer.
// Messages in: {type: 'import', file, ratesText?, ratesFile?, wasmModule?}, {type: 'cancel'}; wasmModule: the
// importer's WebAssembly.Module compiled by the page (usage-import.js), else the worker compiles its own.
// Messages out: {type: 'progress', bytes, totalBytes, rows}, {type: 'done', report, stats}, {type: 'error', error}.
import createCcreditsImport from './ccredits-import.js';

const CHUNK = 1 << 20;
// Packed bytes go to the decompressor 16 KB at a time, so one piece unpacks to at most about 16 MB.
const PACKED_PIECE = 16 * 1024;
const PROGRESS_EVERY_MS = 100;
let modulePromise = null;
let cancelled = false;

class ImportError extends Error {
  constructor(error) {
    super(error.message);
    this.error = error;
  }
}

const bytesOf = async (blob) => new Uint8Array(await blob.arrayBuffer());
const check = (text) => {
  const result = JSON.parse(text);
  if (result.error) throw new ImportError(result.error);
  return result;
};

// The .csv entries of a zip to inflate, as the core reads the directory (ccredits/usage_zip.hpp: the same entries
// and zip-bomb rules as `ccredits usage REPORT.zip`): [{name, method, start, end, unpacked}], where unpacked is
// the most bytes an entry may inflate to. Only the bytes the core asks for are read from the File.
async function zipEntries(module, file) {
  const reader = new module.UsageZipReader(file.name, file.size);
  try {
    const put = (bytes) => {
      const at = reader.buffer(bytes.length);
      module.HEAPU8.set(bytes, at);  // HEAPU8 read after buffer(): memory may have grown
      return bytes.length;
    };
    const end = check(reader.end(put(await bytesOf(file.slice(Math.max(0, file.size - (22 + 65535)))))));
    const directory = await bytesOf(file.slice(end.directory_offset, end.directory_offset + end.directory_size));
    const { entries, local_header_size: headerSize } = check(reader.directory(put(directory)));
    const out = [];
    for (const entry of entries) {
      const header = await bytesOf(file.slice(entry.local_offset, entry.local_offset + headerSize));
      const { start } = check(reader.dataOffset(entry.name, put(header)));
      // tooLarge: the core's error for an entry that inflates past its size, made while the reader lives.
      out.push({ name: entry.name, method: entry.method, start, end: start + entry.packed, unpacked: entry.unpacked,
        tooLarge: new ImportError(JSON.parse(reader.tooLarge(entry.name)).error) });
    }
    return out;
  } finally {
    reader.delete();
  }
}

// A stream's chunks, read into two buffers of CHUNK bytes in turn when the stream allows it (a file's bytes: the
// browser fills one while the core reads the other, which the next read then reuses) rather than into a new buffer
// per chunk: with a new buffer for each chunk, a third of a large import's time in this worker went neither to
// the importer nor to waiting for the file (tests/bench/README.md). Streams that make their own chunks (a zip
// entry's inflated bytes) are read as they come.
// read() -> {value, done}; giveBack(value): its buffer may be read into again; cancel(); release().
function chunkReader(stream) {
  let byob = null;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    const reader = stream.getReader();
    return {
      read: () => reader.read(),
      giveBack() {},
      cancel: () => reader.cancel().catch(() => {}),
      release: () => reader.releaseLock(),
    };
  }
  const spare = [new ArrayBuffer(CHUNK), new ArrayBuffer(CHUNK)];
  return {
    read: () => byob.read(new Uint8Array(spare.pop() ?? new ArrayBuffer(CHUNK))),
    giveBack: (value) => { spare.push(value.buffer); },
    cancel: () => byob.cancel().catch(() => {}),
    release: () => byob.releaseLock(),
  };
}

// The importer instantiated from the page's compiled module, or fetched and compiled by Emscripten's loader.
function loadImporter(wasmModule) {
  if (!wasmModule) return createCcreditsImport();
  return new Promise((resolve, reject) => {
    createCcreditsImport({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule), reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

async function run(file, ratesText, ratesFile, wasmModule) {
  modulePromise ??= loadImporter(wasmModule);
  const module = await modulePromise;
  if (ratesText) {
    const info = JSON.parse(module.loadRates(ratesText, ratesFile ?? 'rates.json'));
    if (info.error) throw new ImportError(info.error);
  }
  const started = performance.now();
  const importer = new module.UsageImporter();
  let heapPeak = module.HEAP8.length;
  let compressedBytes = 0;
  let rows = 0;
  let lastProgress = 0;
  const progress = (force) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    self.postMessage({ type: 'progress', bytes: compressedBytes, totalBytes: file.size, rows });
  };
  const feed = (bytes) => {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      const piece = bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
      const ptr = importer.buffer(piece.length);
      module.HEAPU8.set(piece, ptr);  // HEAPU8 read after buffer(): memory may have grown
      rows = check(importer.feed(piece.length)).rows;
    }
    heapPeak = Math.max(heapPeak, module.HEAP8.length);
  };
  const pump = async (stream, countCompressed, entry) => {
    const reader = chunkReader(stream);
    // The next chunk is asked for before this one is fed, so the browser reads (or inflates) it while the core
    // works, rather than the worker waiting for each read in turn. A read still pending when the loop throws is
    // rejected by release(); that rejection is expected, not an error.
    const read = () => {
      const next = reader.read();
      next.catch(() => {});
      return next;
    };
    let next = read();
    let unpacked = 0;
    try {
      for (;;) {
        if (cancelled) throw new ImportError({ code: 'cancelled', message: 'The import was cancelled.' });
        const { value, done } = await next;
        if (done) break;
        next = read();
        if (!countCompressed) compressedBytes += value.length;
        unpacked += value.length;
        if (entry && unpacked > entry.unpacked) {
          reader.cancel();
          throw entry.tooLarge;
        }
        feed(value);
        reader.giveBack(value);
        progress(false);
      }
    } finally {
      reader.release();
    }
  };
  try {
    const head = await bytesOf(file.slice(0, 4));
    const isZip = head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
    if (!isZip) {
      check(importer.nextFile(file.name));
      await pump(file.stream(), false);
    } else {
      for (const entry of await zipEntries(module, file)) {
        check(importer.nextFile(entry.name));
        const counter = new TransformStream({
          transform(chunk, controller) {
            compressedBytes += chunk.length;
            for (let i = 0; i < chunk.length; i += PACKED_PIECE) controller.enqueue(chunk.subarray(i, i + PACKED_PIECE));
          },
        });
        let stream = file.slice(entry.start, entry.end).stream().pipeThrough(counter);
        if (entry.method === 8) stream = stream.pipeThrough(new DecompressionStream('deflate-raw'));
        await pump(stream, true, entry);
      }
    }
    const report = check(importer.finish());
    heapPeak = Math.max(heapPeak, module.HEAP8.length);
    rows = report.rows;
    compressedBytes = file.size;
    progress(true);
    return { report, stats: { heap_peak_bytes: heapPeak, ms: Math.round(performance.now() - started) } };
  } finally {
    importer.delete();
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  if (message.type !== 'import') return;
  cancelled = false;
  try {
    const { report, stats } = await run(message.file, message.ratesText, message.ratesFile, message.wasmModule);
    self.postMessage({ type: 'done', report, stats });
  } catch (e) {
    const error = e instanceof ImportError ? e.error
      : { code: 'import_failed', message: `The report could not be read: ${e?.message ?? e}` };
    self.postMessage({ type: 'error', error });
  }
};
