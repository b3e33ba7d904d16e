// The PostgreSQL search index: one row per work with a weighted tsvector, the name-like terms, and the
// work's index terms as text (for phrases); facet rows; the vocabulary for spelling variants. Written by
// the PostgreSQL store inside the same transaction as each upsert and delete (a PostgresIndexer).
//
// The tsvector is built from the IndexDoc's terms, which Octavo's own normaliser (../text.ts) has
// already folded, stemmed (Snowball English/Russian) and transliterated. PostgreSQL must not change
// them: no stemming, no stop words, as with the 'simple' configuration. They go in as tsvector
// input (quoted lexemes with weights, the effect of setweight per field) rather than through
// to_tsvector('simple', …), so PostgreSQL's parser cannot split a term either; queries are quoted
// lexemes cast to tsquery. The index therefore holds exactly the terms SQLite's FTS5 index holds,
// and finds exactly the same works.
import type pg from 'pg';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { Work } from '../../model/work.js';
import type { PostgresIndexer } from '../../store/postgres/index.js';
import type { Migration } from '../../store/postgres/migrations.js';
import { indexDocument, type IndexDoc, type TextField } from '../document.js';
import { facetKey, fits, lexeme } from './tsquery.js';

export const searchMigrations: Migration[] = [
  {
    version: 100,
    name: 'search: tsvector index, facets, vocabulary',
    up: `
      CREATE TABLE search_docs (
        docid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        work_id text COLLATE "C" NOT NULL UNIQUE REFERENCES works(id) ON DELETE CASCADE,
        date_start text COLLATE "C",
        date_end text COLLATE "C",
        -- title A, people B, places C, body and notes D (see WEIGHT_OF)
        tsv tsvector NOT NULL,
        -- name-like terms (spelling variants are looked for among names)
        names tsvector NOT NULL,
        -- the text fields' terms in order, ' ' around each field, fields apart by newlines: phrases
        terms text NOT NULL
      );
      CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
      CREATE INDEX search_docs_names ON search_docs USING gin (names);
      CREATE INDEX search_docs_date ON search_docs (date_start, date_end);
      CREATE TABLE search_facets (
        facet text COLLATE "C" NOT NULL,
        value text COLLATE "C" NOT NULL,
        docid integer NOT NULL REFERENCES search_docs(docid) ON DELETE CASCADE,
        label text NOT NULL,
        PRIMARY KEY (facet, value, docid)
      );
      CREATE INDEX search_facets_doc ON search_facets (docid);
      -- Every term ever indexed (as in SQLite, never pruned). No unique key on purpose: writers in
      -- concurrent transactions never wait on each other here; readers ask for DISTINCT terms.
      CREATE TABLE search_terms (term text COLLATE "C" NOT NULL);
      CREATE INDEX search_terms_term ON search_terms (term);
      -- Candidate spellings: terms by first letter and length (see lexicon.ts).
      CREATE INDEX search_terms_bucket ON search_terms (left(term, 1), char_length(term), term);
      -- Works holding a term, and works where it is a name, counted on the GIN indexes. The planner
      -- cannot cost a tsquery it does not know yet and would read (and decompress) every tsvector.
      CREATE FUNCTION search_term_stats(q tsquery, OUT docs integer, OUT names integer)
        LANGUAGE sql STABLE SET enable_seqscan = off AS $$
          SELECT (SELECT count(*)::integer FROM search_docs WHERE tsv @@ q), (SELECT count(*)::integer FROM search_docs WHERE names @@ q)
        $$;
    `,
  },
  {
    version: 101,
    name: 'search: facet keys on documents, GIN without pending lists, matches through the index',
    up: `
      -- Facet keys (facetKey in tsquery.ts) on the document: filters and facet counts read them
      -- without a join.
      ALTER TABLE search_docs ADD COLUMN facets text[] COLLATE "C" NOT NULL DEFAULT '{}';
      UPDATE search_docs d SET facets = ARRAY(SELECT f.facet || E'\\x1f' || f.value FROM search_facets f WHERE f.docid = d.docid ORDER BY 1);
      ALTER TABLE search_docs ALTER COLUMN facets DROP DEFAULT;
      -- No pending lists (fastupdate): every search would scan them, and the planner, costing that
      -- scan, would rather read every tsvector.
      SELECT gin_clean_pending_list('search_docs_tsv'), gin_clean_pending_list('search_docs_names');
      ALTER INDEX search_docs_tsv SET (fastupdate = off);
      ALTER INDEX search_docs_names SET (fastupdate = off);
      CREATE INDEX search_docs_facets ON search_docs USING gin (facets) WITH (fastupdate = off);
      -- The works matching a tsquery, found through the GIN index: the planner does not count the
      -- cost of reading (and decompressing) tsvectors, so for common or several words it would
      -- rather read them all.
      CREATE FUNCTION search_matches(q tsquery) RETURNS SETOF integer
        LANGUAGE sql STABLE ROWS 1000 SET enable_seqscan = off AS $$ SELECT docid FROM search_docs WHERE tsv @@ q $$;
    `,
  },
  {
    version: 102,
    name: 'search: heading tsvector and length, for choosing the works to rank',
    // Derived from tsv by PostgreSQL (weights A, B, C: title, people, places): every writer keeps them.
    up: `
      ALTER TABLE search_docs
        ADD COLUMN head tsvector GENERATED ALWAYS AS (ts_filter(tsv, '{a,b,c}')) STORED,
        ADD COLUMN len integer GENERATED ALWAYS AS (length(tsv)) STORED;
    `,
  },
];

