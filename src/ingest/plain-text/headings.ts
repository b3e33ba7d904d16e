// Why: where a book divides is the one structural fact a headerless text states, and it states it in a
// few conventional shapes: "CHAPTER I", "Chapter 12", "BOOK II", "PART ONE", a roman numeral alone
// ("IV."), a numeral over an all-capital title, and short all-capital lines. This module only
// recognises those shapes; book.ts decides which of them divide the book.
import type { Block } from '../../model/work.js';
import { dashes, toInlines } from './inline.js';
import { isAllCaps, titleCase } from './names.js';
import type { Para } from './paragraphs.js';

/** part: BOOK/PART/VOLUME; chapter: CHAPTER or a numeral; section: SECTION; matter: PREFACE, INTRODUCTION... */
export type Rank = 'part' | 'chapter' | 'section' | 'matter';

export interface SplitHeading {
  rank: Rank;
  /** The dividing word, lower case: "chapter", "part", "book", "preface"... ("chapter" for a bare numeral). */
  word: string;
  number?: number;
  /** The numbering as a title shows it: "Chapter V", "Part One", "IV.", "Preface". */
  label: string;
  /** The heading's own title after the numbering, as the source words it. */
  title?: string;
  /** A numeral standing alone, without a dividing word. */
  bare: boolean;
  /** The source lines of the heading (a numeral line and its title lines stay one heading). */
  lines: string[];
}

const RANK_OF: Record<string, Rank> = {
  chapter: 'chapter',
  chap: 'chapter',
  book: 'part',
  part: 'part',
  volume: 'part',
  vol: 'part',
  section: 'section',
};
const KEYWORD =
  /^(CHAPTER|Chapter|CHAP\.|Chap\.|BOOK|Book|PART|Part|VOLUME|Volume|VOL\.|Vol\.|SECTION|Section)\s+(?:(?:THE|The|the)\s+)?([IVXLCDM]+|\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?)\b\.?\s*(?:[-–—:.]+\s*)?(.*)$/;
const MATTER =
  /^(PREFACE|Preface|FOREWORD|Foreword|INTRODUCTION|Introduction|PROLOGUE|Prologue|EPILOGUE|Epilogue|APPENDIX|Appendix|AFTERWORD|Afterword|CONCLUSION|Conclusion|POSTSCRIPT|Postscript|PREFATORY NOTE|INTRODUCTORY NOTE)\b\.?(.*)$/;
