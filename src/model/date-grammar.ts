// Grammar of date wordings: tokens → clauses. A clause is an optional qualifier ("prior to", "about")
// and one point or a pair of points ("May 22 and June 1, 1901", "December 8 or 9, 1913").
// Points may be partial ("25" in "25-27 December"); date-resolve.ts fills them in from their neighbours.
import { FILLERS, halfOf, MONTH_CONTEXT, monthOf, qualifierAt, seasonOf, subOf, type Qualifier, type Sub, type Tok } from './date-words.js';

export interface Point {
  y?: number;
  m?: number;
  d?: number;
  season?: number;
  sub?: Sub;
  decade?: boolean;
  century?: number;
  /** A day number that cannot be a day ("August 91"): the point falls back to its month. */
  badDay?: boolean;
  uncertain?: boolean;
  /** Marked "(O.S.)": the day is Julian. */
  julian?: boolean;
  /** The parenthesised New Style equivalent: "April 29 (May 12)", "March 7 and 12 (20 and 25)". */
  ns?: Clause;
  s: number;
  e: number;
}
export type Join = 'range' | 'or' | 'and';
export interface Clause {
  q?: Qualifier;
  a: Point;
  b?: Point;
  join?: Join;
  s: number;
  e: number;
  next: number;
}

const CONNECTORS: Record<string, Join> = {
  '-': 'range',
  '/': 'range',
  to: 'range',
  till: 'range',
  until: 'range',
  through: 'range',
  bis: 'range',
  по: 'range',
  and: 'and',
  '&': 'and',
  und: 'and',
  и: 'and',
  or: 'or',
  oder: 'or',
  или: 'or',
};
/** Commas, dots and filler words a date point may skip in a row. */
const MAX_SKIPPED = 16;
const OPENERS = new Set(['between', 'from', 'zwischen', 'von', 'между', 'с']);
const STYLE = /^(os|oldstyle|ns|newstyle|ст|стст|нст)$/;

export class DateGrammar {
  constructor(private readonly toks: Tok[]) {}

  /** Every clause in the text, left to right. */
  clauses(): Clause[] {
    const out: Clause[] = [];
    for (let i = 0; i < this.toks.length; ) {
      const c = this.clause(i);
      if (c) {
        out.push(c);
        i = c.next;
      } else i++;
    }
    return out;
  }

  private word(i: number): string | undefined {
    const t = this.toks[i];
    return t?.k === 'word' ? t.w : undefined;
  }
  private punct(i: number): string | undefined {
    const t = this.toks[i];
    return t?.k === 'p' ? t.c : undefined;
  }

  clause(i: number): Clause | null {
    let j = i;
    const qm = qualifierAt(this.toks, j);
    if (qm) {
      j += qm.len;
      if (qm.q === 'circa' && this.punct(j) === '.') j++;
    }
    const between = OPENERS.has(this.word(j) ?? '');
    if (between) j++;
    const r = this.range(j, between);
    if (!r) return null;
    const s = qm || between ? this.toks[i]!.s : r.a.s;
    return { ...(qm ? { q: qm.q } : {}), ...r, s };
  }

  private range(i: number, between: boolean): Omit<Clause, 's' | 'q'> | null {
    const a = this.point(i);
    if (!a) return null;
    const t = this.toks[a.next];
    const join = t ? CONNECTORS[t.k === 'word' ? t.w : t.k === 'p' ? t.c : ''] : undefined;
    if (join) {
      const b = this.point(a.next + 1);
      if (b) return { a: a.p, b: b.p, join: join === 'and' && between ? 'range' : join, e: b.p.e, next: b.next };
    }
    return { a: a.p, e: a.p.e, next: a.next };
  }

  /** Is the loose month/season word at i really one ("May 14", "in May"), not "may" the verb? */
  private anchored(i: number): boolean {
    let n = i + 1;
    while (this.punct(n) === ',' || this.punct(n) === '.' || this.word(n) === 'of') n++;
    if (this.toks[n]?.k === 'num' || this.toks[i - 1]?.k === 'num') return true;
    const prev = this.toks[i - 1];
    return prev?.k === 'p' && prev.c === '.' ? this.toks[i - 2]?.k === 'num' : MONTH_CONTEXT.has(this.word(i - 1) ?? '');
  }

