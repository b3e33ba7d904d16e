// MatchNode → SQL over search_docs (alias d): tsquery for the words (always answered by the GIN
// index), array overlap on the facet keys for filters, date comparisons for ranges. The plan mirrors ../sqlite/fts.ts, so both backends rank the
// same part of a query and treat the rest as per-document conditions.
//
// Lexemes are quoted in the tsquery text, so PostgreSQL's parser never re-tokenises an index term.
// Phrases: a tsquery with `&` finds the works holding all of a phrase's words (the GIN index does
// that), and the phrase itself is then looked for in the work's term text (see indexer.ts on why
// `<->` cannot be trusted here).
import type { MatchNode, TermAlt } from '../expand.js';
import { isFilterOnly } from '../expand.js';
import { FACET_OF } from '../facets.js';

/** A lexeme as tsquery/tsvector input: quoted, with quotes and backslashes escaped. */
export const lexeme = (t: string): string => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Lexemes longer than 2046 bytes are refused by tsvector and tsquery: such a term is in no index. */
export const fits = (t: string): boolean => t.length > 0 && (t.length * 3 <= 2046 || Buffer.byteLength(t) <= 2046);
const usable = (alts: TermAlt[]) => alts.filter((a) => fits(a.term));
const usableSeqs = (alts: string[][]) => alts.filter((seq) => seq.every(fits));

const group = (parts: string[], op: string) => (parts.length === 1 ? parts[0]! : `(${parts.join(` ${op} `)})`);
const alt = (a: TermAlt) => (a.prefix ? `${lexeme(a.term)}:*` : lexeme(a.term));
const allOf = (seq: string[]) => group(seq.map(lexeme), '&');

/** A facet value as search_docs.facets holds it: facet, unit separator, value (sorts as the pair does). */
export const facetKey = (facet: string, value: string): string => `${facet}\u001f${value}`;

/** Works whose words match a tsquery, found through the GIN index (a hashed set when used in a condition). */
const found = (p: Params, q: string) => `d.docid IN (SELECT search_matches(${p.add(q)}::tsquery))`;
/**
 * The same as the statement's leading condition: the matches' rows read through the primary key, not
 * every row of search_docs hashed against them (a scan of the whole table for a rare word).
 */
const foundFirst = (p: Params, q: string) => `d.docid = ANY(ARRAY(SELECT search_matches(${p.add(q)}::tsquery)))`;

/** Parameters of one statement: add() returns the placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

/** Whether FTS5 could take this node as one expression (ftsExpression in ../sqlite/fts.ts is defined). */
export function wordOnly(n: MatchNode): boolean {
  switch (n.type) {
    case 'terms':
    case 'phrase':
      return n.alts.length > 0;
    case 'or':
      return n.children.every(wordOnly);
    case 'and':
      return n.children.every((c) => wordOnly(c.type === 'not' ? c.child : c)) && n.children.some((c) => c.type !== 'not');
    default:
      return false;
  }
}

const hasPhrase = (n: MatchNode): boolean =>
  n.type === 'phrase' || ((n.type === 'and' || n.type === 'or') && n.children.some(hasPhrase)) || (n.type === 'not' && hasPhrase(n.child));

/** A tsquery matching exactly the works that match the node (words only, no phrases), else undefined. */
export function exactQuery(n: MatchNode): string | undefined {
  switch (n.type) {
    case 'terms': {
      const alts = usable(n.alts);
      return alts.length ? group(alts.map(alt), '|') : undefined;
    }
    case 'or':
    case 'and': {
      const parts = n.children.map(exactQuery);
      return parts.every((p): p is string => !!p) ? group(parts, n.type === 'or' ? '|' : '&') : undefined;
    }
    case 'not': {
      const q = exactQuery(n.child);
      return q ? `!${q}` : undefined;
    }
    default:
      return undefined;
  }
}

