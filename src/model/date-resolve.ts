// Clauses → one PartialDate. Rules (documented here, relied on by callers):
// - iso/start/end are always Gregorian. An Old/New Style pair "April 29 (May 12), 1917" takes the
//   parenthesised New Style day; a date marked "(O.S.)" is converted. Both set calendar: 'julian'
//   (the wording gives an Old Style date).
// - Sub-periods keep the anchor's iso and set a qualifier: early = Jan–Apr / days 1–10, mid = May–Aug /
//   11–20, late = Sep–Dec / 21–end; first half = Jan–Jun / 1–15 (qualifier early), second half = Jul–Dec /
//   16–end (late). Seasons use EDTF codes 21–24: spring Mar–May, summer Jun–Aug, autumn Sep–Nov,
//   winter Y = Dec Y-1 – Feb Y (the winter ending in Y). On seasons, decades and centuries the
//   sub-period only sets the qualifier; the bounds stay whole.
// - Ranges: "a/b" (EDTF interval); "X or Y": "[a,b]" + uncertain; "X and Y": "{a,b}" (all of).
// - before/after include the anchor ("prior to May 5" ends on May 5, as EDTF "[..1914-05-05]").
//   The open side is closed one unit away: a month for day and month anchors, three months for
//   seasons, a year for years, ten for decades. A context ("In July, prior to 6th, 1914") or the other
//   bound ("not earlier than May 7, but not later than September 1895") closes it instead: "lo/hi".
// - circa: iso "X~", bounds of X (not widened). A day that does not exist falls back to its month.
import type { PartialDate } from './work.js';
import { DateGrammar, type Clause, type Point } from './date-grammar.js';
import { normalize, tokenize } from './date-words.js';

type Precision = PartialDate['precision'];
const RANK: Precision[] = ['day', 'month', 'season', 'year', 'decade', 'century'];
const coarser = (a: Precision, b: Precision): Precision => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);
const OPEN_SPAN_MONTHS: Record<Precision, number> = { day: 1, month: 1, season: 3, year: 12, decade: 120, century: 1200 };

interface Built {
  iso: string;
  isoLo: string;
  isoHi: string;
  precision: Precision;
  start: string;
  end: string;
  qualifier?: PartialDate['qualifier'];
  uncertain?: boolean;
  julian?: boolean;
  s: number;
  e: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
function utc(y: number, monthIndex: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(y, monthIndex, day);
  return t;
}
const fmt = (t: Date) => ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
const lastDay = (y: number, m: number) => utc(y, m, 0).getUTCDate();
function addMonths(day: string, k: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = utc(y, m - 1 + k, 1);
  const last = lastDay(first.getUTCFullYear(), first.getUTCMonth() + 1);
  return fmt(utc(first.getUTCFullYear(), first.getUTCMonth(), d === lastDay(y, m) ? last : Math.min(d, last)));
}
/** Julian → Gregorian day (valid 200–2100). */
function fromJulian(y: number, m: number, d: number): string {
  const yy = m <= 2 ? y - 1 : y;
  return fmt(utc(y, m - 1, d + Math.floor(yy / 100) - Math.floor(yy / 400) - 2));
}

const YEAR_SUB = { early: [1, 4], mid: [5, 8], late: [9, 12], h1: [1, 6], h2: [7, 12] } as const;
const MONTH_SUB = { early: [1, 10], mid: [11, 20], late: [21, 31], h1: [1, 15], h2: [16, 31] } as const;
const SEASON_MONTHS: Record<number, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 2] };

