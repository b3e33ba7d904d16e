// Search on SQLite: parse → expand → one FTS5 pass for the ranked words → per-document filters on
// the in-memory facet arrays → facet counts over the whole result set → the page's hits, with
// snippets made from the texts stored at index time. Recent answers are kept per index version.
import type Database from 'better-sqlite3';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import { prepared } from '../../store/sqlite/statements.js';
import { expandQuery, type MatchNode } from '../expand.js';
import { parseQuery, type QueryNode } from '../query.js';
import {
  DEFAULT_FACET_LIMIT, DEFAULT_PAGE_SIZE, FACET_NAMES, MAX_PAGE_SIZE, QueryError, SORTS,
  type SearchRequest, type SearchResponse, type SearchSort,
} from '../types.js';
import { indexCache, indexVersion, type IndexCache } from './cache.js';
import { buildFacets } from './facets.js';
import { predicate, type Pred } from './filters.js';
import { BM25, ftsExpression, plan, scoped } from './fts.js';
import { loadHits } from './hits.js';
import { catchUp } from './indexer.js';
import { sqliteLexicon } from './lexicon.js';
import { answerCache } from './answers.js';
import { topK } from './topk.js';

export { toHit } from './hits.js';

export interface SqliteSearchOptions {
  register?: PeopleRegister;
}

function statements(db: Database.Database) {
  return {
    // As one JSON array: a few thousand ids come across faster as one string than as rows.
    ids: db.prepare('SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck(),
    // Ranking stays inside SQLite: handing every match's score to JavaScript costs more than bm25 itself.
    top: db.prepare(`SELECT rowid, ${BM25} AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY s, rowid LIMIT ? OFFSET ?`).raw(),
    // "+rowid": without the plus, SQLite hands the id list to FTS5, which runs the match once per id.
    topIn: db.prepare(`SELECT rowid, ${BM25} AS s FROM search_fts WHERE search_fts MATCH ?
                         AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY s, rowid LIMIT ? OFFSET ?`).raw(),
  };
}
const compiled = new WeakMap<Database.Database, ReturnType<typeof statements>>();
const stmts = (db: Database.Database) => {
  let s = compiled.get(db);
  if (!s) compiled.set(db, (s = statements(db)));
  return s;
};

const lastVersion = new WeakMap<Database.Database, string>();

/** The cache for the current index, indexing works the index has missed first (writable stores only). */
function ready(db: Database.Database, register: PeopleRegister): IndexCache {
  const version = indexVersion(db);
  if (lastVersion.get(db) !== version) {
    if (!db.readonly) catchUp(db, register);
    lastVersion.set(db, indexVersion(db));
  }
  return indexCache(db, register);
}

export function normaliseRequest(req: SearchRequest) {
  const page = Math.max(1, Math.floor(Number(req.page) || 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(req.pageSize) || DEFAULT_PAGE_SIZE)));
  const sort: SearchSort | undefined = req.sort && SORTS.includes(req.sort) ? req.sort : undefined;
  const facets = (req.facets ?? FACET_NAMES).filter((f) => FACET_NAMES.includes(f));
  const facetLimit = Math.min(200, Math.max(1, Math.floor(Number(req.facetLimit) || DEFAULT_FACET_LIMIT)));
  return { q: String(req.q ?? ''), page, pageSize, sort, facets, facetLimit };
}

function empty(q: string, page: number, pageSize: number, sort: SearchSort, t0: number, error?: QueryError): SearchResponse {
  return {
    q, total: 0, page, pageSize, pages: 0, sort, hits: [], facets: [], expansions: [],
    ...(error ? { error: error.toProblem() } : {}), tookMs: performance.now() - t0,
  };
}

