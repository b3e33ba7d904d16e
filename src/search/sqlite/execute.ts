// Search on SQLite: parse → expand → one FTS5 pass for the ranked words → per-document filters on
// the in-memory facet arrays → facet counts over the whole result set → the page's hits, with
// snippets made from the texts stored at index time. Recent answers are kept per index version.
import type Database from 'better-sqlite3';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SearchRequest, SearchResponse, SearchSort } from '../../model/search.js';
import { prepared } from '../../store/sqlite/statements.js';
import { expandQuery, type MatchNode } from '../expand.js';
import type { QueryNode } from '../query.js';
import { QueryError } from '../query-error.js';
import { emptyResponse, prepareRequest, unrunnable, type NormalRequest } from '../request.js';
import { indexCache, type IndexCache } from './cache.js';
import { buildFacets } from './facets.js';
import { predicate, type Pred } from './filters.js';
import { BM25, ftsExpression, plan, scoped } from './fts.js';
import { loadHits } from './hits.js';
import { sqliteLexicon } from './lexicon.js';
import { answerCache } from './answers.js';
import { topK } from './topk.js';

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
    topIn: db
      .prepare(`SELECT rowid, ${BM25} AS s FROM search_fts WHERE search_fts MATCH ?
                         AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY s, rowid LIMIT ? OFFSET ?`)
      .raw(),
  };
}
const compiled = new WeakMap<Database.Database, ReturnType<typeof statements>>();
const stmts = (db: Database.Database) => {
  let s = compiled.get(db);
  if (!s) compiled.set(db, (s = statements(db)));
  return s;
};

const hasIndex = (db: Database.Database) => !!prepared(db, "SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").get();

export function searchSqlite(db: Database.Database, req: SearchRequest, opts: SqliteSearchOptions = {}): SearchResponse {
  const t0 = performance.now();
  const ready = prepareRequest(req, t0);
  if ('answer' in ready) return ready.answer;
  const { r, ast } = ready;
  const register = opts.register ?? loadDefaultRegister();
  if (!hasIndex(db)) {
    return emptyResponse(
      r,
      r.sort ?? 'relevance',
      t0,
      new QueryError(
        'This archive has no search index yet.',
        undefined,
        'Open it once with a writable store (octavo import or octavo serve) to build the index.',
      ),
    );
  }
  // Read only: works the index missed are indexed when the archive is opened for writing (src/archive).
  const cache = indexCache(db, register);
  const answers = answerCache(db, cache.version, register);
  const key = answers && JSON.stringify([r.q, r.page, r.pageSize, r.sort ?? '', r.facets, r.facetLimit]);
  const known = key ? answers.get(key) : undefined;
  if (known) return { ...known, tookMs: performance.now() - t0 };
  const res = run(db, r, ast, cache, register, t0);
  if (key && !res.error) answers!.set(key, res);
  return res;
}

function run(
  db: Database.Database,
  r: NormalRequest,
  ast: QueryNode,
  cache: IndexCache,
  register: PeopleRegister,
  t0: number,
): SearchResponse {
  const lexicon = sqliteLexicon(db, cache);
  const { match, expansions, highlight, notes } = expandQuery(ast, { register, lexicon });
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
    const scopedExpression = (n: MatchNode) => {
      const e = ftsExpression(n);
      return e && scoped(e);
    };
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
      const rows = (
        preds.length ? s.topIn.all(p.fts, JSON.stringify(Array.from(result)), r.pageSize, offset) : s.top.all(p.fts, r.pageSize, offset)
      ) as [number, number][];
      for (const [id, bm] of rows) {
        pageIds.push(id);
        score.set(id, bm);
      }
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
    return {
      q: r.q,
      total,
      page: r.page,
      pageSize: r.pageSize,
      pages,
      sort,
      hits,
      facets,
      expansions,
      ...(notes.length ? { notes, approximate: true } : {}),
      tookMs: performance.now() - t0,
    };
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) {
      return emptyResponse(r, sort, t0, unrunnable());
    }
    throw e;
  }
}