const BARE_ROMAN = /^([IVXLC]+)\.?$/;
const ROMAN_TITLE = /^([IVXLC]+)\.\s+(.+)$/;
const STRICT_ROMAN = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The value of a roman numeral ("XIV" → 14), or undefined when it is not one. */
export function romanValue(s: string): number | undefined {
  if (!STRICT_ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** "XII", "12", "twelve", "twelfth", "twenty-one" → the number. */
export function numberOf(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const roman = romanValue(token.toUpperCase() === token ? token : '');
  if (roman !== undefined) return roman;
  const w = token.toLowerCase().split(/[- ]/);
  const one = (s: string) => {
    const u = UNITS.indexOf(s);
    if (u > 0) return u;
    const o = ORDINALS.indexOf(s);
    return o > 0 ? o : undefined;
  };
  const tens = (s: string) => {
    const base = s.replace(/ieth$/, 'y');
    const t = TENS.indexOf(base);
    return t >= 2 ? t * 10 : undefined;
  };
  if (w.length === 1) return one(w[0]!) ?? tens(w[0]!);
  if (w.length === 2) {
    const t = tens(w[0]!);
    const u = one(w[1]!);
    return t !== undefined && u !== undefined && u < 10 ? t + u : undefined;
  }
  return undefined;
}

const trimmed = (p: Para) => p.lines.map((l) => l.trim());

/** A line that can be a heading's title: short, and all capitals (or, when allowed, capitalised words). */
export function isTitleLine(line: string, allowTitleCase: boolean): boolean {
  const t = line.trim();
  if (!t || t.length > 90 || /[,;]$/.test(t) || /^["“‘(]/.test(t)) return false;
  if (isAllCaps(t)) return /\p{Lu}{2}/u.test(t);
  // A capitalised line ending in a full stop is a sentence ("Call me Ishmael."), not a title.
  if (!allowTitleCase || /[!.:]$/.test(t) || t.split(/\s+/).length > 12) return false;
  const words = t.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return /^\p{Lu}/u.test(t) && words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** A paragraph that divides the book, with its numbering and any title that comes with it. */
export function splitHeading(p: Para): SplitHeading | undefined {
  if (p.lines.length > 4 || p.text.length > 200) return undefined;
  const lines = trimmed(p);
  const first = lines[0]!;
  const rest = lines.slice(1);
  const k = KEYWORD.exec(first);
  if (k && first.length <= 100) {
    const word = k[1]!.toLowerCase().replace(/\.$/, '');
    const n = numberOf(k[2]!);
    const sameLine = k[3]!.trim();
    if (n !== undefined && (!sameLine || /^[\p{Lu}"“‘(_]/u.test(sameLine)) && rest.every((l) => isTitleLine(l, true))) {
      const title = [sameLine, ...rest].filter(Boolean).join(' ');
      const num = romanValue(k[2]!) !== undefined || /^\d/.test(k[2]!) ? k[2]! : titleCase(k[2]!.toUpperCase());
      const label = `${titleCase(k[1]!.replace(/\.$/, '').toUpperCase())} ${num}`;
      return {
        rank: RANK_OF[word]!,
        word: word === 'chap' ? 'chapter' : word === 'vol' ? 'volume' : word,
        number: n,
        label,
        bare: false,
        lines,
        ...(title ? { title } : {}),
      };
    }
  }
  const m = MATTER.exec(first);
  if (m && first.length <= 90 && (isAllCaps(first) || isTitleLine(first, true)) && rest.every((l) => isTitleLine(l, true))) {
    const word = m[1]!.toLowerCase();
    const title = [m[2]!.replace(/^[\s.:—–-]+/, ''), ...rest].filter(Boolean).join(' ');
    return { rank: 'matter', word, label: titleCase(m[1]!.toUpperCase()), bare: false, lines, ...(title ? { title } : {}) };
  }
  const r = BARE_ROMAN.exec(first);
  if (r && bareNumeralOk(r[1]!) && rest.length <= 3 && rest.every((l) => isTitleLine(l, false))) {
    const title = rest.join(' ');
    return { rank: 'chapter', word: 'chapter', number: romanValue(r[1]!)!, label: first, bare: true, lines, ...(title ? { title } : {}) };
  }
  const rt = ROMAN_TITLE.exec(first);
  if (rt && bareNumeralOk(rt[1]!) && isTitleLine(rt[2]!, false) && rest.every((l) => isTitleLine(l, false))) {
    return {
      rank: 'chapter',
      word: 'chapter',
      number: romanValue(rt[1]!)!,
      label: `${rt[1]}.`,
      bare: true,
      lines,
      title: [rt[2]!, ...rest].join(' '),
    };
  }
  return undefined;
}

/** C, D, L and M alone are more often letters of a list than chapter numbers. */
function bareNumeralOk(s: string): boolean {
  const n = romanValue(s);
  return n !== undefined && n <= 300 && !/^[CDLM]$/.test(s);
}

/** A numeral heading standing alone ("IV.") can take its title from the next paragraph ("AUSTRIA."). */
export function canTakeTitle(h: SplitHeading): boolean {
  return !h.title && h.rank !== 'matter';
}

/** A short all-capital line, or a short line in italics throughout: a heading inside a work. */
export function isSectionHeading(p: Para): boolean {
  if (p.lines.length > 2 || p.text.length > 120) return false;
  const t = p.text;
  if (/^["“‘]/.test(t) || /[,;!]$/.test(t)) return false;
  if (isAllCaps(t)) return /\p{Lu}{2}/u.test(t) && /\p{L}/u.test(t);
  const em = /^_([^_]+)_\.?$/.exec(t);
  return (
    p.lines.length === 1 && !!em && em[1]!.split(/\s+/).length <= 10 && /^\p{Lu}/u.test(em[1]!.replace(/^[\p{N}\p{P}\s]+/u, '') || 'x')
  );
}

/** The heading's title for lists: "Chapter V", "I. Bourgeois and Proletarians", "Chapter IV. Austria". */
export function displayTitle(h: SplitHeading): string {
  const title = h.title ? dashes(titleCase(h.title)).replace(/_/g, '').replace(/\.$/, '').trim() : '';
  const label = h.bare ? (title ? h.label : `Chapter ${h.label.replace(/\.$/, '')}`) : h.label;
  if (!title) return label;
  return /[.:]$/.test(label) ? `${label} ${title}` : `${label}. ${title}`;
}

/** A heading block from source lines: one heading, its lines kept apart by line breaks. */
export function headingBlock(lines: string[], level: number): Block {
  return { type: 'heading', level: Math.min(6, Math.max(1, level)), content: toInlines(lines.map((l) => l.trim()).join('\n')) };
}
