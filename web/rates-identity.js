// Which rates priced the figures, as a share link carries them: {name, currency, effective, hash}. The hash is of
// the card's canonical content: the core's own JSON text of the loaded card (Calculator::rates_json, the same for
// the same rates whether they came from JSON, CSV sheets or the workbook) without its "source" note, which names
// the files. It is 64-bit FNV-1a, shown as 12 hex digits (48 bits): it only has to tell one admin's rate cards
// apart from another's by accident, not resist forgery, since a link carries no rates, only which ones the sender
// used; the recipient's figures always come from the recipient's own loaded rates.

// 64-bit FNV-1a over UTF-8 bytes, in four 16-bit limbs (JavaScript numbers hold 53 bits, not 64).
export function fnv1a64(text) {
  const bytes = new TextEncoder().encode(text);
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2; // offset basis 0xcbf29ce484222325
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return [h3, h2, h1, h0].map((n) => n.toString(16).padStart(4, '0')).join('');
}

// cardText: the core's JSON text of the loaded card. name: what a person calls it ("Illustrative rates, EUR",
// "Teams-Tarife.xlsx"). shipped: the shipped card's file, so a recipient's page can load the same one.
export function ratesIdentity(cardText, { name, shipped } = {}) {
  const card = JSON.parse(cardText);
  const { source, ...content } = card;
  return {
    name: String(name ?? ''),
    currency: typeof card.currency === 'string' ? card.currency : '',
    effective: typeof card.effective === 'string' ? card.effective : '',
    hash: fnv1a64(JSON.stringify(content)).slice(0, 12),
    ...(shipped ? { shipped } : {}),
  };
}

// A link's rates member, checked: an object with short text members and a 12-digit hex hash, or null.
export function readLinkedRates(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const text = (v, max) => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max) : '');
  if (typeof value.hash !== 'string' || !/^[0-9a-f]{12}$/.test(value.hash)) return null;
  const rates = { name: text(value.name, 120), currency: text(value.currency, 3), effective: text(value.effective, 20), hash: value.hash };
  if (typeof value.shipped === 'string' && /^rates\/[a-z0-9-]+\.json$/.test(value.shipped)) rates.shipped = value.shipped;
  return rates;
}

// "Teams-Tarife.xlsx (EUR, effective 2026-12-01)"
export function describeRates(rates) {
  const details = [rates.currency, rates.effective ? `effective ${rates.effective}` : ''].filter(Boolean).join(', ');
  return `${rates.name || 'a rate card'}${details ? ` (${details})` : ''}`;
}