export function searchSqlite(db: Database.Database, req: SearchRequest, opts: SqliteSearchOptions = {}): SearchResponse {
  const t0 = performance.now();
  const r = normaliseRequest(req);
  const register = opts.register ?? loadDefaultRegister();
  let ast: QueryNode | undefined;
  try {
    ast = parseQuery(r.q);
  } catch (e) {
    if (e instanceof QueryError) return empty(r.q, r.page, r.pageSize, r.sort ?? 'relevance', t0, e);
    throw e;
  }
  if (!ast) return empty(r.q, r.page, r.pageSize, r.sort ?? 'relevance', t0);
  if (!prepared(db, "SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").get()) {
    return empty(r.q, r.page, r.pageSize, r.sort ?? 'relevance', t0,
      new QueryError('This archive has no search index yet.', undefined, 'Open it once with a writable store (octavo import or octavo serve) to build the index.'));
  }
  const cache = ready(db, register);
  const answers = answerCache(db, cache.version, register);
  const key = answers && JSON.stringify([r.q, r.page, r.pageSize, r.sort ?? '', r.facets, r.facetLimit]);
  const known = key ? answers.get(key) : undefined;
  if (known) return { ...known, tookMs: performance.now() - t0 };
  const res = run(db, r, ast, cache, register, t0);
  if (key && !res.error) answers!.set(key, res);
  return res;
}

function run(db: Database.Database, r: ReturnType<typeof normaliseRequest>, ast: QueryNode, cache: IndexCache, register: PeopleRegister, t0: number): SearchResponse {
  const lexicon = sqliteLexicon(db, cache);
  const { match, expansions, highlight } = expandQuery(ast, { register, lexicon });
  const s = stmts(db);
  const p = match ? plan(match) : { rest: [] };
  const sort: SearchSort = r.sort ?? (p.fts ? 'relevance' : 'date');

  // 1. Candidates: the documents matching the words, or every document when the query has only filters.
  const score = new Map<number, number>();
  try {
    const matching = (expr: string) => JSON.parse(s.ids.get(expr) as string) as number[];
    const candidates: ArrayLike<number> = p.fts ? matching(p.fts) : cache.docids;

    // 2. Filters and other per-document conditions, on the in-memory facet arrays.
    const ftsDocs = (expr: string) => new Set(matching(expr));
    const scopedExpression = (n: MatchNode) => { const e = ftsExpression(n); return e && scoped(e); };
    const preds: Pred[] = p.rest.map((n) => predicate(n, { cache, register, ftsDocs, ftsExpression: scopedExpression }));
    let result: ArrayLike<number> = candidates;
    if (preds.length) {
      const kept: number[] = [];
      for (let i = 0; i < candidates.length; i++) {
        const d = candidates[i]!;
        if (preds.every((pr) => pr(d))) kept.push(d);
      }
      result = kept;
    }

    // 3. Order and page: bm25 in SQLite for relevance, the cached dates otherwise.
    const total = result.length;
    const pages = Math.ceil(total / r.pageSize);
    const offset = (r.page - 1) * r.pageSize;
    let pageIds: number[] = [];
    if (offset < total && p.fts && sort === 'relevance') {
      const rows = (preds.length
        ? s.topIn.all(p.fts, JSON.stringify(Array.from(result)), r.pageSize, offset)
        : s.top.all(p.fts, r.pageSize, offset)) as [number, number][];
      for (const [id, bm] of rows) { pageIds.push(id); score.set(id, bm); }
    } else if (offset < total) {
      const byDate = (a: number, b: number) => {
        const da = cache.dateStart[a];
        const dbb = cache.dateStart[b];
        if (da === dbb) return a - b;
        if (da === undefined) return 1;
        if (dbb === undefined) return -1;
        return (da < dbb ? -1 : 1) * (sort === 'date-desc' ? -1 : 1);
      };
      pageIds = topK(result, offset + r.pageSize, byDate).slice(offset);
    }

    // 4. Facets over the whole result set; hits with snippets for the page.
    const facets = buildFacets(cache, result, r.facets, r.facetLimit, ast);
    const hits = loadHits(db, pageIds, highlight, score);
    return { q: r.q, total, page: r.page, pageSize: r.pageSize, pages, sort, hits, facets, expansions, tookMs: performance.now() - t0 };
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) {
      return empty(r.q, r.page, r.pageSize, sort, t0, new QueryError('The query could not be run.', undefined, 'Try fewer or simpler terms.'));
    }
    throw e;
  }
}