/**
 * tsvector weight classes. There are four and five fields; body and notes share D. ts_rank's weights
 * (RANK_WEIGHTS) are FIELD_WEIGHTS / 8, so notes count as much as body here (half as much in SQLite).
 */
export const WEIGHT_OF: Record<TextField, 'A' | 'B' | 'C' | 'D'> = { title: 'A', people: 'B', places: 'C', body: 'D', notes: 'D' };
const BY_WEIGHT: TextField[] = ['title', 'people', 'places', 'body', 'notes'];

/** PostgreSQL keeps at most 256 positions per lexeme. */
const MAX_POSITIONS = 256;

/**
 * The tsvector of a document, as tsvector input text. A lexeme's positions here are its occurrence
 * numbers (1, 2, …, strongest field first), not word positions: PostgreSQL clamps positions above
 * 16383 and keeps 256 per lexeme, so `<->` would both miss and invent phrases in long works. Phrases
 * are checked on the `terms` text instead; positions only carry weights and counts for ts_rank.
 */
export function tsvectorText(doc: IndexDoc): string {
  const occ = new Map<string, string[]>();
  for (const field of BY_WEIGHT) {
    const w = WEIGHT_OF[field] === 'D' ? '' : WEIGHT_OF[field];
    const text = doc.fields[field];
    if (!text) continue;
    for (const t of text.split(' ')) {
      let list = occ.get(t);
      if (!list) {
        if (!fits(t)) continue;
        occ.set(t, (list = []));
      }
      if (list.length < MAX_POSITIONS) list.push(`${list.length + 1}${w}`);
    }
  }
  let out = '';
  for (const [t, pos] of occ) out += `${out ? ' ' : ''}${lexeme(t)}:${pos.join(',')}`;
  return out;
}

/** The text fields' terms for phrase checks: ` title \n body \n notes \n people \n places `. */
export const termsText = (doc: IndexDoc): string =>
  ` ${(['title', 'body', 'notes', 'people', 'places'] as const).map((f) => doc.fields[f]).join(' \n ')} `;

function distinctTerms(doc: IndexDoc): string[] {
  const out = new Set<string>();
  for (const field of Object.values(doc.fields)) for (const t of field.split(' ')) if (t) out.add(t);
  return [...out];
}

/** Write one document's rows (the caller holds the transaction). */
export async function writeDoc(c: pg.ClientBase, doc: IndexDoc): Promise<void> {
  const names = doc.names ? doc.names.split(' ').filter(fits) : [];
  // A facet value listed twice for one work counts once (the first label stays, as INSERT OR IGNORE).
  const seen = new Set<string>();
  const facets = doc.facets.filter((f) => !seen.has(facetKey(f.facet, f.value)) && !!seen.add(facetKey(f.facet, f.value)));
  const { rows } = await c.query<{ docid: number; fresh: boolean }>(
    `INSERT INTO search_docs (work_id, date_start, date_end, tsv, names, terms, facets)
     VALUES ($1, $2, $3, $4::tsvector, array_to_tsvector($5::text[]), $6, $7::text[])
     ON CONFLICT (work_id) DO UPDATE SET date_start = excluded.date_start, date_end = excluded.date_end,
       tsv = excluded.tsv, names = excluded.names, terms = excluded.terms, facets = excluded.facets
     RETURNING docid, (xmax = 0) AS fresh`,
    [doc.workId, doc.dateStart ?? null, doc.dateEnd ?? null, tsvectorText(doc), names, termsText(doc), [...seen]],
  );
  const { docid, fresh } = rows[0]!;
  if (!fresh) await c.query('DELETE FROM search_facets WHERE docid = $1', [docid]);
  if (facets.length) {
    await c.query(
      `INSERT INTO search_facets (facet, value, docid, label)
       SELECT facet, value, $1, label FROM unnest($2::text[], $3::text[], $4::text[]) AS t(facet, value, label)`,
      [docid, facets.map((f) => f.facet), facets.map((f) => f.value), facets.map((f) => f.label)],
    );
  }
  await c.query(
    `INSERT INTO search_terms (term)
     SELECT t FROM unnest($1::text[]) AS t WHERE NOT EXISTS (SELECT 1 FROM search_terms s WHERE s.term = t)`,
    [distinctTerms(doc)],
  );
}

