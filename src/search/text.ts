// Words → index terms, the same way for documents and queries: diacritics folded, Latin-script
// words stemmed with the English Snowball stemmer, Cyrillic words lowercased (ё → е) and stemmed with
// the Russian one, other scripts romanized by any-ascii. Each word gives exactly one term, so word
// positions (and phrase matching) survive.
import anyAscii from 'any-ascii';
import { newStemmer } from 'snowball-stemmers';
import { hasCyrillic } from './translit.js';

const english = newStemmer('english');
const russian = newStemmer('russian');

// The same definition as a table over UTF-16 code units (1 = word character, 2 = apostrophe), so
// that scanning a text is a loop over integers rather than a Unicode regular expression.
const CHAR = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (c >= 0xd800 && c <= 0xdfff)
    CHAR[c] = 1; // astral letters (surrogate pairs) count as word characters
  else if (/[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c))) CHAR[c] = 1;
}
for (const a of "'’ʼ") CHAR[a.charCodeAt(0)] = 2;

export interface WordToken {
  surface: string;
  start: number;
  end: number;
}

/** Calls `each(start, end)` for every word of the text, in order. */
export function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && CHAR[text.charCodeAt(i)] !== 1) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && CHAR[text.charCodeAt(i)] === 1) i++;
      if (i + 1 < n && CHAR[text.charCodeAt(i)] === 2 && CHAR[text.charCodeAt(i + 1)] === 1) i++;
      else break;
    }
    each(start, i);
  }
}

export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  scanWords(text, (start, end) => out.push({ surface: text.slice(start, end), start, end }));
  return out;
}

const ASCII_WORD = /^[A-Za-z0-9'’]+$/;
const HAS_DIGIT = /\d/;

function latinTerm(lower: string): string {
  let w = lower;
  if (w.includes("'") || w.includes('’')) w = w.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length < 3 || HAS_DIGIT.test(w)) return w;
  return english.stem(w);
}

function computeTerm(surface: string): string {
  if (ASCII_WORD.test(surface)) return latinTerm(surface.toLowerCase());
  if (hasCyrillic(surface)) {
    const w = surface
      .normalize('NFC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[\u0300-\u036f'’ʼ]/g, '');
    return w.length < 3 || HAS_DIGIT.test(w) ? w : russian.stem(w);
  }
  const folded = anyAscii(surface.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return folded ? latinTerm(folded) : surface.toLowerCase();
}

// Word frequencies are Zipfian, so a bounded memo turns most lookups into one Map.get.
const memo = new Map<string, string>();
const MEMO_MAX = 400_000;

/** The index term of one word as written. */
export function termOf(surface: string): string {
  let t = memo.get(surface);
  if (t === undefined) {
    t = computeTerm(surface);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(surface, t);
  }
  return t;
}

/** Folded, unstemmed form (for prefix queries): "Diplom" → "diplom", "Šaum" → "saum". */
export function foldWord(surface: string): string {
  if (ASCII_WORD.test(surface)) return surface.toLowerCase().replace(/['’]/g, '');
  if (hasCyrillic(surface))
    return surface
      .normalize('NFC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[\u0300-\u036f'’ʼ]/g, '');
  return anyAscii(surface.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function sentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ; : newline …
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 || c === 0x2026) return true;
  }
  return false;
}

/**
 * The terms of a text, space separated, in order. When `caps` is given, it collects the terms
 * written with a capital inside a sentence and never in lower case in this text: names, mostly.
 */
export function indexText(text: string, caps?: Set<string>, lower?: Set<string>): string {
  let out = '';
  let lastEnd = -1;
  scanWords(text, (start, end) => {
    const term = termOf(text.slice(start, end));
    if (caps && lower) {
      const c = text.charCodeAt(start);
      if (c >= 97 && c <= 122) lower.add(term);
      else if ((c >= 65 && c <= 90) || (c > 127 && UPPER.test(text[start]!))) {
        if (lastEnd >= 0 && !sentenceBreak(text, lastEnd, start)) caps.add(term);
      } else if (c > 127 && LOWER.test(text[start]!)) lower.add(term);
    }
    out = lastEnd < 0 ? term : `${out} ${term}`;
    lastEnd = end;
  });
  return out;
}
