// Bloom filters of the index terms of a block of text (./blocks.ts): a block whose filter holds
// none of a query's terms, nor the first term of any of its phrases, has no word the query matches.
// Prefixes compare unstemmed forms too, so a query with a prefix may match in any block.
import type { Highlight } from '../expand.js';

/** Bits per distinct term and probes: about 1.7% false positives. */
const BITS_PER_TERM = 10;
const K = 3;

/** Two 32-bit hashes of a term (FNV-1a and a multiplicative one), for double hashing. */
function hashes(t: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
  }
  return [a >>> 0, (b | 1) >>> 0];
}
const bit = (a: number, b: number, k: number, m: number) => ((a + k * b) >>> 0) % m;

/** The filter of a set of terms (at least 8 bytes). */
export function bloom(terms: Set<string>): Uint8Array {
  const bytes = Math.max(8, Math.ceil((terms.size * BITS_PER_TERM) / 8));
  const out = new Uint8Array(bytes);
  const m = bytes * 8;
  for (const t of terms) {
    // hashes(), inline: this runs for every distinct term of every block at index time.
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
    }
    a >>>= 0;
    b = (b | 1) >>> 0;
    for (let k = 0; k < K; k++) {
      const x = bit(a, b, k, m);
      out[x >>> 3]! |= 1 << (x & 7);
    }
  }
  return out;
}

/** What a block must hold for the query to match in it; null when any block may match. */
const probeMemo = new WeakMap<Highlight, [number, number][] | null>();
function probes(h: Highlight): [number, number][] | null {
  let p = probeMemo.get(h);
  if (p === undefined) {
    p = h.prefixes.length ? null : [...new Set([...h.terms, ...h.phrases.map((s) => s[0]!)])].map(hashes);
    probeMemo.set(h, p);
  }
  return p;
}

/** Whether the filter at buf[at, at + len) may hold a word the query matches. */
export function mayHold(buf: Uint8Array, at: number, len: number, h: Highlight): boolean {
  const p = probes(h);
  if (!p) return true;
  const m = len * 8;
  return p.some(([x, y]) => {
    for (let k = 0; k < K; k++) {
      const i = bit(x, y, k, m);
      if ((buf[at + (i >>> 3)]! & (1 << (i & 7))) === 0) return false;
    }
    return true;
  });
}
