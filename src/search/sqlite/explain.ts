// What a query asks of the SQLite index, in plain terms: the FTS5 expression and the resolved
// filters. The benchmark's hand-written SQL reference starts from this, so both engines answer the
// same question; it is also handy when debugging a surprising result.
import type Database from 'better-sqlite3';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import { expandQuery } from '../expand.js';
import { parseQuery } from '../query.js';
import type { FacetName } from '../../model/search.js';
import { indexCache } from './cache.js';
import { FACET_OF } from '../facets.js';
import { resolveFilter } from '../filters.js';
import { plan } from './fts.js';
import { sqliteLexicon } from './lexicon.js';

export type ExplainedFilter = { facet: FacetName; values: string[] } | { from: string; to: string };

export interface Explained {
  fts?: string;
  filters: ExplainedFilter[];
  /** False when the query mixes words and filters under OR/NOT, which a flat SQL plan cannot express. */
  flat: boolean;
}

/** Throws QueryError for malformed queries, like parseQuery. */
export function explainQuery(db: Database.Database, q: string, register: PeopleRegister = loadDefaultRegister()): Explained {
  const ast = parseQuery(q);
  const cache = indexCache(db, register);
  const { match } = expandQuery(ast, { register, lexicon: sqliteLexicon(db, cache) });
  if (!match) return { filters: [], flat: true };
  const p = plan(match);
  const filters: ExplainedFilter[] = [];
  let flat = true;
  for (const n of p.rest) {
    if (n.type === 'filter')
      filters.push({ facet: FACET_OF[n.field], values: resolveFilter(n.field, n.value, cache.dicts.get(FACET_OF[n.field]), register) });
    else if (n.type === 'date') filters.push({ from: n.from, to: n.to });
    else flat = false;
  }
  return { ...(p.fts ? { fts: p.fts } : {}), filters, flat };
}
