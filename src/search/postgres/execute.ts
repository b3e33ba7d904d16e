// Search on PostgreSQL: parse → expand (vocabulary fetched in rounds) → resolve filters → one
// statement that finds the works (GIN over the tsvector, exact conditions for phrases and filters),
// counts them, ranks them with ts_rank, takes the page and counts facets over the whole result set →
// hits with snippets made from the stored works. The same semantics as ../sqlite/execute.ts.
import type pg from 'pg';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SearchRequest, SearchResponse, SearchSort } from '../../model/search.js';
import type { Work } from '../../model/work.js';
import { FIELD_WEIGHTS } from '../document.js';
import { toHit } from '../hits.js';
import { emptyResponse, prepareRequest, unrunnable } from '../request.js';
import { buildFacets, type FacetCount } from './facets.js';
import { filterResolver } from './filters.js';
import { expandWithIndex } from './lexicon.js';
import { Params, rankQuery, rankTerms, rankedParts, whereClause } from './tsquery.js';

export interface PostgresSearchOptions {
  register?: PeopleRegister;
}

/** ts_rank weights {D, C, B, A}: FIELD_WEIGHTS relative to the title's (see WEIGHT_OF in indexer.ts). */
const RANK_WEIGHTS = `'{${[FIELD_WEIGHTS.body, FIELD_WEIGHTS.places, FIELD_WEIGHTS.people, FIELD_WEIGHTS.title].map((w) => w / FIELD_WEIGHTS.title).join(',')}}'`;
/** ts_rank normalisation 1: divide by 1 + log(document length), as bm25 favours shorter works. */
const RANK_NORMALISATION = 1;
/**
 * Works ranked on their whole tsvector when more match (more when a later page needs them): reading
 * and ranking every match's tsvector is what made common words slow. The candidates are the matches
 * ranked best on the tsvector of their title, people and places alone (search_docs.head, small and
 * stored inline), then those holding more of the query's words, then the shorter. ts_rank weighs
 * those fields 1, 0.5 and 0.25 against 0.125 for the text, a word's later occurrences add little to
 * its first, and the length divides: that order holds the best-ranked works unless very many match
 * alike.
 */
const RANK_CANDIDATES = 300;

const headings = new WeakMap<object, Promise<boolean>>();
/**
 * Whether the index has search_docs.head and len (migration 102). An archive opened only for reading
 * may predate them (search migrations run when it is opened for writing); it is ranked whole.
 */
function hasHeadings(db: pg.Pool | pg.ClientBase): Promise<boolean> {
  let known = headings.get(db);
  if (!known) {
    known = db
      .query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = 102) AS ok')
      .then((res) => res.rows[0]!.ok);
    known.catch(() => headings.delete(db));
    headings.set(db, known);
  }
  return known;
}

/** PostgreSQL errors a query can cause (bad data, limits, cancellation), as opposed to a broken connection. */
const queryFault = (e: unknown) => /^(22|42|54|57014)/.test((e as { code?: string }).code ?? '') && !!(e as { severity?: string }).severity;

