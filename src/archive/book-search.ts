// Searching a book's title puts the book first: when the query names a collection (its title begins
// with the words, or they make most of it), the matching works of that collection lead the results,
// in contents order, ahead of works that merely mention the words. Composed here because it needs
// both the search index and the book's contents (./books.ts).
import type { SearchHit, SearchResponse } from '../model/search.js';
import type { SearchIndex } from '../search/search.js';
import type { Store } from '../store/store.js';
import { contentsOf, readingOrder } from './books.js';

/** Books larger than this are not reordered (their works are found by ranking as usual). */
const MAX_MEMBERS = 200;
const PAGE = 100;

/** Every hit of a request, page by page, up to `limit`. */
async function hitsUpTo(index: SearchIndex, q: string, limit: number): Promise<{ hits: SearchHit[]; total: number }> {
  const hits: SearchHit[] = [];
  let total = 0;
  for (let page = 1; hits.length < limit; page++) {
    const r = await index.search({ q, page, pageSize: PAGE, facets: [], sort: 'relevance' });
    total = r.total;
    hits.push(...r.hits);
    if (page >= r.pages) break;
  }
  return { hits: hits.slice(0, limit), total };
}

export function booksFirst(index: SearchIndex, store: Store): SearchIndex {
  return {
    ...index,
    async search(req) {
      const r: SearchResponse = await index.search(req);
      const book = r.collections?.find((c) => c.named);
      if (!book || r.error || r.sort !== 'relevance' || r.total === 0 || book.works > MAX_MEMBERS) return r;
      const order = new Map(readingOrder(await contentsOf(store, book.path)).map((w, i) => [w.id, i]));
      // Collection paths are slugs: the filter needs no quoting.
      const members = (await hitsUpTo(index, `(${r.q}) collection:${book.path.join('/')}`, MAX_MEMBERS)).hits
        .filter((h) => order.has(h.id))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      if (!members.length) return r;
      const offset = (r.page - 1) * r.pageSize;
      const ids = new Set(members.map((h) => h.id));
      const rest = offset + r.pageSize > members.length ? (await hitsUpTo(index, r.q, offset + r.pageSize + members.length)).hits : [];
      const merged = [...members, ...rest.filter((h) => !ids.has(h.id))];
      return { ...r, hits: merged.slice(offset, offset + r.pageSize) };
    },
  };
}
