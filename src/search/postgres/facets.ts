// Facet counts as PostgreSQL sends them (only the values that may be shown, with each facet's number
// of distinct values), shaped by the neutral ../facets.ts like every backend's.
import type { Facet, FacetName } from '../../model/search.js';
import { shapeFacet } from '../facets.js';
import type { QueryNode } from '../query.js';

/** A value that may be shown (as frequent as the limit-th value or more), with its facet's number of values. */
export interface FacetCount {
  facet: string;
  value: string;
  label: string;
  count: number;
  distinct: number;
}

export function buildFacets(counts: FacetCount[], names: readonly FacetName[], limit: number, ast?: QueryNode): Facet[] {
  return names.map((name) => {
    const candidates = counts.filter((c) => c.facet === name);
    return shapeFacet(name, candidates, candidates[0]?.distinct ?? 0, limit, ast);
  });
}
