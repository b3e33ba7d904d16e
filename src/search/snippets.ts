// Snippets: the passage of a text that best shows why it matched, as escaped HTML with exactly the
// matched words in <mark>. Words are compared by index term, the way the index compared them, so a
// highlighted word is always one the query found (phrases: only where the whole phrase occurs).
// Words are read only as far as the choice needs (up to the 50th match, and a window beyond it),
// and a word source may skip parts that cannot match (see ./sqlite/blocks.ts).
import type { Highlight } from './expand.js';
import { foldWord, scanWords, termOf } from './text.js';
import { escapeHtml } from '../model/escape.js';
import type { Snippet } from '../model/search.js';

/** Word boundaries of a text (two parallel arrays: no object per word, long texts stay cheap). */
interface WordList {
  text: string;
  starts: number[];
  ends: number[];
}

/** The words of one chunk of text, by index (offsets are the chunk's). */
export interface ChunkWords {
  /** The number of words, or at least `k` of them when the chunk has more (then more may exist). */
  upTo(k: number): number;
  /** The first word from `i` on that may match `h` (i itself unless words can be skipped); -1 after the last. */
  candidate(i: number, h: Highlight): number;
  start(i: number): number;
  end(i: number): number;
  /** Word i as written. */
  surface(i: number): string;
  /** The first UTF-16 code unit of word i. */
  firstCode(i: number): number;
  /**
   * The chunk's text holding words from..to, from at most the first one's start to at least the
   * last one's end, and past it up to two characters or to a space (a passage may end with
   * punctuation), with the chunk offset of its first character.
   */
  around(from: number, to: number): { text: string; base: number };
}

/**
 * The words of a text, found piece by piece as they are asked for. Pieces end before a space, which
 * is never part of a word, so the words found are exactly those of the whole text.
 */
class Words implements WordList, ChunkWords {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private pos = 0;
  private piece = 512;
  private done: boolean;

  constructor(
    readonly text: string,
    known?: WordList,
  ) {
    this.done = text.length === 0;
    if (known) {
      this.starts = known.starts;
      this.ends = known.ends;
      this.done = true;
    }
  }

  upTo(k: number): number {
    while (this.starts.length < k && !this.done) this.more();
    return this.starts.length;
  }

  all(): number {
    return this.upTo(Infinity);
  }

  candidate(i: number): number {
    return this.upTo(i + 1) > i ? i : -1;
  }

