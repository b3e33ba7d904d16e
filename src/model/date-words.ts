// Vocabulary and tokenizer for reading dates as archives word them (English first; German, French
// and Russian month names as a bonus). Pure tables and functions; the grammar is in date-grammar.ts.

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MONTH_WORDS: Record<string, number> = {};
(
  [
    ['jan', 'januar', 'jänner', 'janvier', 'января', 'январь', 'янв'],
    ['feb', 'februar', 'février', 'fevrier', 'февраля', 'февраль', 'фев'],
    ['mar', 'märz', 'maerz', 'mars', 'марта', 'март'],
    ['apr', 'avril', 'апреля', 'апрель', 'апр'],
    ['mai', 'мая', 'май'],
    ['jun', 'juni', 'juin', 'июня', 'июнь'],
    ['jul', 'juli', 'juillet', 'июля', 'июль'],
    ['aug', 'août', 'aout', 'августа', 'август', 'авг'],
    ['sep', 'sept', 'septembre', 'сентября', 'сентябрь', 'сент'],
    ['oct', 'oktober', 'octobre', 'октября', 'октябрь', 'окт'],
    ['nov', 'novembre', 'ноября', 'ноябрь', 'нояб'],
    ['dec', 'dezember', 'décembre', 'decembre', 'декабря', 'декабрь', 'дек'],
  ] as const
).forEach((names, i) => {
  for (const w of [MONTH_NAMES[i]!, ...names]) MONTH_WORDS[w] = i + 1;
});

/** Month words that are also ordinary words; they count as months only next to a number or after "in", "of"... */
const AMBIGUOUS = new Set(['may', 'mai', 'mar', 'mars', 'march', 'jun', 'jul', 'aug', 'sep', 'dec', 'oct', 'nov', 'fall']);
export const MONTH_CONTEXT = new Set([
  'in',
  'of',
  'than',
  'to',
  'from',
  'early',
  'late',
  'mid',
  'end',
  'beginning',
  'and',
  'or',
  'since',
  'until',
  'before',
  'after',
  'between',
]);

/** EDTF season codes: 21 spring, 22 summer, 23 autumn, 24 winter. */
const SEASON_WORDS: Record<string, number> = {
  spring: 21,
  summer: 22,
  autumn: 23,
  fall: 23,
  winter: 24,
  frühling: 21,
  frühjahr: 21,
  sommer: 22,
  herbst: 23,
  printemps: 21,
  été: 22,
  automne: 23,
  hiver: 24,
  весна: 21,
  весной: 21,
  лето: 22,
  летом: 22,
  осень: 23,
  осенью: 23,
  зима: 24,
  зимой: 24,
};

export type Sub = 'early' | 'mid' | 'late' | 'h1' | 'h2';
const SUB_WORDS: Record<string, Sub> = {
  beginning: 'early',
  start: 'early',
  early: 'early',
  anfang: 'early',
  début: 'early',
  debut: 'early',
  начале: 'early',
  начало: 'early',
  middle: 'mid',
  mid: 'mid',
  midst: 'mid',
  mitte: 'mid',
  milieu: 'mid',
  середине: 'mid',
  end: 'late',
  late: 'late',
  close: 'late',
  ende: 'late',
  fin: 'late',
  конце: 'late',
  конец: 'late',
};
const HALF_ORDINALS: Record<string, Sub> = {
  first: 'h1',
  erste: 'h1',
  ersten: 'h1',
  second: 'h2',
  latter: 'h2',
  zweite: 'h2',
  zweiten: 'h2',
};

/** Words skipped inside and before a date ("at the end of 1899", "14 мая 1918 г."). */
export const FILLERS = new Set([
  'the',
  'of',
  'in',
  'on',
  'at',
  'im',
  'am',
  'den',
  'des',
  'der',
  'le',
  'en',
  'du',
  'de',
  'г',
  'года',
  'год',
  'в',
]);

export type Qualifier = 'before' | 'after' | 'circa';
/** Qualifier phrases, longest first. */
const QUALIFIERS: [string[], Qualifier][] = (
  [
    [['not', 'later', 'than'], 'before'],
    [['no', 'later', 'than'], 'before'],
    [['not', 'after'], 'before'],
    [['prior', 'to'], 'before'],
    [['earlier', 'than'], 'before'],
    [['before'], 'before'],
    [['spätestens'], 'before'],
    [['не', 'позднее'], 'before'],
    [['not', 'earlier', 'than'], 'after'],
    [['no', 'earlier', 'than'], 'after'],
    [['not', 'before'], 'after'],
    [['no', 'sooner', 'than'], 'after'],
    [['later', 'than'], 'after'],
    [['after'], 'after'],
    [['frühestens'], 'after'],
    [['не', 'ранее'], 'after'],
    [['about'], 'circa'],
    [['around'], 'circa'],
    [['approximately'], 'circa'],
    [['approx'], 'circa'],
    [['circa'], 'circa'],
    [['ca'], 'circa'],
    [['c'], 'circa'],
    [['roughly'], 'circa'],
    [['ungefähr'], 'circa'],
    [['etwa'], 'circa'],
    [['vers'], 'circa'],
    [['около'], 'circa'],
  ] as [string[], Qualifier][]
).sort((a, b) => b[0].length - a[0].length);