  point(i: number): { p: Point; next: number } | null {
    const p: Point = { s: -1, e: -1 };
    let j = i,
      next = i,
      first = -1,
      any = false,
      // Commas, dots and fillers skipped in a row: no date has dozens, and a run of thousands made every start rescan it (quadratic).
      skipped = 0;
    const take = (k: number, last: number) => {
      skipped = 0;
      if (p.s < 0) p.s = this.toks[first >= 0 ? first : k]!.s;
      p.e = this.toks[last]!.e;
      next = last + 1;
      any = true;
    };
    for (; j < this.toks.length; j++) {
      const t = this.toks[j]!;
      if (t.k === 'p') {
        if (t.c === ',' || t.c === '.') {
          if (++skipped > MAX_SKIPPED) break;
          continue;
        }
        if (t.c === '?' && any) {
          p.uncertain = true;
          take(j, j);
          continue;
        }
        if (t.c === '(' && any) {
          const close = this.paren(j, p);
          if (close >= 0) {
            take(j, close);
            j = close;
            continue;
          }
        }
        break;
      }
      if (t.k === 'num') {
        if (t.digits === 4 && t.suf === 's') {
          if (any) break;
          p.y = t.n;
          p.decade = true;
          take(j, j);
          continue;
        }
        if (t.suf && t.suf !== 's' && t.digits <= 2 && this.word(j + 1) === 'century') {
          if (any) break;
          p.century = t.n;
          p.y = (t.n - 1) * 100;
          take(j, j + 1);
          j++;
          continue;
        }
        if (t.digits === 4) {
          if (p.y !== undefined) break;
          p.y = t.n;
          take(j, j);
          continue;
        }
        if (t.digits <= 2 && t.n >= 1 && t.n <= 31 && t.suf !== 's') {
          if (p.d !== undefined || p.badDay || (p.y !== undefined && p.m === undefined)) break;
          p.d = t.n;
          take(j, j);
          continue;
        }
        if (t.digits <= 2 && p.m !== undefined && p.d === undefined && !p.badDay && p.y === undefined) {
          p.badDay = true;
          take(j, j);
          continue;
        }
        break;
      }
      const w = t.w;
      if (FILLERS.has(w)) {
        if (first < 0 && !any && (w === 'the' || w === 'at' || w === 'in')) first = j;
        if (++skipped > MAX_SKIPPED) break;
        continue;
      }
      const half = halfOf(w, this.word(j + 1));
      const sub = half ?? subOf(w);
      if (sub) {
        if (any || p.sub) break;
        p.sub = sub;
        if (first < 0) first = j;
        if (half) j++;
        continue;
      }
      const mo = monthOf(w);
      if (mo && (!mo.loose || this.anchored(j))) {
        if (p.m !== undefined || p.season) break;
        p.m = mo.m;
        take(j, j);
        continue;
      }
      const se = seasonOf(w);
      if (se && (!se.loose || this.anchored(j))) {
        if (p.m !== undefined || p.season) break;
        p.season = se.season;
        take(j, j);
        continue;
      }
      break;
    }
    if (!any) return null;
    // Leading "in"/"at"/"the" stay in the wording only before a sub-period ("at the end of 1899").
    if (!p.sub) p.s = Math.max(p.s, this.firstMeaningful(i));
    return { p, next };
  }

  private firstMeaningful(i: number): number {
    for (let k = i; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (!(t.k === 'word' && FILLERS.has(t.w)) && !(t.k === 'p' && (t.c === ',' || t.c === '.'))) return t.s;
    }
    return 0;
  }

  /** "(O.S.)", "(N.S.)" or a parenthesised New Style date after a point; index of ")" or -1. */
  private paren(open: number, p: Point): number {
    let close = open + 1;
    while (close < this.toks.length && this.punct(close) !== ')' && close - open < 12) close++;
    if (this.punct(close) !== ')') return -1;
    const letters = this.toks
      .slice(open + 1, close)
      .map((t) => (t.k === 'word' ? t.w : ''))
      .join('');
    if (STYLE.test(letters)) {
      if (letters === 'os' || letters === 'oldstyle' || letters === 'ст' || letters === 'стст') p.julian = true;
      return close;
    }
    const inner = this.range(open + 1, false);
    if (!inner || inner.next !== close || (inner.a.d === undefined && inner.a.m === undefined)) return -1;
    p.ns = { ...inner, s: inner.a.s };
    return close;
  }
}
