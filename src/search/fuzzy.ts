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

/** Candidates within `max` edits of `term`, closest first (ties: more frequent first), at most `limit`. */
export function closest(term: string, candidates: Iterable<string>, max: number, limit: number, freq?: (t: string) => number): string[] {
  const hits: { t: string; d: number; f: number }[] = [];
  for (const c of candidates) {
    if (c === term || Math.abs(c.length - term.length) > max) continue;
    const d = editDistance(term, c, max);
    if (d <= max) hits.push({ t: c, d, f: freq ? freq(c) : 0 });
  }
  hits.sort((x, y) => x.d - y.d || y.f - x.f || (x.t < y.t ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.t);
}
