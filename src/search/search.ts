// What a search backend offers the layers above it: answers, and the index's upkeep. The archive
// (src/archive) picks the backend that matches its store and hands its indexer to the store.
import type { SearchRequest, SearchResponse } from '../model/search.js';

export interface SearchIndex {
  /** Ranked full-text search with facets and snippets; a malformed query comes back as `error`, never thrown. */
  search(req: SearchRequest): Promise<SearchResponse>;
  /** Index the works the index lacks (archives written before it existed); returns how many. A write. */
  catchUp(): Promise<number>;
  /** Empty the index and build it again from the stored works; returns how many. A write. */
  rebuild(): Promise<number>;
}
