// Schema versions for the PostgreSQL store, numbered like the SQLite store's. Append only: a released
// migration is never edited. Text columns that are compared or sorted use the "C" collation so that
// orderings match SQLite's binary ones whatever the database's locale.
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'works, people, collections, revisions',
    up: `
      CREATE TABLE works (
        id text COLLATE "C" PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        language text NOT NULL,
        date_start text COLLATE "C",
        date_end text COLLATE "C",
        date_text text,
        checksum text NOT NULL,
        source_file text,
        source_format text,
        json text NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX works_date ON works(date_start);
      CREATE INDEX works_updated ON works(updated_at);
      CREATE TABLE work_agents (
        work_id text COLLATE "C" NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('author', 'recipient')),
        agent_id text NOT NULL,
        name text NOT NULL,
        ord integer NOT NULL,
        PRIMARY KEY (work_id, role, ord)
      );
      CREATE INDEX work_agents_agent ON work_agents(agent_id, role);
      CREATE TABLE work_collections (
        work_id text COLLATE "C" NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        path text COLLATE "C" NOT NULL,
        position integer,
        titles text,
        -- position, written date and id in one string (missing ones last), for keyset neighbours
        sort_key text COLLATE "C" NOT NULL,
        PRIMARY KEY (work_id, path)
      );
      CREATE INDEX work_collections_path ON work_collections(path, sort_key);
      CREATE TABLE collections (
        path text COLLATE "C" PRIMARY KEY,
        title text NOT NULL,
        checksum text NOT NULL,
        json text NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE TABLE revisions (
        id bigserial PRIMARY KEY,
        work_id text COLLATE "C" NOT NULL,
        n integer NOT NULL,
        at text COLLATE "C" NOT NULL,
        author text,
        message text,
        checksum text,
        json text,
        deleted boolean NOT NULL DEFAULT false,
        UNIQUE (work_id, n)
      );
      CREATE INDEX revisions_at ON revisions(at);
    `,
  },
  {
    version: 2,
    name: 'API tokens (hashed)',
    up: `
      CREATE TABLE tokens (
        name text COLLATE "C" PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
        hash text NOT NULL UNIQUE,
        created_at text NOT NULL,
        revoked_at text
      );
    `,
  },
  {
    version: 3,
    name: 'source keys: where works and collections came from, for contents entries to find them',
    // Keys are computed in JavaScript (src/model/sources.ts); rows from before get theirs at the next
    // opening (store_pending), as in SQLite.
    up: `
      CREATE TABLE source_keys (
        key text COLLATE "C" NOT NULL,
        work_id text COLLATE "C" REFERENCES works(id) ON DELETE CASCADE,
        collection_path text COLLATE "C" REFERENCES collections(path) ON DELETE CASCADE,
        CHECK ((work_id IS NULL) <> (collection_path IS NULL))
      );
      CREATE INDEX source_keys_key ON source_keys(key);
      CREATE INDEX source_keys_work ON source_keys(work_id);
      CREATE INDEX source_keys_collection ON source_keys(collection_path);
      CREATE TABLE store_pending (what text PRIMARY KEY);
      INSERT INTO store_pending SELECT 'source_keys' WHERE EXISTS (SELECT 1 FROM works) OR EXISTS (SELECT 1 FROM collections);
    `,
  },
  {
    version: 4,
    name: 'member keys: which index pages list a work, whatever was imported first',
    up: `
      CREATE TABLE member_keys (
        key text COLLATE "C" NOT NULL,
        collection_path text COLLATE "C" NOT NULL REFERENCES collections(path) ON DELETE CASCADE,
        position integer NOT NULL
      );
      CREATE INDEX member_keys_key ON member_keys(key);
      CREATE INDEX member_keys_collection ON member_keys(collection_path);
      INSERT INTO store_pending SELECT 'source_keys' WHERE EXISTS (SELECT 1 FROM collections) ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 5,
    name: 'read columns: work summaries for listings, collection member counts',
    // Listings (contents, neighbours, letters between two people) need a work's heading, not its
    // text: "summary" holds what summarise() reads (src/model/summary.ts), derived by PostgreSQL
    // from "json", so no writer can forget it. jsonb_build_object is only STABLE because some types
    // print by settings; on jsonb values it is immutable, as the function says. PostgreSQL's JSON
    // functions refuse the escapes \u0000 and lone surrogates (\ud800…\udfff; JSON.stringify
    // writes no others for valid pairs): such rows keep NULL and readers use "json". "members": the
    // number of a collection's contents entries.
    up: `
      CREATE FUNCTION octavo_work_summary(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_strip_nulls(jsonb_build_object(
          'id', j -> 'id', 'kind', j -> 'kind', 'title', j -> 'title', 'language', j -> 'language',
          'written', CASE WHEN j -> 'written' ? 'date' THEN jsonb_build_object('date', j -> 'written' -> 'date') END,
          'published', COALESCE((SELECT jsonb_agg(jsonb_build_object('date', p -> 'date') ORDER BY i)
            FROM jsonb_array_elements(j -> 'published') WITH ORDINALITY AS x(p, i) WHERE p ? 'date'), '[]'),
          'authors', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', a -> 'id', 'name', a -> 'name') ORDER BY i), '[]')
            FROM jsonb_array_elements(j -> 'authors') WITH ORDINALITY AS x(a, i)),
          'recipients', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', a -> 'id', 'name', a -> 'name') ORDER BY i), '[]')
            FROM jsonb_array_elements(j -> 'recipients') WITH ORDINALITY AS x(a, i)),
          'collections', j -> 'collections'))::text
      $$;
      ALTER TABLE works ADD COLUMN summary text GENERATED ALWAYS AS (
        CASE WHEN json !~ '\\\\u(0000|[dD][89a-fA-F])' THEN octavo_work_summary(json::jsonb) END) STORED;
      ALTER TABLE collections ADD COLUMN members integer GENERATED ALWAYS AS (
        CASE WHEN json !~ '\\\\u(0000|[dD][89a-fA-F])' THEN json_array_length((json::json) -> 'members') END) STORED;
    `,
  },
];

/**
 * Apply what is missing, each migration in its own transaction. An advisory lock makes several
 * processes starting at once over one database take turns instead of racing to create tables.
 */
export async function migrate(client: pg.ClientBase, list: Migration[] = migrations): Promise<void> {
  await client.query("SELECT pg_advisory_lock(hashtext(current_schema() || ':octavo-migrate'))");
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text, applied_at text NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of list) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.up);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':octavo-migrate'))");
  }
}
