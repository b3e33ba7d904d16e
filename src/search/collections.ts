// Books and volumes a query names by title: "capital" or "communist manifesto" finds the collection
// itself, shown before the works; and collection facet values read as the collections' own titles.
// Words are compared as index terms (stems, both scripts), the way the index compares them.
import type { CollectionHit, SearchResponse } from '../model/search.js';
import type { CollectionSummary } from '../model/summary.js';
import { readings } from './expand.js';
import { type QueryNode, walk } from './query.js';
import { indexText, wordTokens } from './text.js';

/** At most this many collections are offered above the results. */
const MAX_COLLECTIONS = 5;

/** The words a query asks for (not under NOT), or none when it asks for nothing but filters. */
function askedWords(ast: QueryNode): string[][] {
  const out: string[][] = [];
  const visit = (n: QueryNode) => {
    if (n.type === 'not' || n.type === 'filter' || n.type === 'date') return;
    if (n.type === 'word' && !n.prefix) out.push(...wordTokens(n.text).map((w) => readings(w.surface)));
    else if (n.type === 'phrase') out.push(...wordTokens(n.text).map((w) => readings(w.surface)));
    else if (n.type === 'and' || n.type === 'or') n.children.forEach(visit);
  };
  visit(ast);
  return out;
}

/** Whether a query could name a collection: it asks for words, without OR or filters. */
export function mayNameCollections(ast: QueryNode): boolean {
  // A query with an OR or filters is asking for works, not naming a book.
  return askedWords(ast).length > 0 && ![...walk(ast)].some((n) => n.type === 'or' || n.type === 'filter' || n.type === 'date');
}

/** A collection list's titles as index terms, and its titles by path: made once per list (lists are kept while the archive is unchanged). */
interface TitleTerms {
  terms: { all: string[]; set: Set<string>; content: number }[];
  titles: Map<string, string>;
}
const titleTerms = new WeakMap<readonly CollectionSummary[], TitleTerms>();

function termsOf(collections: readonly CollectionSummary[]): TitleTerms {
  let t = titleTerms.get(collections);
  if (!t) {
    t = {
      terms: collections.map((c) => {
        const all = indexText(c.title).split(' ').filter(Boolean);
        // Short words (of, the, and) say little about which book is meant.
        return { all, set: new Set(all), content: new Set(all.filter((w) => w.length > 3)).size };
      }),
      titles: new Map(collections.map((c) => [c.path.join('/'), c.title])),
    };
    titleTerms.set(collections, t);
  }
  return t;
}

/** Collections whose title holds every word of the query, the most fully matched titles first. */
export function matchCollections(ast: QueryNode, collections: readonly CollectionSummary[]): CollectionHit[] {
  if (!mayNameCollections(ast)) return [];
  const words = askedWords(ast);
  const hits: (CollectionHit & { share: number; first: boolean })[] = [];
  const prepared = termsOf(collections).terms;
  for (const [i, c] of collections.entries()) {
    const { all, set: terms, content } = prepared[i]!;
    if (!terms.size || !words.every((alts) => alts.some((t) => terms.has(t)))) continue;
    const share = words.length / Math.max(1, content);
    const first = words[0]!.includes(all[0]!);
    hits.push({ path: c.path, title: c.title, works: c.count, named: first || share >= 0.5, share, first });
  }
  // A title that begins with the words, then the most fully matched, then the largest.
  hits.sort((a, b) => +b.first - +a.first || b.share - a.share || b.works - a.works || a.path.join('/').localeCompare(b.path.join('/')));
  return hits.slice(0, MAX_COLLECTIONS).map(({ share: _s, first: _f, ...h }) => h);
}

/** The collection facet's values labelled with the collections' own titles, where they have records. */
export function titledFacets(r: SearchResponse, collections: readonly CollectionSummary[]): SearchResponse {
  const { titles } = termsOf(collections);
  return {
    ...r,
    facets: r.facets.map((f) =>
      f.name !== 'collection' ? f : { ...f, values: f.values.map((v) => ({ ...v, label: titles.get(v.value) ?? v.label })) },
    ),
  };
}
