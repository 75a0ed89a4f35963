// Module worker: imports a Teams PSTN usage report (.csv, .zip as Teams exports it, or Graph JSON) with the wasm
// importer (its own module, ccredits-import.js, which a first visit does not download), chunk by chunk from File.stream(), so the page stays responsive and memory stays bounded.
// Zips are read with the browser's DecompressionStream('deflate-raw'): the central directory first (a File can
// be sliced anywhere), then each .csv entry streamed through the decompressor into the importer.
// Messages in: {type: 'import', file, ratesText?, ratesFile?}, {type: 'cancel'}.
// Messages out: {type: 'progress', bytes, totalBytes, rows}, {type: 'done', report, stats}, {type: 'error', error}.
import createCcreditsImport from './ccredits-import.js';

const CHUNK = 1 << 20;
// Zip bombs (the same rule as the core's core/src/formats/zip_archive.cpp): a Teams export packs about 5 to 1,
// deflate at most 1000 to 1. Entries declaring more than 100 to 1 are refused, each entry stops at its declared
// size, and entries may not share packed bytes, so the work is bounded by 100 times the file's size whatever the
// zip claims.
const MAX_PACK_RATIO = 100;
const RATIO_SLACK = 1 << 20;
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

const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const bytesOf = async (blob) => new Uint8Array(await blob.arrayBuffer());

async function zipEntries(file) {
  const bad = (why) => new ImportError({ code: 'bad_zip', message: `Cannot read the zip: ${why}.`, file: file.name });
  const tailStart = Math.max(0, file.size - (22 + 65535));
  const tail = await bytesOf(file.slice(tailStart));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; --i) {
    if (u32(tail, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw bad('no central directory (is the download complete?)');
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (dirOffset === 0xffffffff || dirOffset + dirSize > file.size) throw bad('zip64 or a damaged directory');
  const dir = await bytesOf(file.slice(dirOffset, dirOffset + dirSize));
  const entries = [];
  let p = 0;
  for (let k = 0; k < count; ++k) {
    if (p + 46 > dir.length || u32(dir, p) !== 0x02014b50) throw bad('a damaged directory entry');
    const flags = u16(dir, p + 8), method = u16(dir, p + 10), compressed = u32(dir, p + 20), size = u32(dir, p + 24);
    const local = u32(dir, p + 42);
    const n = u16(dir, p + 28), x = u16(dir, p + 30), c = u16(dir, p + 32);
    const name = new TextDecoder().decode(dir.subarray(p + 46, p + 46 + n));
    p += 46 + n + x + c;
    if (!name.toLowerCase().endsWith('.csv')) continue;
    if (flags & 1) throw bad(`"${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw bad(`"${name}" uses an unsupported compression`);
    if (size > MAX_PACK_RATIO * compressed + RATIO_SLACK) {
      throw bad(`"${name}" would unpack to ${Math.floor(size / (compressed + 1))} times its packed size, which no Teams export does (a zip bomb?)`);
    }
    const header = await bytesOf(file.slice(local, local + 30));
    if (u32(header, 0) !== 0x04034b50) throw bad(`a damaged entry "${name}"`);
    const start = local + 30 + u16(header, 26) + u16(header, 28);
    entries.push({ name, method, start, end: start + compressed, local, size });
  }
  // Entries sharing their packed bytes (the overlapping-file zip bomb) never occur in a real zip.
  const byOffset = entries.slice().sort((a, b) => a.local - b.local);
  byOffset.forEach((e, k) => {
    if (e.end > (k + 1 < byOffset.length ? byOffset[k + 1].local : file.size)) {
      throw bad(`"${e.name}" overlaps another entry or the end of the file (a zip bomb?)`);
    }
  });
  if (entries.length === 0) throw new ImportError({ code: 'usage_not_report', message: 'The zip holds no .csv file.' });
  return entries;
}

async function run(file, ratesText, ratesFile) {
  modulePromise ??= createCcreditsImport();
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
  const check = (text) => {
    const result = JSON.parse(text);
    if (result.error) throw new ImportError(result.error);
    return result;
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
    const reader = stream.getReader();
    let unpacked = 0;
    try {
      for (;;) {
        if (cancelled) throw new ImportError({ code: 'cancelled', message: 'The import was cancelled.' });
        const { value, done } = await reader.read();
        if (done) break;
        if (!countCompressed) compressedBytes += value.length;
        unpacked += value.length;
        if (entry && unpacked > entry.size) {
          reader.cancel().catch(() => {});
          throw new ImportError({ code: 'bad_zip', file: file.name,
            message: `Cannot read the zip: "${entry.name}" unpacks to more than the ${entry.size} bytes its directory declares (a zip bomb?).` });
        }
        feed(value);
        progress(false);
      }
    } finally {
      reader.releaseLock();
    }
  };
  try {
    const head = await bytesOf(file.slice(0, 4));
    const isZip = head.length === 4 && u32(head, 0) === 0x04034b50;
    if (!isZip) {
      check(importer.nextFile(file.name));
      await pump(file.stream(), false);
    } else {
      for (const entry of await zipEntries(file)) {
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
    const { report, stats } = await run(message.file, message.ratesText, message.ratesFile);
    self.postMessage({ type: 'done', report, stats });
  } catch (e) {
    const error = e instanceof ImportError ? e.error
      : { code: 'import_failed', message: `The report could not be read: ${e?.message ?? e}` };
    self.postMessage({ type: 'error', error });
  }
};
