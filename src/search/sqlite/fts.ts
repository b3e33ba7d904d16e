// MatchNode → FTS5 query syntax. Only word nodes compile; filters are applied outside FTS5.
import type { MatchNode } from '../expand.js';
import { isFilterOnly } from '../expand.js';
import { FIELD_WEIGHTS, TEXT_FIELDS } from '../document.js';

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
const group = (parts: string[], op: string) => (parts.length === 1 ? parts[0]! : `(${parts.join(` ${op} `)})`);

/** The bm25() call with the per-field weights (the last column, names, only marks name-like terms: weight 0). */
export const BM25 = `bm25(search_fts, ${TEXT_FIELDS.map((f) => FIELD_WEIGHTS[f]).join(', ')}, 0)`;

/** Restrict an expression to the text columns (the names column holds terms out of order). */
export const scoped = (expr: string): string => `{${TEXT_FIELDS.join(' ')}} : (${expr})`;

/**
 * An FTS5 expression for a node made only of words, or undefined when the node cannot be one
 * (it holds filters, or is a bare NOT, which FTS5 cannot express on its own).
 */
export function ftsExpression(n: MatchNode): string | undefined {
  switch (n.type) {
    case 'terms':
      return n.alts.length
        ? group(
            n.alts.map((a) => (a.prefix ? `${quote(a.term)}*` : quote(a.term))),
            'OR',
          )
        : undefined;
    case 'phrase':
      return n.alts.length
        ? group(
            n.alts.map((s) => quote(s.join(' '))),
            'OR',
          )
        : undefined;
    case 'or': {
      const parts = n.children.map(ftsExpression);
      return parts.every((p): p is string => !!p) ? group(parts, 'OR') : undefined;
    }
    case 'and': {
      const pos: string[] = [];
      const neg: string[] = [];
      for (const c of n.children) {
        const e = c.type === 'not' ? ftsExpression(c.child) : ftsExpression(c);
        if (!e) return undefined;
        (c.type === 'not' ? neg : pos).push(e);
      }
      if (!pos.length) return undefined;
      return neg.length ? `(${group(pos, 'AND')} NOT ${group(neg, 'OR')})` : group(pos, 'AND');
    }
    default:
      return undefined;
  }
}

/** A top-level conjunction split into what FTS5 ranks and what is checked document by document. */
export interface Plan {
  /** Ranked FTS5 expression (words that must match), if the query has any. */
  fts?: string;
  /** Conjuncts evaluated per document: filters, bare negations, mixes of words and filters. */
  rest: MatchNode[];
}

export function plan(match: MatchNode): Plan {
  const whole = ftsExpression(match);
  if (whole) return { fts: scoped(whole), rest: [] };
  const conj = match.type === 'and' ? match.children : [match];
  const pos: string[] = [];
  const neg: string[] = [];
  const rest: MatchNode[] = [];
  for (const c of conj) {
    if (isFilterOnly(c)) {
      rest.push(c);
      continue;
    }
    if (c.type === 'not') {
      const e = ftsExpression(c.child);
      if (e) {
        neg.push(e);
        continue;
      }
    } else {
      const e = ftsExpression(c);
      if (e) {
        pos.push(e);
        continue;
      }
    }
    rest.push(c);
  }
  if (!pos.length) {
    // Nothing positive to rank: the negated words are checked per document instead.
    return { rest: [...rest, ...conj.filter((c) => c.type === 'not' && !isFilterOnly(c) && ftsExpression(c.child))] };
  }
  return { fts: scoped(neg.length ? `(${group(pos, 'AND')} NOT ${group(neg, 'OR')})` : group(pos, 'AND')), rest };
}