  surface(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
  firstCode(i: number): number {
    return this.text.charCodeAt(this.starts[i]!);
  }
  start(i: number): number {
    return this.starts[i]!;
  }
  end(i: number): number {
    return this.ends[i]!;
  }
  around(): { text: string; base: number } {
    return { text: this.text, base: 0 };
  }

  private more(): void {
    const { text, pos: from } = this;
    let to = from + this.piece >= text.length ? text.length : text.indexOf(' ', from + this.piece);
    if (to < 0) to = text.length;
    const { starts, ends } = this;
    scanWords(from === 0 && to === text.length ? text : text.slice(from, to), (s, e) => {
      starts.push(s + from);
      ends.push(e + from);
    });
    this.pos = to;
    this.done = to >= text.length;
    if (this.piece < 16_384) this.piece *= 2;
  }
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * ASCII characters that cannot begin a matching word: an ASCII word can only match a term starting
 * with its own first letter. One table per highlight, shared by every text it marks.
 */
const skipTables = new WeakMap<Highlight, Uint8Array>();
function skipTable(h: Highlight): Uint8Array {
  let skip = skipTables.get(h);
  if (skip) return skip;
  const firsts = new Set<string>();
  for (const t of h.terms) firsts.add(t[0]!);
  for (const p of h.prefixes) firsts.add(p[0]!);
  for (const s of h.phrases) firsts.add(s[0]![0]!);
  skip = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isAsciiAlnum(c) && !firsts.has(String.fromCharCode(c).toLowerCase())) skip[c] = 1;
  skipTables.set(h, skip);
  return skip;
}

const nothing = (h: Highlight) => h.terms.size === 0 && h.prefixes.length === 0 && h.phrases.length === 0;

function match(w: ChunkWords, h: Highlight, limit: number): Set<number> {
  const hit = new Set<number>();
  if (nothing(h)) return hit;
  const skip = skipTable(h);
  const termAt = (i: number) => termOf(w.surface(i));
  for (let i = w.candidate(0, h); i >= 0 && hit.size < limit; i = w.candidate(i + 1, h)) {
    // Cheap pre-check: an ASCII word can only match a term starting with its own first letter.
    const c = w.firstCode(i);
    if (c < 128 && skip[c] === 1) continue;
    const s = w.surface(i);
    const term = termOf(s);
    if (h.terms.has(term)) {
      hit.add(i);
      continue;
    }
    if (h.prefixes.length) {
      const folded = foldWord(s);
      if (h.prefixes.some((p) => folded.startsWith(p) || term.startsWith(p))) {
        hit.add(i);
        continue;
      }
    }
    for (const seq of h.phrases) {
      if (term !== seq[0] || w.upTo(i + seq.length) < i + seq.length) continue;
      if (seq.every((t, k) => termAt(i + k) === t)) for (let k = 0; k < seq.length; k++) hit.add(i + k);
    }
  }
  return hit;
}

function render(w: ChunkWords, from: number, to: number, hit: Set<number>): string {
  const { text, base } = w.around(from, to);
  let html = '';
  let pos = w.start(from) - base;
  for (let i = from; i <= to; i++) {
    if (!hit.has(i)) continue;
    html += escapeHtml(text.slice(pos, w.start(i) - base));
    let end = i;
    while (end + 1 <= to && hit.has(end + 1) && /^[ \t]+$/.test(text.slice(w.end(end) - base, w.start(end + 1) - base))) end++;
    html += `<mark>${escapeHtml(text.slice(w.start(i) - base, w.end(end) - base))}</mark>`;
    pos = w.end(end) - base;
    i = end;
  }
  const last = w.end(to) - base;
  html += escapeHtml(text.slice(pos, last));
  const trail = /^[^\p{L}\p{N}\s]{0,2}/u.exec(text.slice(last, last + 2))?.[0] ?? '';
  return (html + escapeHtml(trail)).replace(/\s+/g, ' ').trim();
}

/** Chunks of about 20,000 characters, ending at a space: the passage is chosen in the first that matches. */
export const CHUNK = 20_000;

/** Where the chunk starting at `off` ends: about 20,000 characters on, at a space. */
export function chunkEnd(text: string, off: number): number {
  const end = Math.min(text.length, off + CHUNK);
  if (end >= text.length) return end;
  const space = text.indexOf(' ', end);
  return space < 0 ? text.length : space;
}

/** A chunk's passage with the marks of a text's beginning and end: "… " before, " …" after. */
export function framed(found: string, first: boolean, last: boolean): string {
  return `${!first && !found.startsWith('… ') ? '… ' : ''}${found}${!last && !found.endsWith(' …') ? ' …' : ''}`;
}

/**
 * The best window of about `size` words around the matches, or undefined when nothing matched.
 * Long texts are read in pieces of about 20,000 characters, and the passage is chosen in the first
 * piece that matches, so a book-length work costs no more than a letter.
 */
export function snippet(text: string, h: Highlight, size = 30): string | undefined {
  for (let off = 0; off < text.length; ) {
    const end = chunkEnd(text, off);
    const found = passage(new Words(text.slice(off, end)), h, size);
    if (found) return framed(found, off === 0, end >= text.length);
    off = end;
  }
  return undefined;
}

/** The best window of about `size` words of one chunk, or undefined when none of its words matched. */
export function passage(w: ChunkWords, h: Highlight, size: number): string | undefined {
  const hit = match(w, h, 50);
  if (hit.size === 0) return undefined;
  const positions = [...hit].sort((a, b) => a - b);
  // The words after the last match decide only whether a window runs into the end of the text:
  // knowing a window's width beyond the last one is as good as knowing them all.
  const n = w.upTo(Math.max(0, positions[positions.length - 1]! - 6) + size + 1);
  const termOfWord = positions.map((i) => termOf(w.surface(i)));
  let best = { from: 0, score: -1, count: 0 };
  for (const p of positions) {
    const from = Math.max(0, Math.min(p - 6, n - size));
    const inWin: string[] = [];
    for (let k = 0; k < positions.length; k++) if (positions[k]! >= from && positions[k]! < from + size) inWin.push(termOfWord[k]!);
    const distinct = new Set(inWin).size;
    if (distinct > best.score || (distinct === best.score && inWin.length > best.count))
      best = { from, score: distinct, count: inWin.length };
  }
  const to = Math.min(n - 1, best.from + size - 1);
  return `${best.from > 0 ? '… ' : ''}${render(w, best.from, to, hit)}${to < n - 1 ? ' …' : ''}`;
}

/** The whole text (a title) with matched words marked. */
export function highlightAll(text: string, h: Highlight): string {
  const w = new Words(text);
  const n = w.all();
  if (n === 0) return escapeHtml(text);
  return (
    escapeHtml(text.slice(0, w.starts[0])) +
    render(w, 0, n - 1, match(w, h, Infinity)) +
    escapeHtml(text.slice(w.ends[n - 1]).replace(/^[^\p{L}\p{N}\s]{0,2}/u, ''))
  );
}

const NONE = new Set<number>();
/** How much of a text a lead reads. */
export const LEAD_CHARS = 4000;

/** The opening words of a text, for results that matched only in the title or the names. */
export function lead(text: string, size = 30): string {
  const w = new Words(text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text);
  // One word past the lead tells whether there is more.
  const n = w.upTo(size + 1);
  if (n === 0) return '';
  const to = Math.min(n - 1, size - 1);
  return `${render(w, 0, to, NONE)}${to < n - 1 || text.length > LEAD_CHARS ? ' …' : ''}`;
}

/** Where a hit's snippets come from: its text and notes (each however stored) and its header. */
export interface SnippetFields {
  /** The best passage of the text, or undefined. */
  body(h: Highlight): string | undefined;
  /** The best passage of the notes, or undefined (also when there are none). */
  notes(h: Highlight): string | undefined;
  header: string;
  /** The opening of the text, or undefined when there is no text. */
  lead(): string | undefined;
}

/**
 * A hit's snippets: the best passage of the text and of the notes; the header's statements when
 * neither matched; the opening of the text when nothing did (the match was in the title or names).
 */
export function snippetsOf(f: SnippetFields, h: Highlight): Snippet[] {
  const out: Snippet[] = [];
  const inBody = f.body(h);
  if (inBody) out.push({ field: 'body', html: inBody });
  const notes = f.notes(h);
  if (notes) out.push({ field: 'notes', html: notes });
  const header = out.length ? undefined : snippet(f.header, h);
  if (header) out.push({ field: 'header', html: header });
  const opening = out.length ? undefined : f.lead();
  if (opening !== undefined) out.push({ field: 'body', html: opening });
  return out;
}

/** The plain texts of a work that snippets come from (see ./document.ts). */
export interface SnippetTexts {
  body: string;
  notes: string;
  header: string;
}

export function hitSnippets(t: SnippetTexts, h: Highlight): Snippet[] {
  return snippetsOf(
    {
      body: (x) => snippet(t.body, x),
      notes: (x) => (t.notes ? snippet(t.notes, x) : undefined),
      header: t.header,
      lead: () => (t.body ? lead(t.body) : undefined),
    },
    h,
  );
}
