// Search request and response: one shape for every backend (SQLite FTS5, PostgreSQL), the web page,
// the JSON API and the CLI. Plain data, so page templates can show a response without the engine.
import type { WorkKind } from './work.js';

export const FACET_NAMES = ['kind', 'author', 'recipient', 'year', 'decade', 'place', 'collection', 'language'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SORTS = ['relevance', 'date', 'date-desc'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchRequest {
  /** The query in Octavo's query language (see docs/search.md). Empty: no results, no error. */
  q: string;
  /** 1-based. */
  page?: number;
  /** Results per page, 1–100 (default 20). */
  pageSize?: number;
  /** Default: relevance when the query has words, else date. */
  sort?: SearchSort;
  /** Which facets to count (default: all); [] for none. */
  facets?: readonly FacetName[];
  /** Values returned per facet, most frequent first (default 12). */
  facetLimit?: number;
}

/** Which part of a work a snippet comes from: the text, the editorial notes, or the header (publication, source). */
export type SnippetField = 'title' | 'body' | 'notes' | 'header';

export interface Snippet {
  field: SnippetField;
  /** Escaped HTML: the source text with the matched words wrapped in <mark>…</mark>. */
  html: string;
}

export interface SearchHit {
  id: string;
  kind: WorkKind;
  title: string;
  /** The title as escaped HTML with matched words in <mark>. */
  titleHtml: string;
  language: string;
  /** ISO start day of the written date, when dated. */
  date?: string;
  dateText?: string;
  authors: { id: string; name: string }[];
  recipients: { id: string; name: string }[];
  snippets: Snippet[];
  /** Relevance (higher is better; bm25 on the backend's scale); 0 when the query has no words. */
  score: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  /** The filter that selects this value, ready to append to the query: `recipient:shaumyan-stepan`. */
  filter: string;
  /** The query already contains this filter. */
  selected: boolean;
}

export interface Facet {
  name: FacetName;
  label: string;
  /** Distinct values in the whole result set (values beyond facetLimit are not listed). */
  distinct: number;
  values: FacetValue[];
}

/** How one word of the query was searched: the forms looked up in the index, and why. */
export interface WordExpansion {
  word: string;
  /** Index terms searched (stems, the other script's reading, register spellings). */
  terms: string[];
  /** Other spellings added from the people register. */
  aliases: string[];
  /** Spelling variants found by fuzzy matching. */
  variants: string[];
}

export interface QueryProblem {
  message: string;
  /** 0-based character offset in the query, when the problem has a place. */
  position?: number;
  hint?: string;
}

export interface SearchResponse {
  q: string;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  sort: SearchSort;
  hits: SearchHit[];
  facets: Facet[];
  /** What each word of the query was expanded to, so readers can see why a result matched. */
  expansions: WordExpansion[];
  /**
   * What a reader should know about how the query was searched, in words: a prefix standing for too
   * many words searched by its most frequent ones, say. Absent when there is nothing to tell.
   */
  notes?: string[];
  /** The count is of part of what the query names (see `notes`): shown as "about". */
  approximate?: boolean;
  /** Books and volumes whose title the query names, shown before the works (page 1 only). */
  collections?: CollectionHit[];
  /** Set when the query is malformed; then total is 0 and hits are empty. */
  error?: QueryProblem;
  tookMs: number;
}

export const FACET_LABELS: Record<FacetName, string> = {
  kind: 'Kind',
  author: 'Author',
  recipient: 'Recipient',
  year: 'Year',
  decade: 'Decade',
  place: 'Place',
  collection: 'Collection',
  language: 'Language',
};

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_FACET_LIMIT = 12;

/** One row of the query language's description (the search page's help table, the README). */
export interface SyntaxRow {
  syntax: string;
  meaning: string;
  example: string;
}

/** A collection (a book, a volume) whose title matches the query. */
export interface CollectionHit {
  path: string[];
  title: string;
  /** Works the archive holds in it. */
  works: number;
  /** The query names this collection (its title begins with the words, or they make most of it): its works come first. */
  named: boolean;
}