export async function removeDoc(c: pg.ClientBase, workId: string): Promise<void> {
  // Facet rows go with the document (ON DELETE CASCADE).
  await c.query('DELETE FROM search_docs WHERE work_id = $1', [workId]);
}

/** The titles of the collections a work sits in, from their records (index pages), by path. */
async function bookTitles(c: pg.ClientBase | pg.Pool, work: Work): Promise<Map<string, string>> {
  if (!work.collections.length) return new Map();
  const { rows } = await c.query<{ path: string; title: string }>('SELECT path, title FROM collections WHERE path = ANY($1::text[])', [
    work.collections.map((r) => r.path.join('/')),
  ]);
  return new Map(rows.map((r) => [r.path, r.title]));
}

async function indexWork(c: pg.ClientBase, work: Work, register: PeopleRegister): Promise<void> {
  await writeDoc(c, indexDocument(work, register, await bookTitles(c, work)));
}

export interface SearchIndexerOptions {
  register?: PeopleRegister;
}

/** The indexer the PostgreSQL store installs by default. */
export function createSearchIndexer(opts: SearchIndexerOptions = {}): PostgresIndexer {
  const register = () => opts.register ?? loadDefaultRegister();
  return {
    migrations: searchMigrations,
    upsert: (c, work: Work) => indexWork(c, work, register()),
    collectionChanged: async (c, path) => {
      const { rows } = await c.query<{ json: string }>(
        'SELECT w.json FROM work_collections wc JOIN works w ON w.id = wc.work_id WHERE wc.path = $1',
        [path],
      );
      for (const r of rows) await indexWork(c, JSON.parse(r.json) as Work, register());
    },
    remove: (c, id) => removeDoc(c, id),
  };
}

const CATCH_UP_BATCH = 200;

/**
 * Index the works the index does not know yet (archives written before the index existed). Works are
 * locked as the store locks them, so a concurrent write of the same work waits its turn. Returns
 * the number of works indexed.
 */
export async function catchUp(pool: pg.Pool, register: PeopleRegister = loadDefaultRegister()): Promise<number> {
  const missing = async (c: pg.Pool | pg.ClientBase) =>
    (
      await c.query<{ id: string }>(
        `SELECT id FROM works w WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.work_id = w.id) ORDER BY id LIMIT ${CATCH_UP_BATCH}`,
      )
    ).rows.map((r) => r.id);
  if (!(await missing(pool)).length) return 0;
  let n = 0;
  const c = await pool.connect();
  try {
    for (;;) {
      await c.query('BEGIN');
      try {
        const ids = await missing(c);
        if (ids.length)
          await c.query("SELECT pg_advisory_xact_lock(hashtext('work:' || id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, i)", [ids]);
        const rows = (
          await c.query<{ json: string }>(
            'SELECT json FROM works w WHERE id = ANY($1) AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.work_id = w.id) ORDER BY id',
            [ids],
          )
        ).rows;
        for (const r of rows) await indexWork(c, JSON.parse(r.json) as Work, register);
        await c.query('COMMIT');
        n += rows.length;
        if (ids.length < CATCH_UP_BATCH) return n;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      }
    }
  } finally {
    c.release();
  }
}

/** Empty the index and build it again from the stored works (after a change of normaliser or register). */
export async function rebuildIndex(pool: pg.Pool, register: PeopleRegister = loadDefaultRegister()): Promise<number> {
  await pool.query('TRUNCATE search_facets, search_docs, search_terms');
  return catchUp(pool, register);
}