function pointBuilt(p: Point): Built | null {
  const y = p.y;
  if (y === undefined) return null;
  const q = p.sub === 'h1' ? 'early' : p.sub === 'h2' ? 'late' : p.sub;
  const mk = (iso: string, precision: Precision, start: string, end: string): Built => ({
    iso,
    isoLo: iso,
    isoHi: iso,
    precision,
    start,
    end,
    ...(q && precision !== 'day' ? { qualifier: q } : {}),
    ...(p.uncertain ? { uncertain: true } : {}),
    ...(p.julian ? { julian: true } : {}),
    s: p.s,
    e: p.e,
  });
  if (p.century !== undefined) return mk(`${pad(p.century - 1)}XX`, 'century', ymd(y, 1, 1), ymd(y + 99, 12, 31));
  if (p.decade) {
    const y0 = y - (y % 10);
    return mk(`${pad(y0, 4).slice(0, 3)}X`, 'decade', ymd(y0, 1, 1), ymd(y0 + 9, 12, 31));
  }
  if (p.season) {
    const [m1, m2] = SEASON_MONTHS[p.season]!;
    const y1 = m1 > m2 ? y - 1 : y;
    return mk(`${pad(y, 4)}-${p.season}`, 'season', ymd(y1, m1, 1), ymd(y, m2, lastDay(y, m2)));
  }
  if (p.m === undefined) {
    // a day without a month ("No. 23, 1918") says only the year
    const [m1, m2] = p.sub ? YEAR_SUB[p.sub] : [1, 12];
    return mk(pad(y, 4), 'year', ymd(y, m1, 1), ymd(y, m2, lastDay(y, m2)));
  }
  const m = p.m,
    last = lastDay(y, m);
  if (p.d === undefined || p.badDay || p.d > (p.julian && m === 2 && y % 4 === 0 ? 29 : last)) {
    const [d1, d2] = p.sub ? MONTH_SUB[p.sub] : [1, 31];
    return mk(`${pad(y, 4)}-${pad(m)}`, 'month', ymd(y, m, d1), ymd(y, m, Math.min(d2, last)));
  }
  const day = p.julian ? fromJulian(y, m, p.d) : ymd(y, m, p.d);
  return mk(day, 'day', day, day);
}

function clauseBuilt(c: Clause): Built | null {
  const A = pointBuilt(c.a);
  if (!A) return null;
  const B = c.b ? pointBuilt(c.b) : null;
  const t = c.q === 'circa' ? '~' : '';
  const circa = t ? { qualifier: 'circa' as const } : {};
  if (!B || !c.join || B.end < A.start || B.iso === A.iso)
    return { ...A, iso: A.iso + t, isoLo: A.iso + t, isoHi: A.iso + t, ...circa, s: c.s };
  const [a, b] = [A.iso + t, B.iso + t];
  const iso = c.join === 'or' ? `[${a},${b}]` : c.join === 'and' ? `{${a},${b}}` : `${a}/${b}`;
  const uncertain = A.uncertain || B.uncertain || c.join === 'or';
  return {
    iso,
    isoLo: a,
    isoHi: b,
    precision: coarser(A.precision, B.precision),
    start: A.start,
    end: B.end,
    ...circa,
    ...(uncertain ? { uncertain } : {}),
    ...(A.julian || B.julian ? { julian: true } : {}),
    s: c.s,
    e: B.e,
  };
}

/** Apply parenthesised New Style dates; true when there was one (the wording is Old Style). */
function applyNewStyle(c: Clause): boolean {
  let julian = false;
  const over = (p: Point, n: Point): Point => {
    julian = true;
    const y = n.y ?? (p.y !== undefined && p.m === 12 && n.m === 1 ? p.y + 1 : p.y);
    const { ns: _ns, ...rest } = p;
    return { ...rest, y, m: n.m ?? p.m, d: n.d ?? p.d, badDay: n.d !== undefined ? false : p.badDay };
  };
  const ns = c.b?.ns ?? c.a.ns;
  if (ns?.b && c.b) {
    c.a = over(c.a, ns.a);
    c.b = over(c.b, ns.b);
  } else {
    if (c.a.ns) c.a = over(c.a, c.a.ns.a);
    if (c.b?.ns) c.b = over(c.b, c.b.ns.a);
  }
  return julian;
}

/** Complete a pair of points from each other: "25-27 December, 1921", "December 30, 1921—January 4, 1922". */
function fillPair(a: Point, b: Point): void {
  if (
    a.y !== undefined &&
    a.m === undefined &&
    a.d === undefined &&
    !a.season &&
    b.d !== undefined &&
    b.m === undefined &&
    b.y === undefined &&
    b.d > a.y % 100
  ) {
    b.y = a.y - (a.y % 100) + b.d;
    delete b.d; // "1917-18"
  }
  const borrowed = a.y === undefined && b.y !== undefined;
  if (borrowed) a.y = b.y;
  else if (b.y === undefined) b.y = a.y;
  if (a.m === undefined && a.d !== undefined) a.m = b.m;
  if (b.m === undefined && b.d !== undefined) b.m = a.m;
  if (borrowed && a.m !== undefined && b.m !== undefined && a.m > b.m) a.y! -= 1;
}

const points = (c: Clause) => (c.b ? [c.a, c.b] : [c.a]);