/** A row of the answer: a hit (score, work) and, on the first, the count and facets. */
interface Row {
  total: number | null;
  facets: [string, string, number, number, string][] | null;
  s: number | null;
  json: string | null;
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
    const terms = sort === 'relevance' ? rankTerms(ranked) : [];
    const rankq = rankQuery(terms);
    const filterValues = await filterResolver(db, match, register);
    const p = new Params();
    const where = whereClause(match, p, filterValues);
    const capped = !!rankq && (await hasHeadings(db));
    // Ties: the older document first, as SQLite orders by rowid. Past RANK_CANDIDATES (group g > 0),
    // works follow in the order candidates are chosen in, so that every page is cut from one order.
    const order = rankq
      ? `${capped ? 'g, ' : ''}s DESC, docid`
      : sort === 'date-desc'
        ? 'date_start DESC NULLS LAST, docid'
        : 'date_start ASC NULLS LAST, docid';
    const limit = `LIMIT ${p.add(r.pageSize)} OFFSET ${p.add((r.page - 1) * r.pageSize)}`;
    // The page: by date straight from the matches; by relevance, ts_rank over the whole tsvector of
    // the matches, or of RANK_CANDIDATES of them when there are more (see there).
    let page = `SELECT docid, work_id, date_start, 0 AS s FROM r ORDER BY ${order} ${limit}`;
    if (rankq) {
      const q = `${p.add(rankq)}::tsquery`;
      let candidates = 'SELECT docid FROM r';
      if (capped) {
        const cap = p.add(RANK_CANDIDATES);
        const end = p.add(Math.max(RANK_CANDIDATES, r.page * r.pageSize));
        // How many of the words each match holds, counted on the GIN index (one word: all hold it).
        const held =
          terms.length > 1
            ? `LEFT JOIN (SELECT m AS docid, count(*) AS n FROM unnest(${p.add(terms)}::tsquery[]) AS t(q), search_matches(t.q) AS m GROUP BY m) h
                 ON h.docid = r.docid`
            : '';
        const choice = `ts_rank(${RANK_WEIGHTS}, r.head, ${q}, ${RANK_NORMALISATION}) DESC${held ? ', h.n DESC NULLS LAST' : ''}, r.len, r.docid`;
        // The conditions on the count hold for the whole statement: PostgreSQL checks them once and
        // runs only the branch they select.
        candidates = `SELECT docid, 0 AS g FROM r WHERE (SELECT count(*) FROM r) <= ${cap}
          UNION ALL
          SELECT docid, CASE WHEN pr <= ${cap} THEN 0 ELSE pr END FROM (
            SELECT r.docid, row_number() OVER (ORDER BY ${choice}) AS pr FROM r ${held}
            WHERE (SELECT count(*) FROM r) > ${cap} ORDER BY ${choice} LIMIT ${end}
          ) y`;
      }
      page = `SELECT d.docid, d.work_id, d.date_start, ${capped ? 'c.g, ' : ''}ts_rank(${RANK_WEIGHTS}, d.tsv, ${q}, ${RANK_NORMALISATION}) AS s
        FROM (${candidates}) c JOIN search_docs d ON d.docid = c.docid ORDER BY ${order} ${limit}`;
    }
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
         SELECT d.docid, d.work_id, d.date_start, d.facets${capped ? ', d.head, d.len' : ''} FROM search_docs d WHERE ${where}
       ), pg AS (
         SELECT docid, work_id, s, row_number() OVER (ORDER BY ${order}) AS i FROM (${page}) x
       ), answer AS (SELECT (SELECT count(*) FROM r)::int AS total, ${facets} AS facets)
       -- One row per hit with its work (rows of JSON text parse faster in JavaScript than one
       -- json_agg of works), the count and facets on the first; one row without a hit when none.
       SELECT CASE WHEN hit.n IS NULL OR hit.n = 1 THEN a.total END AS total,
         CASE WHEN hit.n IS NULL OR hit.n = 1 THEN a.facets END AS facets, hit.s, hit.json
       FROM answer a LEFT JOIN (
         SELECT row_number() OVER (ORDER BY pg.i) AS n, pg.s, w.json FROM pg JOIN works w ON w.id = pg.work_id
       ) hit ON true
       ORDER BY hit.n`,
      p.values,
    );
    const row = rows[0]!;
    const total = row.total!;
    const counts: FacetCount[] = (row.facets ?? []).map(([facet, value, count, distinct, label]) => ({
      facet,
      value,
      count,
      distinct,
      label,
    }));
    // A work deleted since it was indexed has no row of its own and is left out.
    const hits = rows.flatMap((h) => (h.json === null ? [] : [toHit(JSON.parse(h.json) as Work, highlight, rankq ? h.s! : 0)]));
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
