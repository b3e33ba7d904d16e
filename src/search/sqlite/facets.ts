// Facet counts over a whole result set, with the filter that selects each value.
import { filterToken, walk, type QueryNode } from '../query.js';
import { FACET_LABELS, type Facet, type FacetName } from '../types.js';
import { countFacet, type IndexCache } from './cache.js';
import { topK } from './topk.js';

const FILTER_FIELD: Record<FacetName, 'kind' | 'author' | 'recipient' | 'year' | 'place' | 'collection' | 'lang'> = {
  kind: 'kind', author: 'author', recipient: 'recipient', year: 'year', decade: 'year', place: 'place',
  collection: 'collection', language: 'lang',
};
const CHRONOLOGICAL = new Set<FacetName>(['year', 'decade']);

/** The filter (as written in a query) selecting one facet value. */
export function facetFilter(facet: FacetName, value: string): string {
  return filterToken(FILTER_FIELD[facet], facet === 'decade' ? `${value}s` : value);
}

function isSelected(ast: QueryNode | undefined, facet: FacetName, value: string): boolean {
  if (!ast) return false;
  for (const n of walk(ast)) {
    if (n.type === 'filter' && FILTER_FIELD[facet] === n.field && n.value === value) return true;
    if (n.type === 'date' && facet === 'year' && n.from === `${value}-01-01` && n.to === `${value}-12-31`) return true;
    if (n.type === 'date' && facet === 'decade' && n.from === `${value}-01-01` && n.to === `${Number(value) + 9}-12-31`) return true;
  }
  return false;
}

export function buildFacets(cache: IndexCache, docs: ArrayLike<number>, names: readonly FacetName[], limit: number, ast?: QueryNode): Facet[] {
  return names.map((name) => {
    const col = cache.facets[name];
    const counts = countFacet(col, docs);
    const present: number[] = [];
    for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) present.push(c);
    const shown = topK(present, limit, (a, b) => counts[b]! - counts[a]! || (col.labels[a]! < col.labels[b]! ? -1 : col.labels[a]! > col.labels[b]! ? 1 : 0));
    if (CHRONOLOGICAL.has(name)) shown.sort((a, b) => Number(col.values[a]) - Number(col.values[b]));
    return {
      name,
      label: FACET_LABELS[name],
      distinct: present.length,
      values: shown.map((c) => ({
        value: col.values[c]!,
        label: col.labels[c]!,
        count: counts[c]!,
        filter: facetFilter(name, col.values[c]!),
        selected: isSelected(ast, name, col.values[c]!),
      })),
    };
  });
}