/** Years and months a clause lacks come from its neighbours ("In July, prior to 6th, 1914"). */
function fillAcross(cs: Clause[]): void {
  const near = (k: number, get: (c: Clause) => number | undefined, step: 1 | -1) => {
    for (let i = k + step; i >= 0 && i < cs.length; i += step) {
      const v = get(cs[i]!);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const yearOf = (c: Clause) => c.a.y ?? c.b?.y;
  const monthOf = (c: Clause) => (c.q ? undefined : (c.b?.m ?? c.a.m));
  cs.forEach((c, k) => {
    if (points(c).every((p) => p.y === undefined) && (c.q || points(c).some((p) => p.m !== undefined || p.season))) {
      const y = near(k, yearOf, 1) ?? near(k, yearOf, -1);
      if (y !== undefined) for (const p of points(c)) p.y = y;
    }
    if (c.q && c.q !== 'circa' && points(c).some((p) => p.d !== undefined && p.m === undefined)) {
      const m = near(k, monthOf, -1) ?? near(k, monthOf, 1);
      for (const p of points(c)) if (p.d !== undefined && p.m === undefined) p.m = m;
    }
  });
}

/** Combine a plain statement with "before"/"after" bounds into one date. */
function combine(built: { c: Clause; b: Built }[]): Built | null {
  const plain = built.find((x) => !x.c.q || x.c.q === 'circa')?.b;
  const before = built.find((x) => x.c.q === 'before')?.b;
  const after = built.find((x) => x.c.q === 'after')?.b;
  if (!before && !after) return plain ?? null;
  if (plain && plain.start >= (after?.start ?? '') && plain.end <= (before?.end ?? '~')) return plain;
  const first = built[0]!.b;
  return (
    bounded(plain, after, before) ??
    bounded(undefined, after, before) ??
    (first === plain ? plain : bounded(undefined, first === after ? after : undefined, first === before ? before : undefined))
  );
}

/** The days between an "after" bound, a "before" bound and a context, whichever are given. */
function bounded(ctx: Built | undefined, after: Built | undefined, before: Built | undefined): Built | null {
  const los = [after && { v: after.start, iso: after.isoLo }, ctx && { v: ctx.start, iso: ctx.isoLo }].filter((x) => !!x);
  const his = [before && { v: before.end, iso: before.isoHi }, ctx && { v: ctx.end, iso: ctx.isoHi }].filter((x) => !!x);
  const lo = los.sort((x, y) => (x.v < y.v ? 1 : -1))[0],
    hi = his.sort((x, y) => (x.v > y.v ? 1 : -1))[0];
  const anchors = [after, before].filter((x) => !!x);
  if (!anchors.length) return null;
  const start = lo?.v ?? addMonths(before!.start, -OPEN_SPAN_MONTHS[before!.precision]);
  const end = hi?.v ?? addMonths(after!.end, OPEN_SPAN_MONTHS[after!.precision]);
  if (start > end) return null;
  const iso = lo && hi ? `${lo.iso}/${hi.iso}` : lo ? `[${lo.iso}..]` : `[..${hi!.iso}]`;
  const used = [...anchors, ...(ctx ? [ctx] : [])];
  const qualifier = after && before ? undefined : after ? 'after' : 'before';
  return {
    iso,
    isoLo: lo?.iso ?? iso,
    isoHi: hi?.iso ?? iso,
    precision: anchors.map((x) => x.precision).reduce(coarser),
    start,
    end,
    ...(qualifier ? { qualifier } : {}),
    ...(used.some((x) => x.uncertain) ? { uncertain: true } : {}),
    ...(used.some((x) => x.julian) ? { julian: true } : {}),
    s: Math.min(...used.map((x) => x.s)),
    e: Math.max(...used.map((x) => x.e)),
  };
}

export interface FoundDate {
  date: PartialDate;
  from: number;
  to: number;
}

/** Find and read the date in `src`; `from`/`to` locate its wording in `src`. */
export function findDate(src: string): FoundDate | null {
  const clauses = new DateGrammar(tokenize(normalize(src))).clauses();
  const julian = clauses.map(applyNewStyle);
  for (const c of clauses) if (c.b) fillPair(c.a, c.b);
  fillAcross(clauses);
  const built = clauses.flatMap((c, i) => {
    const b = clauseBuilt(c);
    return b ? [{ c, b: julian[i] ? { ...b, julian: true } : b }] : [];
  });
  const r = combine(built);
  if (!r) return null;
  const date: PartialDate = {
    text: src.slice(r.s, r.e).replace(/\s+/g, ' ').trim(),
    iso: r.iso,
    precision: r.precision,
    start: r.start,
    end: r.end,
    ...(r.qualifier ? { qualifier: r.qualifier } : {}),
    ...(r.uncertain ? { uncertain: true } : {}),
    ...(r.julian ? { calendar: 'julian' as const } : {}),
  };
  return { date, from: r.s, to: r.e };
}
