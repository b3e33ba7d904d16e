// Words → index terms, the same way for documents and queries: diacritics folded, Latin-script
// words stemmed with the English Snowball stemmer, Cyrillic words lowercased (ё → е) and stemmed with
// the Russian one, other scripts romanized by any-ascii. Each word gives exactly one term, so word
// positions (and phrase matching) survive.
import anyAscii from 'any-ascii';
import { newStemmer } from 'snowball-stemmers';
import { hasCyrillic } from './translit.js';

const english = newStemmer('english');
const russian = newStemmer('russian');

/** A word: letters, digits and combining marks, with inner apostrophes (people’s, don't). */
export const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;

export interface WordToken {
  surface: string;
  start: number;
  end: number;
}

export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ surface: m[0], start: m.index, end: m.index + m[0].length });
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
    const w = surface.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[\u0300-\u036f'’ʼ]/g, '');
    return w.length < 3 || HAS_DIGIT.test(w) ? w : russian.stem(w);
  }
  const folded = anyAscii(surface.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]/g, '');
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
  if (hasCyrillic(surface)) return surface.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[\u0300-\u036f'’ʼ]/g, '');
  return anyAscii(surface.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SPLIT_RE = /([^\p{L}\p{N}\p{M}'’ʼ]+)/u;
const SENTENCE_END = /[.!?;:…\n]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const EDGE_APOSTROPHES = /^['’ʼ]+|['’ʼ]+$/g;

/**
 * The terms of a text, space separated, in order. When `caps` is given, it collects the terms
 * written with a capital inside a sentence and never in lower case in this text: names, mostly.
 */
export function indexText(text: string, caps?: Set<string>, lower?: Set<string>): string {
  // split() with a capturing group alternates words and separators, and is much faster than matchAll.
  const parts = text.split(SPLIT_RE);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    let w = parts[i]!;
    if (w === '') continue;
    if (w.charCodeAt(0) === 39 || w.charCodeAt(0) === 8217 || w.charCodeAt(0) === 700 || /['’ʼ]$/.test(w)) {
      w = w.replace(EDGE_APOSTROPHES, '');
      if (w === '') continue;
    }
    const term = termOf(w);
    out.push(term);
    if (caps && lower) {
      const first = w[0]!;
      if (first >= 'a' && first <= 'z') lower.add(term);
      else if (first >= 'A' && first <= 'Z' || (first > '\x7f' && UPPER.test(first))) {
        if (out.length > 1 && !SENTENCE_END.test(parts[i - 1] ?? '.')) caps.add(term);
      } else if (first > '\x7f' && LOWER.test(first)) lower.add(term);
    }
  }
  return out.join(' ');
}
