// A search request made safe (page, sizes, sort and facets within bounds) and parsed, the same way
// for every backend; empty and malformed queries are answered here, before any index is read.
import {
  DEFAULT_FACET_LIMIT,
  DEFAULT_PAGE_SIZE,
  FACET_NAMES,
  MAX_PAGE_SIZE,
  SORTS,
  type FacetName,
  type SearchRequest,
  type SearchResponse,
  type SearchSort,
} from '../model/search.js';
import { parseQuery, type QueryNode } from './query.js';
import { QueryError } from './query-error.js';

export interface NormalRequest {
  q: string;
  page: number;
  pageSize: number;
  /** Undefined: the backend picks relevance when the query has ranked words, else date. */
  sort: SearchSort | undefined;
  facets: FacetName[];
  facetLimit: number;
}

export function normaliseRequest(req: SearchRequest): NormalRequest {
  const page = Math.max(1, Math.floor(Number(req.page) || 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(req.pageSize) || DEFAULT_PAGE_SIZE)));
  const sort: SearchSort | undefined = req.sort && SORTS.includes(req.sort) ? req.sort : undefined;
  const facets = (req.facets ?? FACET_NAMES).filter((f) => FACET_NAMES.includes(f));
  const facetLimit = Math.min(200, Math.max(1, Math.floor(Number(req.facetLimit) || DEFAULT_FACET_LIMIT)));
  return { q: String(req.q ?? ''), page, pageSize, sort, facets, facetLimit };
}

/** A response with no results: for an empty query, or with the problem of a malformed one. */
export function emptyResponse(r: NormalRequest, sort: SearchSort, t0: number, error?: QueryError): SearchResponse {
  return {
    q: r.q,
    total: 0,
    page: r.page,
    pageSize: r.pageSize,
    pages: 0,
    sort,
    hits: [],
    facets: [],
    expansions: [],
    ...(error ? { error: error.toProblem() } : {}),
    tookMs: performance.now() - t0,
  };
}

/** The request normalised and parsed, or the whole answer when the query is empty or malformed. */
export function prepareRequest(req: SearchRequest, t0: number): { r: NormalRequest; ast: QueryNode } | { answer: SearchResponse } {
  const r = normaliseRequest(req);
  try {
    const ast = parseQuery(r.q);
    return ast ? { r, ast } : { answer: emptyResponse(r, r.sort ?? 'relevance', t0) };
  } catch (e) {
    if (e instanceof QueryError) return { answer: emptyResponse(r, r.sort ?? 'relevance', t0, e) };
    throw e;
  }
}

/** The answer when a backend refuses a query it was given (too many terms, limits): never its own message. */
export const unrunnable = (): QueryError => new QueryError('The query could not be run.', undefined, 'Try fewer or simpler terms.');
