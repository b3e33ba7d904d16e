// Snippets: the passage of a text that best shows why it matched, as escaped HTML with exactly the
// matched words in <mark>. Words are compared by index term, the way the index compared them, so a
// highlighted word is always one the query found (phrases: only where the whole phrase occurs).
import type { Highlight } from './expand.js';
import { foldWord, scanWords, termOf } from './text.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** Word boundaries of a text (two parallel arrays: no object per word, long texts stay cheap). */
interface Words { text: string; starts: number[]; ends: number[] }

function words(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  scanWords(text, (s, e) => { starts.push(s); ends.push(e); });
  return { text, starts, ends };
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Indexes of the words the query matched (the first `limit` or so: enough to choose a passage). */
export function matchedWords(w: Words, h: Highlight, limit = Infinity): Set<number> {
  const hit = new Set<number>();
  if (h.terms.size === 0 && h.prefixes.length === 0 && h.phrases.length === 0) return hit;
  const firsts = new Set<string>();
  for (const t of h.terms) firsts.add(t[0]!);
  for (const p of h.prefixes) firsts.add(p[0]!);
  for (const s of h.phrases) firsts.add(s[0]![0]!);
  const n = w.starts.length;
  const terms: (string | undefined)[] = new Array(n);
  const termAt = (i: number) => (terms[i] ??= termOf(w.text.slice(w.starts[i], w.ends[i])));
  for (let i = 0; i < n && hit.size < limit; i++) {
    // Cheap pre-check: an ASCII word can only match a term starting with its own first letter.
    const c = w.text.charCodeAt(w.starts[i]!);
    if (isAsciiAlnum(c) && !firsts.has(String.fromCharCode(c).toLowerCase())) continue;
    const term = termAt(i);
    if (h.terms.has(term)) { hit.add(i); continue; }
    if (h.prefixes.length) {
      const folded = foldWord(w.text.slice(w.starts[i], w.ends[i]));
      if (h.prefixes.some((p) => folded.startsWith(p) || term.startsWith(p))) { hit.add(i); continue; }
    }
    for (const seq of h.phrases) {
      if (term !== seq[0] || i + seq.length > n) continue;
      if (seq.every((t, k) => termAt(i + k) === t)) for (let k = 0; k < seq.length; k++) hit.add(i + k);
    }
  }
  return hit;
}

function render(w: Words, from: number, to: number, hit: Set<number>): string {
  const { text, starts, ends } = w;
  let html = '';
  let pos = starts[from]!;
  for (let i = from; i <= to; i++) {
    if (!hit.has(i)) continue;
    html += escapeHtml(text.slice(pos, starts[i]));
    let end = i;
    while (end + 1 <= to && hit.has(end + 1) && /^[ \t]+$/.test(text.slice(ends[end], starts[end + 1]))) end++;
    html += `<mark>${escapeHtml(text.slice(starts[i], ends[end]))}</mark>`;
    pos = ends[end]!;
    i = end;
  }
  html += escapeHtml(text.slice(pos, ends[to]));
  const trail = /^[^\p{L}\p{N}\s]{0,2}/u.exec(text.slice(ends[to], ends[to]! + 2))?.[0] ?? '';
  return (html + escapeHtml(trail)).replace(/\s+/g, ' ').trim();
}

const CHUNK = 20_000;

/**
 * The best window of about `size` words around the matches, or undefined when nothing matched.
 * Long texts are read in pieces of about 20,000 characters, and the passage is chosen in the first
 * piece that matches, so a book-length work costs no more than a letter.
 */
export function snippet(text: string, h: Highlight, size = 30): string | undefined {
  for (let off = 0; off < text.length;) {
    let end = Math.min(text.length, off + CHUNK);
    if (end < text.length) {
      const space = text.indexOf(' ', end);
      end = space < 0 ? text.length : space;
    }
    const found = passage(text.slice(off, end), h, size);
    if (found) return `${off > 0 && !found.startsWith('… ') ? '… ' : ''}${found}${end < text.length && !found.endsWith(' …') ? ' …' : ''}`;
    off = end;
  }
  return undefined;
}

function passage(text: string, h: Highlight, size: number): string | undefined {
  const w = words(text);
  const hit = matchedWords(w, h, 50);
  if (hit.size === 0) return undefined;
  const n = w.starts.length;
  const positions = [...hit].sort((a, b) => a - b);
  const termOfWord = (i: number) => termOf(text.slice(w.starts[i], w.ends[i]));
  let best = { from: 0, score: -1, count: 0 };
  for (const p of positions) {
    const from = Math.max(0, Math.min(p - 6, n - size));
    const inWin = positions.filter((q) => q >= from && q < from + size);
    const distinct = new Set(inWin.map(termOfWord)).size;
    if (distinct > best.score || (distinct === best.score && inWin.length > best.count)) best = { from, score: distinct, count: inWin.length };
  }
  const to = Math.min(n - 1, best.from + size - 1);
  return `${best.from > 0 ? '… ' : ''}${render(w, best.from, to, hit)}${to < n - 1 ? ' …' : ''}`;
}

/** The whole text (a title) with matched words marked. */
export function highlightAll(text: string, h: Highlight): string {
  const w = words(text);
  const n = w.starts.length;
  if (n === 0) return escapeHtml(text);
  return escapeHtml(text.slice(0, w.starts[0])) + render(w, 0, n - 1, matchedWords(w, h)) +
    escapeHtml(text.slice(w.ends[n - 1]).replace(/^[^\p{L}\p{N}\s]{0,2}/u, ''));
}

/** The opening words of a text, for results that matched only in the title or the names. */
export function lead(text: string, size = 30): string {
  const w = words(text.length > 4000 ? text.slice(0, 4000) : text);
  const n = w.starts.length;
  if (n === 0) return '';
  const to = Math.min(n - 1, size - 1);
  return `${render(w, 0, to, new Set())}${to < n - 1 || text.length > 4000 ? ' …' : ''}`;
}
