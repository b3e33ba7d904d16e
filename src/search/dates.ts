// Date values of the query language (year:1918, year:1910s, date:1917-10..1918-03) as inclusive
// ranges of calendar days, and the years/decades a work's written date spans (for facets).

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const OPEN_START = '0000-01-01';
export const OPEN_END = '9999-12-31';

/** First and last day a written date part (YYYY, YYYY-MM, YYYY-MM-DD) denotes, or undefined if it is not one. */
export function dayBounds(s: string): { from: string; to: string } | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  if (m[3] === undefined) return { from: `${m[1]}-${pad(mo)}-01`, to: `${m[1]}-${pad(mo)}-${pad(daysIn(y, mo))}` };
  const d = Number(m[3]);
  if (d < 1 || d > daysIn(y, mo)) return undefined;
  const day = `${m[1]}-${pad(mo)}-${pad(d)}`;
  return { from: day, to: day };
}

export function dateRange(v: string): { from: string; to: string } | { error: string } {
  const parts = v.split('..');
  if (parts.length > 2) return { error: `"${v}" has more than one "..".` };
  if (parts.length === 1) {
    const b = dayBounds(v);
    return b ?? { error: `"${v}" is not a date.` };
  }
  const [a, b] = parts.map((p) => p.trim()) as [string, string];
  if (!a && !b) return { error: 'A date range needs at least one end.' };
  const lo = a ? dayBounds(a) : { from: OPEN_START, to: OPEN_START };
  if (!lo) return { error: `"${a}" is not a date.` };
  const hi = b ? dayBounds(b) : { from: OPEN_END, to: OPEN_END };
  if (!hi) return { error: `"${b}" is not a date.` };
  if (lo.from > hi.to) return { error: `The range ${v} starts after it ends.` };
  return { from: lo.from, to: hi.to };
}

export function yearRange(v: string): { from: string; to: string } | undefined {
  const decade = /^(\d{3})0s$/.exec(v);
  if (decade) return { from: `${decade[1]}0-01-01`, to: `${decade[1]}9-12-31` };
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(v);
  if (!m) return undefined;
  const to = m[2] ?? m[1]!;
  if (to < m[1]!) return undefined;
  return { from: `${m[1]}-01-01`, to: `${to}-12-31` };
}

/** Years a date range overlaps, oldest first; at most `max` (a century-wide date yields none). */
export function yearsSpanned(start: string | undefined, end: string | undefined, max = 12): number[] {
  if (!start) return [];
  const a = Number(start.slice(0, 4));
  const b = Number((end ?? start).slice(0, 4));
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a || b - a + 1 > max) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Decades a date range overlaps (1910 for the 1910s); at most `max`. */
export function decadesSpanned(start: string | undefined, end: string | undefined, max = 3): number[] {
  if (!start) return [];
  const a = Math.floor(Number(start.slice(0, 4)) / 10);
  const b = Math.floor(Number((end ?? start).slice(0, 4)) / 10);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a || b - a + 1 > max) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => (a + i) * 10);
}
