// What a search backend offers the layers above it: answers, and the index's upkeep. The archive
// (src/archive) picks the backend that matches its store and hands its indexer to the store.
import type { SearchRequest, SearchResponse } from '../model/search.js';
import type { CollectionSummary } from '../model/summary.js';
import { matchCollections, mayNameCollections, titledFacets } from './collections.js';
import { parseQuery } from './query.js';

export interface SearchIndex {
  /** Ranked full-text search with facets and snippets; a malformed query comes back as `error`, never thrown. */
  search(req: SearchRequest): Promise<SearchResponse>;
  /** Index the works the index lacks (archives written before it existed); returns how many. A write. */
  catchUp(): Promise<number>;
  /** Empty the index and build it again from the stored works; returns how many. A write. */
  rebuild(): Promise<number>;
}

/**
 * A backend's index with what every backend adds the same way: the collections the query names by
 * title (first page only), and collection facets labelled with the collections' own titles.
 */
export function withCollections(index: SearchIndex, listCollections: () => Promise<CollectionSummary[]>): SearchIndex {
  return {
    ...index,
    async search(req) {
      const r = await index.search(req);
      if (r.error || !r.q.trim()) return r;
      // The list is read only when it is needed: for collection facet values, or a query that may name a book.
      const ast = r.page === 1 ? parseQuery(r.q) : undefined;
      const naming = !!ast && mayNameCollections(ast);
      if (!naming && !r.facets.some((f) => f.name === 'collection' && f.values.length)) return r;
      const collections = await listCollections();
      const out = titledFacets(r, collections);
      const named = naming ? matchCollections(ast, collections) : [];
      return named.length ? { ...out, collections: named } : out;
    },
  };
}