/** A tsquery matching at least the works that match the node (for the GIN index), else undefined. */
export function supersetQuery(n: MatchNode): string | undefined {
  switch (n.type) {
    case 'terms':
      return exactQuery(n);
    case 'phrase': {
      const alts = usableSeqs(n.alts);
      return alts.length ? group(alts.map(allOf), '|') : undefined;
    }
    case 'or': {
      const parts = n.children.map(supersetQuery);
      return parts.every((p): p is string => !!p) ? group(parts, '|') : undefined;
    }
    case 'and': {
      const pos: string[] = [];
      const neg: string[] = [];
      for (const c of n.children) {
        // Leaving a conjunct out keeps a superset; a negated phrase cannot be narrowed by its words.
        const q = c.type === 'not' ? (hasPhrase(c.child) ? undefined : exactQuery(c.child)) : supersetQuery(c);
        if (q) (c.type === 'not' ? neg : pos).push(c.type === 'not' ? `!${q}` : q);
      }
      return pos.length ? group([...pos, ...neg], '&') : undefined;
    }
    default:
      return undefined;
  }
}

/** The SQL condition (on alias d) that is true exactly for the works matching the node. */
export function predicate(n: MatchNode, p: Params, filterValues: (n: Extract<MatchNode, { type: 'filter' }>) => string[]): string {
  const exact = exactQuery(n);
  if (exact && n.type !== 'not') return found(p, exact);
  switch (n.type) {
    case 'terms':
      return 'FALSE';
    case 'phrase': {
      const alts = usableSeqs(n.alts);
      if (!alts.length) return 'FALSE';
      return group(
        alts.map((seq) => `(${found(p, allOf(seq))} AND strpos(d.terms, ${p.add(` ${seq.join(' ')} `)}) > 0)`),
        'OR',
      );
    }
    case 'and':
    case 'or':
      return group(
        n.children.map((c) => predicate(c, p, filterValues)),
        n.type.toUpperCase(),
      );
    case 'not':
      return `NOT ${predicate(n.child, p, filterValues)}`;
    case 'filter': {
      const values = filterValues(n);
      if (!values.length) return 'FALSE';
      return `d.facets && ${p.add(values.map((v) => facetKey(FACET_OF[n.field], v)))}::text[]`;
    }
    case 'date':
      // Never NULL (an undated work is simply outside the range), so NOT stays two-valued.
      return `(d.date_start IS NOT NULL AND d.date_start <= ${p.add(n.to)} AND COALESCE(d.date_end, d.date_start) >= ${p.add(n.from)})`;
  }
}

/** The conjuncts that are ranked (the words that must match), as ../sqlite/fts.ts plan() chooses them. */
export function rankedParts(match: MatchNode): MatchNode[] {
  if (wordOnly(match)) return [match];
  const conj = match.type === 'and' ? match.children : [match];
  return conj.filter((c) => !isFilterOnly(c) && c.type !== 'not' && wordOnly(c));
}

/** The positive words of the ranked parts, each as a tsquery; rankQuery() ORs them for ts_rank. */
export function rankTerms(parts: MatchNode[]): string[] {
  const out = new Set<string>();
  const visit = (n: MatchNode) => {
    if (n.type === 'terms') for (const a of usable(n.alts)) out.add(alt(a));
    else if (n.type === 'phrase') for (const seq of usableSeqs(n.alts)) for (const t of seq) out.add(lexeme(t));
    else if (n.type === 'and' || n.type === 'or') n.children.forEach(visit);
  };
  parts.forEach(visit);
  return [...out];
}

/** The positive words of the ranked parts, as one OR tsquery for ts_rank. */
export const rankQuery = (terms: string[]): string | undefined => (terms.length ? terms.join(' | ') : undefined);

/**
 * WHERE clause for the whole query: the works the GIN index finds for the words (all of them when
 * the words alone decide), and the exact condition when it says more.
 */
export function whereClause(
  match: MatchNode | undefined,
  p: Params,
  filterValues: (n: Extract<MatchNode, { type: 'filter' }>) => string[],
): string {
  if (!match) return 'TRUE';
  const exact = exactQuery(match);
  if (exact && match.type !== 'not') return foundFirst(p, exact);
  const sup = supersetQuery(match);
  const cond = predicate(match, p, filterValues);
  return sup ? `${foundFirst(p, sup)} AND ${cond}` : cond;
}