export type Tok =
  | { k: 'num'; n: number; digits: number; suf: string; s: number; e: number }
  | { k: 'word'; w: string; s: number; e: number }
  | { k: 'p'; c: string; s: number; e: number };

/** Same-length normalisation so token offsets index the caller's string: dashes, OCR "19O5", case. */
export function normalize(src: string): string {
  return [...src]
    .map((c) => {
      const l = c.toLowerCase();
      return l.length === c.length ? l : c;
    })
    .join('')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(?<![\p{L}\d])[12][0-9o]{3}(?![\p{L}\d])/gu, (m) => ((m.match(/\d/g)?.length ?? 0) >= 3 ? m.replace(/o/g, '0') : m))
    .replace(/\b(mid|early|late)-(?=[\p{L}\d])/gu, '$1 ');
}

const MM = '(0?[1-9]|1[0-2])';
const TOKEN = new RegExp(
  String.raw`(\d{4})[-/]${MM}[-/](\d{1,2})(?![\d/-])|(\d{4})-${MM}(?![\d-])|(\d{1,2})\.${MM}\.(\d{4})(?!\d)|(\d+)(st|nd|rd|th|s|er|e)?(?![\p{L}\d])|\d+|\p{L}+|\S`,
  'gu',
);

/** Tokens of a normalised string. "1918-05-14", "1918/05/14", "1918-05" and "14.05.1918" become day/month/year tokens. */
export function tokenize(norm: string): Tok[] {
  const out: Tok[] = [];
  for (const m of norm.matchAll(TOKEN)) {
    const s = m.index,
      e = s + m[0].length;
    const num = (v: string): Extract<Tok, { k: 'num' }> => ({ k: 'num', n: Number(v), digits: v.length, suf: '', s, e });
    const month = (v: string): Tok => ({ k: 'word', w: MONTH_NAMES[Number(v) - 1]!, s, e });
    const parts: Tok[] = m[1]
      ? [num(m[1]), month(m[2]!), num(m[3]!)]
      : m[4]
        ? [num(m[4]), month(m[5]!)]
        : m[6]
          ? [num(m[6]), month(m[7]!), num(m[8]!)]
          : m[9]
            ? [{ ...num(m[9]), suf: m[10] ?? '' }]
            : /^\d/.test(m[0])
              ? [num(m[0])]
              : /^\p{L}/u.test(m[0])
                ? [{ k: 'word', w: m[0], s, e }]
                : [{ k: 'p', c: m[0], s, e }];
    out.push(...parts);
  }
  return out;
}

function editDistanceAtMost1(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0,
    j = 0,
    edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Month of a word; `loose` when it must stand next to a number to count (ambiguous or misspelt). */
export function monthOf(w: string): { m: number; loose: boolean } | null {
  const exact = MONTH_WORDS[w];
  if (exact) return { m: exact, loose: AMBIGUOUS.has(w) };
  if (w.length >= 6) {
    const hits = MONTH_NAMES.filter((n) => n.length >= 6 && editDistanceAtMost1(w, n));
    if (hits.length === 1) return { m: MONTH_NAMES.indexOf(hits[0]!) + 1, loose: true };
  }
  return null;
}

export const seasonOf = (w: string): { season: number; loose: boolean } | null =>
  SEASON_WORDS[w] ? { season: SEASON_WORDS[w]!, loose: AMBIGUOUS.has(w) } : null;

export const subOf = (w: string): Sub | undefined => SUB_WORDS[w];

/** "first half", "second halt" (OCR), "erste Hälfte": the half a point is narrowed to. */
export function halfOf(w: string, next: string | undefined): Sub | undefined {
  const h = HALF_ORDINALS[w];
  return h && next !== undefined && (editDistanceAtMost1(next, 'half') || next === 'hälfte') ? h : undefined;
}

/** Qualifier phrase starting at token i: its kind and length in tokens. */
export function qualifierAt(toks: Tok[], i: number): { q: Qualifier; len: number } | null {
  for (const [words, q] of QUALIFIERS) {
    if (
      words.every((w, k) => {
        const t = toks[i + k];
        return t?.k === 'word' && t.w === w;
      })
    )
      return { q, len: words.length };
  }
  return null;
}
