// Which facet values a filter (author:, recipient:, place:, collection:, kind:, lang:) selects. The
// same rules as ../sqlite/filters.ts resolveFilter: the value itself, lower-cased, a collection path
// segment, a register person, or every word of a name key (label, id read as words, register
// spellings). Only the values of the facets a query filters on are read.
import type pg from 'pg';
import { nameKey, type PeopleRegister } from '../../model/register.js';
import type { MatchNode } from '../expand.js';
import type { FilterField } from '../query.js';
import { FACET_OF } from './tsquery.js';

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
     WHERE facet = ANY($1::text[]) ORDER BY facet, value, docid DESC`, [facets]);
  for (const r of rows) {
    const col = out.get(r.facet)!;
    col.values.push(r.value);
    col.labels.push(r.label);
  }
  return out;
}

function nameKeys(field: FilterField, col: FacetValues, register: PeopleRegister | undefined): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    if (!key) return;
    const list = m.get(key);
    if (!list) m.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  };
  col.values.forEach((v, i) => {
    add(nameKey(col.labels[i]!), v);
    if (field !== 'collection') add(v.replace(/[-_./]+/g, ' '), v);
    if ((field === 'author' || field === 'recipient') && register) for (const s of register.spellings(v)) add(nameKey(s), v);
  });
  return m;
}

const containsWords = (key: string, words: string[]) => {
  const have = key.split(' ');
  return words.every((w) => have.includes(w));
};

/** The facet values a filter selects. */
export function resolveFilter(field: FilterField, value: string, col: FacetValues | undefined, register?: PeopleRegister): string[] {
  const v = value.trim();
  // kind: and lang: select their value as it is (a value no work has selects nothing, as in SQLite).
  if (field === 'kind' || field === 'lang' || !col) return [v];
  const has = new Set(col.values);
  const out = new Set<string>();
  if (has.has(v)) out.add(v);
  const lower = v.toLowerCase();
  if (has.has(lower)) out.add(lower);
  if (field === 'collection') {
    const path = lower.replace(/^\/+|\/+$/g, '');
    for (const p of col.values) if (`/${p}/`.includes(`/${path}/`)) out.add(p);
  }
  if ((field === 'author' || field === 'recipient') && register) {
    const person = register.lookup(v);
    if (person && has.has(person.id)) out.add(person.id);
  }
  const key = nameKey(v);
  const words = key.split(' ').filter(Boolean);
  if (words.length) {
    for (const [k, values] of nameKeys(field, col, register)) {
      if (k === key || containsWords(k, words)) for (const x of values) out.add(x);
    }
  }
  return [...out];
}

/** Resolve every filter of a match tree: one read of the facets involved. */
export async function filterResolver(db: pg.Pool | pg.ClientBase, match: MatchNode | undefined, register?: PeopleRegister): Promise<(n: FilterNode) => string[]> {
  const nodes = filtersIn(match).filter((n) => n.field !== 'kind' && n.field !== 'lang');
  const cols = await loadFacetValues(db, [...new Set(nodes.map((n) => FACET_OF[n.field]))]);
  const memo = new Map<FilterNode, string[]>();
  return (n) => {
    let v = memo.get(n);
    if (!v) memo.set(n, (v = resolveFilter(n.field, n.value, cols.get(FACET_OF[n.field]), register)));
    return v;
  };
}
