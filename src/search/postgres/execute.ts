// Search on PostgreSQL: parse → expand (vocabulary fetched in rounds) → resolve filters → one
// statement that finds the works (GIN over the tsvector, exact conditions for phrases and filters),
// counts them, ranks them with ts_rank, takes the page and counts facets over the whole result set →
// hits with snippets made from the stored works. The same semantics as ../sqlite/execute.ts.
import type pg from 'pg';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SearchHit, SearchRequest, SearchResponse, SearchSort } from '../../model/search.js';
import type { Work } from '../../model/work.js';
import { FIELD_WEIGHTS } from '../document.js';
import type { Highlight } from '../expand.js';
import { toHit } from '../hits.js';
import { emptyResponse, prepareRequest, unrunnable } from '../request.js';
import { buildFacets, type FacetCount } from './facets.js';
import { filterResolver } from './filters.js';
import { expandWithIndex } from './lexicon.js';
import { Params, rankQuery, rankedParts, whereClause } from './tsquery.js';

export interface PostgresSearchOptions {
  register?: PeopleRegister;
}

/** ts_rank weights {D, C, B, A}: FIELD_WEIGHTS relative to the title's (see WEIGHT_OF in indexer.ts). */
const RANK_WEIGHTS = `'{${[FIELD_WEIGHTS.body, FIELD_WEIGHTS.places, FIELD_WEIGHTS.people, FIELD_WEIGHTS.title].map((w) => w / FIELD_WEIGHTS.title).join(',')}}'`;
/** ts_rank normalisation 1: divide by 1 + log(document length), as bm25 favours shorter works. */
const RANK_NORMALISATION = 1;

/** PostgreSQL errors a query can cause (bad data, limits, cancellation), as opposed to a broken connection. */
const queryFault = (e: unknown) => /^(22|42|54|57014)/.test((e as { code?: string }).code ?? '') && !!(e as { severity?: string }).severity;

interface Row {
  total: number;
  hits: [string, number][] | null;
  facets: [string, string, number, number, string][] | null;
}

export async function searchPostgres(
  db: pg.Pool | pg.ClientBase,
  req: SearchRequest,
  opts: PostgresSearchOptions = {},
): Promise<SearchResponse> {
  const t0 = performance.now();
  const ready = prepareRequest(req, t0);
  if ('answer' in ready) return ready.answer;
  const { r, ast } = ready;
  const register = opts.register ?? loadDefaultRegister();

  let sort: SearchSort = r.sort ?? 'relevance';
  try {
    const { match, expansions, highlight } = await expandWithIndex(db, ast, register);
    const ranked = match ? rankedParts(match) : [];
    sort = r.sort ?? (ranked.length ? 'relevance' : 'date');
    const rankq = sort === 'relevance' ? rankQuery(ranked) : undefined;
    const filterValues = await filterResolver(db, match, register);
    const p = new Params();
    const where = whereClause(match, p, filterValues);
    const score = rankq ? `ts_rank(${RANK_WEIGHTS}, d.tsv, ${p.add(rankq)}::tsquery, ${RANK_NORMALISATION})` : '0';
    // Ties: the older document first, as SQLite orders by rowid.
    const order = rankq ? 's DESC, docid' : sort === 'date-desc' ? 'date_start DESC NULLS LAST, docid' : 'date_start ASC NULLS LAST, docid';
    // Facet counts: the facet keys of every result, counted, then split (once per distinct key, not per
    // result: MATERIALIZED keeps the facet filter from being pushed below the count); only the values that may be shown
    // (as frequent as the limit-th or more, ties included) come back, with their labels.
    const facets = r.facets.length
      ? `(
      WITH fk AS MATERIALIZED (SELECT k, count(*)::int AS n FROM r, unnest(r.facets) AS k GROUP BY k),
      fc AS (
        SELECT split_part(k, E'\\x1f', 1) AS facet, substr(k, strpos(k, E'\\x1f') + 1) AS value, n
        FROM fk WHERE split_part(k, E'\\x1f', 1) = ANY(${p.add(r.facets)}::text[])
      ), fr AS (
        SELECT facet, value, n, rank() OVER (PARTITION BY facet ORDER BY n DESC) AS rk, count(*) OVER (PARTITION BY facet)::int AS distinct_n FROM fc
      )
      SELECT json_agg(json_build_array(fr.facet, fr.value, fr.n, fr.distinct_n,
        (SELECT x.label FROM search_facets x WHERE x.facet = fr.facet AND x.value = fr.value ORDER BY x.docid DESC LIMIT 1))
        ORDER BY fr.facet, fr.value) FROM fr WHERE fr.rk <= ${p.add(r.facetLimit)})`
      : 'NULL';
    const { rows } = await db.query<Row>(
      `WITH r AS MATERIALIZED (
         SELECT d.docid, d.work_id, d.date_start, d.facets, ${score} AS s FROM search_docs d WHERE ${where}
       ), pg AS (
         SELECT docid, work_id, s, row_number() OVER (ORDER BY ${order}) AS i FROM r ORDER BY ${order}
         LIMIT ${p.add(r.pageSize)} OFFSET ${p.add((r.page - 1) * r.pageSize)}
       )
       SELECT (SELECT count(*) FROM r)::int AS total,
         (SELECT json_agg(json_build_array(pg.work_id, pg.s) ORDER BY pg.i) FROM pg) AS hits,
         ${facets} AS facets`,
      p.values,
    );
    const row = rows[0]!;
    const total = row.total;
    const counts: FacetCount[] = (row.facets ?? []).map(([facet, value, count, distinct, label]) => ({
      facet,
      value,
      count,
      distinct,
      label,
    }));
    const hits = await loadHits(db, row.hits ?? [], highlight, !!rankq);
    return {
      q: r.q,
      total,
      page: r.page,
      pageSize: r.pageSize,
      pages: Math.ceil(total / r.pageSize),
      sort,
      hits,
      facets: buildFacets(counts, r.facets, r.facetLimit, ast),
      expansions,
      tookMs: performance.now() - t0,
    };
  } catch (e) {
    if (queryFault(e)) return emptyResponse(r, sort, t0, unrunnable());
    throw e;
  }
}

/** The page's works as hits with snippets (a work deleted since the search is left out). */
async function loadHits(db: pg.Pool | pg.ClientBase, page: [string, number][], h: Highlight, ranked: boolean): Promise<SearchHit[]> {
  if (!page.length) return [];
  // Rows of JSON text parse faster in JavaScript than one json_agg of parsed works.
  const { rows } = await db.query<{ id: string; json: string }>('SELECT id, json FROM works WHERE id = ANY($1::text[])', [
    page.map(([id]) => id),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r.json]));
  return page.flatMap(([id, s]) => {
    const json = byId.get(id);
    return json ? [toHit(JSON.parse(json) as Work, h, ranked ? s : 0)] : [];
  });
}
