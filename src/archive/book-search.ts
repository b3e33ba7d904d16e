// Searching a book's title puts the book first: when the query names a collection (its title begins
// with the words, or they make most of it), the matching works of that collection lead the results,
// in contents order, ahead of works that merely mention the words. Composed here because it needs
// both the search index and the book's contents (./books.ts).
import type { SearchHit, SearchResponse } from '../model/search.js';
import type { SearchIndex } from '../search/search.js';
import type { Store } from '../store/store.js';
import { contentsOf, readingOrder } from './books.js';

/** Books larger than this are not reordered (their works are found by ranking as usual). */
const MAX_MEMBERS = 100;
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
      // Its own contents entries in order (neither the works no entry names, of which a volume may hold
      // thousands, nor its sub-indexes are read); the book's other matching works follow them as ranked.
      const contents = await contentsOf(store, book.path, 0, new Set(), { others: false, parts: false });
      const order = new Map(readingOrder(contents).map((w, i) => [w.id, i]));
      const rank = (id: string) => order.get(id) ?? order.size;
      // Collection paths are slugs: the filter needs no quoting.
      const members = (await hitsUpTo(index, `(${r.q}) collection:${book.path.join('/')}`, MAX_MEMBERS)).hits
        .map((h, i) => ({ h, i }))
        .sort((a, b) => rank(a.h.id) - rank(b.h.id) || a.i - b.i)
        .map((x) => x.h);
      if (!members.length) return r;
      const offset = (r.page - 1) * r.pageSize;
      const ids = new Set(members.map((h) => h.id));
      const rest = offset + r.pageSize > members.length ? (await hitsUpTo(index, r.q, offset + r.pageSize + members.length)).hits : [];
      const merged = [...members, ...rest.filter((h) => !ids.has(h.id))];
      return { ...r, hits: merged.slice(offset, offset + r.pageSize) };
    },
  };
}
