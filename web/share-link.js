// The manual input in the URL fragment: "#s1." + base64url(deflate-raw(JSON)). The fragment never reaches a server;
// "s1" is the format version, so a later format can still read old links. Decoding rejects junk with a sentence.
const PREFIX = 's1.';
const MAX_FRAGMENT = 64 * 1024;
const MAX_JSON = 1024 * 1024;

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

// deflate-raw bytes -> at most `limit` inflated bytes. The input goes in 1 KB at a time (deflate expands 1 KB to at
// most about 1 MB) and reading stops as soon as the output passes the limit, so a deflate bomb in a 64 KB link
// costs about limit + 1 MB of memory, not the gigabyte it would unpack to.
async function inflateAtMost(bytes, limit) {
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  const writing = (async () => {
    for (let i = 0; i < bytes.length; i += 1024) await writer.write(bytes.subarray(i, i + 1024));
    await writer.close();
  })();
  writing.catch(() => {}); // a damaged stream fails the read below; the writer's copy of that error is not news
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new Error('The link is damaged: it unpacks to too much data.');
    }
    parts.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('The link is damaged: it holds characters a share link never has.');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeShare(scenario) {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return PREFIX + toBase64url(await pipe(json, new CompressionStream('deflate-raw')));
}

// fragment (without '#') -> scenario object. Throws Error(message) for anything that is not a share link.
export async function decodeShare(fragment) {
  if (!fragment.startsWith(PREFIX)) {
    const version = /^s(\d+)\./.exec(fragment);
    throw new Error(version
      ? `This link was made by a newer version of the calculator (format s${version[1]}); reload the page to update it.`
      : 'The link does not hold a ccredits estimate.');
  }
  const body = fragment.slice(PREFIX.length);
  if (body.length === 0 || body.length > MAX_FRAGMENT) throw new Error('The link is damaged: its estimate part is empty or too long.');
  let bytes;
  try {
    bytes = await inflateAtMost(fromBase64url(body), MAX_JSON);
  } catch (e) {
    throw new Error(e.message.startsWith('The link') ? e.message : 'The link is damaged: its estimate part does not unpack.');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('The link is damaged: its estimate is not readable JSON.');
  }
}
