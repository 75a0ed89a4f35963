// Microsoft's rate workbook (.xlsx) read in the browser, nothing uploaded. Imported by the rates panel only when an
// admin chooses a workbook, with its own wasm module (ccredits-workbook.js, wasm/workbook_bindings.cpp), so a first
// visit downloads none of it. The module reads the zip directory, checks the zip-bomb rules and reads the XML; this
// file only slices the File and inflates the parts the module names with DecompressionStream, stopping each at the
// size the zip declares. Returns the card as ccredits.rates/1 JSON text, or throws {error} as the core gives it.
let modulePromise = null;

export class WorkbookError extends Error {
  constructor(error) {
    super(error.message);
    this.error = error;
  }
}

const bytesOf = async (blob) => new Uint8Array(await blob.arrayBuffer());

// A part's inflated bytes, never more than `limit` (the module refuses a part larger than it declares).
async function inflate(blob, method, limit, name, file) {
  let stream = blob.stream();
  if (method === 8) stream = stream.pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const pieces = [];
  let size = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw new WorkbookError({ code: 'bad_zip', file, message: `Cannot read the zip: "${name}" is damaged (deflate).` });
    }
    const { value, done } = step;
    if (done) break;
    pieces.push(value);
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

// file: a File (or a Blob with a name). columns: which header is which column ({destination: "Land", ...}) for
// sheets whose headers are not recognised, or null. createModule: for tests; the page uses the module next to this
// file.
export async function workbookToRateCard(file, { columns = null, createModule } = {}) {
  modulePromise ??= (createModule ? Promise.resolve(createModule)
    : import('./ccredits-workbook.js').then((m) => m.default)).then((create) => create());
  const module = await modulePromise;
  const reader = new module.RateWorkbookReader(file.name, file.size);
  try {
    const put = (bytes) => {
      const at = reader.buffer(bytes.length);
      module.HEAPU8.set(bytes, at);  // HEAPU8 read after buffer(): memory may have grown
      return bytes.length;
    };
    const check = (text) => {
      const result = JSON.parse(text);
      if (result.error) throw new WorkbookError(result.error);
      return result;
    };
    check(reader.signature(put(await bytesOf(file.slice(0, 8)))));
    const end = check(reader.end(put(await bytesOf(file.slice(Math.max(0, file.size - (22 + 65535)))))));
    const directory = await bytesOf(file.slice(end.directory_offset, end.directory_offset + end.directory_size));
    const { parts, local_header_size: headerSize } = check(reader.directory(put(directory)));
    for (const part of parts) {
      const header = await bytesOf(file.slice(part.local_offset, part.local_offset + headerSize));
      const { start } = check(reader.dataOffset(part.name, put(header)));
      const bytes = await inflate(file.slice(start, start + part.packed), part.method, part.unpacked, part.name, file.name);
      check(reader.addPart(part.name, put(bytes)));
    }
    const card = reader.card(columns ? JSON.stringify(columns) : '');
    if (card.startsWith('{"error"')) check(card);
    return card;
  } finally {
    reader.delete();
  }
}
