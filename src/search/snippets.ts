// Snippets: the passage of a text that best shows why it matched, as escaped HTML with exactly the
// matched words in <mark>. Words are compared by index term, the way the index compared them, so a
// highlighted word is always one the query found (phrases: only where the whole phrase occurs).
import type { Highlight } from './expand.js';
import { foldWord, termOf, wordTokens, type WordToken } from './text.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const ASCII_START = /^[A-Za-z0-9]/;

/** Indexes of the tokens the query matched. */
export function matchedTokens(tokens: WordToken[], h: Highlight): Set<number> {
  const hit = new Set<number>();
  if (h.terms.size === 0 && h.prefixes.length === 0 && h.phrases.length === 0) return hit;
  const firsts = new Set<string>();
  for (const t of h.terms) firsts.add(t[0]!);
  for (const p of h.prefixes) firsts.add(p[0]!);
  for (const s of h.phrases) firsts.add(s[0]![0]!);
  const terms: (string | undefined)[] = new Array(tokens.length);
  const termAt = (i: number) => (terms[i] ??= termOf(tokens[i]!.surface));
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i]!.surface;
    // Cheap pre-check: an ASCII word can only match a term starting with its own first letter.
    if (ASCII_START.test(s) && !firsts.has(s[0]!.toLowerCase())) continue;
    const term = termAt(i);
    if (h.terms.has(term)) { hit.add(i); continue; }
    if (h.prefixes.length) {
      const folded = foldWord(s);
      if (h.prefixes.some((p) => folded.startsWith(p) || term.startsWith(p))) { hit.add(i); continue; }
    }
    for (const seq of h.phrases) {
      if (term !== seq[0] || i + seq.length > tokens.length) continue;
      if (seq.every((t, k) => termAt(i + k) === t)) for (let k = 0; k < seq.length; k++) hit.add(i + k);
    }
  }
  return hit;
}

function render(text: string, tokens: WordToken[], from: number, to: number, hit: Set<number>): string {
  let html = '';
  let pos = tokens[from]!.start;
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (!hit.has(i)) continue;
    html += escapeHtml(text.slice(pos, t.start));
    let end = i;
    while (end + 1 <= to && hit.has(end + 1) && /^[ \t]+$/.test(text.slice(tokens[end]!.end, tokens[end + 1]!.start))) end++;
    html += `<mark>${escapeHtml(text.slice(t.start, tokens[end]!.end))}</mark>`;
    pos = tokens[end]!.end;
    i = end;
  }
  html += escapeHtml(text.slice(pos, tokens[to]!.end));
  const trail = /^[^\p{L}\p{N}\s]{0,2}/u.exec(text.slice(tokens[to]!.end))?.[0] ?? '';
  return (html + escapeHtml(trail)).replace(/\s+/g, ' ').trim();
}

/** The best window of about `size` words around the matches, or undefined when nothing matched. */
export function snippet(text: string, h: Highlight, size = 30): string | undefined {
  const tokens = wordTokens(text);
  const hit = matchedTokens(tokens, h);
  if (hit.size === 0) return undefined;
  const positions = [...hit].sort((a, b) => a - b);
  let best = { from: 0, score: -1, count: 0 };
  for (const p of positions) {
    const from = Math.max(0, Math.min(p - 6, tokens.length - size));
    const inWin = positions.filter((q) => q >= from && q < from + size);
    const distinct = new Set(inWin.map((q) => termOf(tokens[q]!.surface))).size;
    if (distinct > best.score || (distinct === best.score && inWin.length > best.count)) best = { from, score: distinct, count: inWin.length };
  }
  const to = Math.min(tokens.length - 1, best.from + size - 1);
  return `${best.from > 0 ? '… ' : ''}${render(text, tokens, best.from, to, hit)}${to < tokens.length - 1 ? ' …' : ''}`;
}

/** The whole text (a title) with matched words marked. */
export function highlightAll(text: string, h: Highlight): string {
  const tokens = wordTokens(text);
  if (tokens.length === 0) return escapeHtml(text);
  const hit = matchedTokens(tokens, h);
  return escapeHtml(text.slice(0, tokens[0]!.start)) + render(text, tokens, 0, tokens.length - 1, hit) +
    escapeHtml(text.slice(tokens[tokens.length - 1]!.end).replace(/^[^\p{L}\p{N}\s]{0,2}/u, ''));
}

/** The opening words of a text, for results that matched only in the title or the names. */
export function lead(text: string, size = 30): string {
  const tokens = wordTokens(text);
  if (tokens.length === 0) return '';
  const to = Math.min(tokens.length - 1, size - 1);
  return `${render(text, tokens, 0, to, new Set())}${to < tokens.length - 1 ? ' …' : ''}`;
}
