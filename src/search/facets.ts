// Facets as every backend answers them: the values a backend counted, ordered (most frequent first,
// ties by label; years and decades in time order), cut to the limit, each with the filter that
// selects it and whether the query already has that filter.
import { FACET_LABELS, type Facet, type FacetName } from '../model/search.js';
import { filterToken, walk, type FilterField, type QueryNode } from './query.js';

/** The facet a filter field selects from (author: → author, lang: → language). */
export const FACET_OF: Readonly<Record<FilterField, FacetName>> = {
  author: 'author',
  recipient: 'recipient',
  place: 'place',
  kind: 'kind',
  lang: 'language',
  collection: 'collection',
};

const FILTER_FIELD: Readonly<Record<FacetName, FilterField | 'year'>> = {
  kind: 'kind',
  author: 'author',
  recipient: 'recipient',
  year: 'year',
  decade: 'year',
  place: 'place',
  collection: 'collection',
  language: 'lang',
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

export interface CountedValue {
  value: string;
  label: string;
  count: number;
}

/** Most frequent first; ties by label (code-unit order, as both databases compare them). */
export const byCount = (a: CountedValue, b: CountedValue): number =>
  b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/**
 * One facet from counted values: at least the `limit` most frequent ones (a backend may send only
 * those), and `distinct`, the number of values in the whole result set.
 */
export function shapeFacet(name: FacetName, counted: CountedValue[], distinct: number, limit: number, ast?: QueryNode): Facet {
  const shown = [...counted].sort(byCount).slice(0, limit);
  if (CHRONOLOGICAL.has(name)) shown.sort((a, b) => Number(a.value) - Number(b.value));
  return {
    name,
    label: FACET_LABELS[name],
    distinct,
    values: shown.map((c) => ({
      value: c.value,
      label: c.label,
      count: c.count,
      filter: facetFilter(name, c.value),
      selected: isSelected(ast, name, c.value),
    })),
  };
}
