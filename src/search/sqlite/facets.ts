// Facet counts over a whole result set, counted on the in-memory facet arrays; only the values that
// can be shown are handed to the neutral ../facets.ts, which orders and labels them.
import type { Facet, FacetName } from '../../model/search.js';
import { shapeFacet, type CountedValue } from '../facets.js';
import type { QueryNode } from '../query.js';
import { countFacet, type IndexCache } from './cache.js';
import { topK } from './topk.js';

export function buildFacets(
  cache: IndexCache,
  docs: ArrayLike<number>,
  names: readonly FacetName[],
  limit: number,
  ast?: QueryNode,
): Facet[] {
  return names.map((name) => {
    const col = cache.facets[name];
    const counts = countFacet(col, docs);
    const present: number[] = [];
    for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) present.push(c);
    const { labels } = col;
    // The first `limit` in byCount's order (on codes, without an object per value), without sorting every value.
    const first = topK(
      present,
      limit,
      (a, b) => counts[b]! - counts[a]! || (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : 0),
    );
    const shown: CountedValue[] = first.map((c) => ({ value: col.values[c]!, label: labels[c]!, count: counts[c]! }));
    return shapeFacet(name, shown, present.length, limit, ast);
  });
}
