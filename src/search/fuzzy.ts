// Spelling variants: a bounded edit distance (Damerau–Levenshtein, optimal string alignment) and the
// policy for how far a word may stray. Pure.

/** Edits allowed for a word of this length: none below 5 letters, 1 up to 7, 2 from 8. */
export function maxEdits(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/** Edit distance between a and b, or max + 1 as soon as it is certain to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]! <= max ? prev[n]! : max + 1;
}

// Spellings of one name across editions and transliterations differ in vowels (Shaumyan, Shaumian),
// in h, y, j and doubled letters (Shahumyan, Mussavatists), and in a few consonant pairs (Kautsky,
// Kautski; Plekhanov, Plechanov; Trotzky). Other differences make another word (Soviet, societ).
const VOWELS = new Set('aeiouyаеёиоуыэюяйьъ');
const PAIRS = new Set(['ck', 'cs', 'cz', 'sz', 'kq', 'vw', 'fv', 'jy', 'ij', 'gh', 'hx', 'ks', 'чш', 'шщ', 'зс', 'цс', 'кх']);
const pairOk = (a: string, b: string) => (VOWELS.has(a) && VOWELS.has(b)) || PAIRS.has(a < b ? a + b : b + a);
const softLetter = (c: string) => VOWELS.has(c) || c === 'h' || c === 'j';

/**
 * Edit distance counting only the edits by which spellings of one name differ (see above): each
 * costs 1, any other edit costs max + 1. Doubled letters may be single.
 */
export function nameDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const BIG = max + 1;
  const indel = (s: string, i: number) => (softLetter(s[i]!) || s[i] === s[i - 1] || s[i] === s[i + 1] ? 1 : BIG);
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let j = 1; j <= b.length; j++) prev[j] = Math.min(BIG, prev[j - 1]! + indel(b, j - 1));
  for (let i = 1; i <= a.length; i++) {
    cur[0] = Math.min(BIG, prev[0]! + indel(a, i - 1));
    let rowMin = cur[0]!;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const sub = x === y ? 0 : pairOk(x, y) ? 1 : BIG;
      const v = Math.min(BIG, prev[j - 1]! + sub, prev[j]! + indel(a, i - 1), cur[j - 1]! + indel(b, j - 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return BIG;
    [prev, cur] = [cur, prev];
  }
  return Math.min(BIG, prev[b.length]!);
}

/** Candidates within `max` edits of `term`, closest first (ties: more frequent first), at most `limit`. */
export function closest(
  term: string,
  candidates: Iterable<string>,
  max: number,
  limit: number,
  freq?: (t: string) => number,
  distance: (a: string, b: string, max: number) => number = editDistance,
): string[] {
  const hits: { t: string; d: number; f: number }[] = [];
  for (const c of candidates) {
    if (c === term || Math.abs(c.length - term.length) > max) continue;
    const d = distance(term, c, max);
    if (d <= max) hits.push({ t: c, d, f: freq ? freq(c) : 0 });
  }
  hits.sort((x, y) => x.d - y.d || y.f - x.f || (x.t < y.t ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.t);
}
