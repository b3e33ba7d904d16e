// Facet counts over a whole result set (counted by PostgreSQL, which sends only the values that may
// be shown), shaped as ../sqlite/facets.ts shapes them: most frequent first (ties by label), at most
// `limit` values, years and decades in order.
import { walk, type QueryNode } from '../query.js';
import { facetFilter } from '../sqlite/facets.js';
import { FACET_LABELS, type Facet, type FacetName } from '../types.js';

/** A value that may be shown (as frequent as the limit-th value or more), with its facet's number of values. */
export interface FacetCount {
  facet: string;
  value: string;
  label: string;
  count: number;
  distinct: number;
}

const FILTER_FIELD: Record<FacetName, string> = {
  kind: 'kind', author: 'author', recipient: 'recipient', year: 'year', decade: 'year', place: 'place',
  collection: 'collection', language: 'lang',
};
const CHRONOLOGICAL = new Set<FacetName>(['year', 'decade']);

function isSelected(ast: QueryNode | undefined, facet: FacetName, value: string): boolean {
  if (!ast) return false;
  for (const n of walk(ast)) {
    if (n.type === 'filter' && FILTER_FIELD[facet] === n.field && n.value === value) return true;
    if (n.type === 'date' && facet === 'year' && n.from === `${value}-01-01` && n.to === `${value}-12-31`) return true;
    if (n.type === 'date' && facet === 'decade' && n.from === `${value}-01-01` && n.to === `${Number(value) + 9}-12-31`) return true;
  }
  return false;
}

const byLabel = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildFacets(counts: FacetCount[], names: readonly FacetName[], limit: number, ast?: QueryNode): Facet[] {
  return names.map((name) => {
    const candidates = counts.filter((c) => c.facet === name);
    // Ties in count go by label, then by value (the order the candidates come in), as in SQLite.
    const shown = candidates.sort((a, b) => b.count - a.count || byLabel(a.label, b.label)).slice(0, limit);
    if (CHRONOLOGICAL.has(name)) shown.sort((a, b) => Number(a.value) - Number(b.value));
    return {
      name,
      label: FACET_LABELS[name],
      distinct: candidates[0]?.distinct ?? 0,
      values: shown.map((c) => ({
        value: c.value, label: c.label, count: c.count,
        filter: facetFilter(name, c.value),
        selected: isSelected(ast, name, c.value),
      })),
    };
  });
}
