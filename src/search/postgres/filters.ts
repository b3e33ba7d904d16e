// Which facet values a query's filters select, by the neutral rules of ../filters.ts, over the values
// of the facets the query filters on (only those are read).
import type pg from 'pg';
import type { PeopleRegister } from '../../model/register.js';
import type { MatchNode } from '../expand.js';
import { nameKeys, resolveFilter, type FacetDictionary } from '../filters.js';
import { FACET_OF } from '../facets.js';
import type { FilterField } from '../query.js';

/** A facet's distinct values with labels (the label of the latest document wins, as in SQLite). */
export interface FacetValues {
  values: string[];
  labels: string[];
}

type FilterNode = Extract<MatchNode, { type: 'filter' }>;

/** The filters of a match tree whose values need resolving against the index (not kind: or lang:). */
export function filtersIn(n: MatchNode | undefined, out: FilterNode[] = []): FilterNode[] {
  if (!n) return out;
  if (n.type === 'filter') out.push(n);
  else if (n.type === 'not') filtersIn(n.child, out);
  else if (n.type === 'and' || n.type === 'or') for (const c of n.children) filtersIn(c, out);
  return out;
}

export async function loadFacetValues(db: pg.Pool | pg.ClientBase, facets: string[]): Promise<Map<string, FacetValues>> {
  const out = new Map<string, FacetValues>(facets.map((f) => [f, { values: [], labels: [] }]));
  if (!facets.length) return out;
  const { rows } = await db.query<{ facet: string; value: string; label: string }>(
    `SELECT DISTINCT ON (facet, value) facet, value, label FROM search_facets
     WHERE facet = ANY($1::text[]) ORDER BY facet, value, docid DESC`,
    [facets],
  );
  for (const r of rows) {
    const col = out.get(r.facet)!;
    col.values.push(r.value);
    col.labels.push(r.label);
  }
  return out;
}

/** Resolve every filter of a match tree: one read of the facets involved. */
export async function filterResolver(
  db: pg.Pool | pg.ClientBase,
  match: MatchNode | undefined,
  register?: PeopleRegister,
): Promise<(n: FilterNode) => string[]> {
  const nodes = filtersIn(match).filter((n) => n.field !== 'kind' && n.field !== 'lang');
  const cols = await loadFacetValues(db, [...new Set(nodes.map((n) => FACET_OF[n.field]))]);
  const dicts = new Map<FilterField, FacetDictionary>();
  for (const n of nodes) {
    if (dicts.has(n.field)) continue;
    const col = cols.get(FACET_OF[n.field])!;
    const has = new Set(col.values);
    dicts.set(n.field, { has: (v) => has.has(v), values: col.values, keys: nameKeys(n.field, col.values, col.labels, register) });
  }
  const memo = new Map<FilterNode, string[]>();
  return (n) => {
    let v = memo.get(n);
    if (!v) memo.set(n, (v = resolveFilter(n.field, n.value, dicts.get(n.field), register)));
    return v;
  };
}
