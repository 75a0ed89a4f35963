// The manual input in the URL fragment: "#s1." + base64url(deflate-raw(JSON)). The fragment never reaches a server;
// "s1" is the format version, so a later format can still read old links. Decoding rejects junk with a sentence.
const PREFIX = 's1.';
const MAX_FRAGMENT = 64 * 1024;
const MAX_JSON = 1024 * 1024;

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
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
    bytes = await pipe(fromBase64url(body), new DecompressionStream('deflate-raw'));
  } catch (e) {
    throw new Error(e.message.startsWith('The link') ? e.message : 'The link is damaged: its estimate part does not unpack.');
  }
  if (bytes.length > MAX_JSON) throw new Error('The link is damaged: it unpacks to too much data.');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('The link is damaged: its estimate is not readable JSON.');
  }
}
