// Schema versions for the SQLite store. Append only: a released migration is never edited.
import type Database from 'better-sqlite3';

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
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        date_text TEXT,
        checksum TEXT NOT NULL,
        source_file TEXT,
        source_format TEXT,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX works_date ON works(date_start);
      CREATE INDEX works_updated ON works(updated_at);
      CREATE TABLE work_agents (
        work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('author', 'recipient')),
        agent_id TEXT NOT NULL,
        name TEXT NOT NULL,
        ord INTEGER NOT NULL,
        PRIMARY KEY (work_id, role, ord)
      );
      CREATE INDEX work_agents_agent ON work_agents(agent_id, role);
      CREATE TABLE work_collections (
        work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        position INTEGER,
        titles TEXT,
        PRIMARY KEY (work_id, path)
      );
      CREATE INDEX work_collections_path ON work_collections(path, position);
      CREATE TABLE collections (
        path TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        checksum TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        work_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        at TEXT NOT NULL,
        author TEXT,
        message TEXT,
        checksum TEXT,
        json TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        UNIQUE (work_id, n)
      );
    `,
  },
  {
    version: 2,
    name: 'API tokens (hashed)',
    up: `
      CREATE TABLE tokens (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'collection order key for previous/next',
    up: `
      ALTER TABLE work_collections ADD COLUMN sort_key TEXT;
      UPDATE work_collections SET sort_key =
        (CASE WHEN position IS NULL THEN '~' ELSE printf('%010d', position) END) || '|' ||
        COALESCE((SELECT date_start FROM works w WHERE w.id = work_collections.work_id), '~') || '|' || work_id;
      CREATE INDEX work_collections_order ON work_collections(path, sort_key);
    `,
  },
  {
    version: 4,
    name: 'source keys: where works and collections came from, for contents entries to find them',
    // The keys are computed in JavaScript (src/model/sources.ts): rows written before this migration
    // get theirs when the store next opens for writing (store_pending).
    up: `
      CREATE TABLE source_keys (
        key TEXT NOT NULL,
        work_id TEXT REFERENCES works(id) ON DELETE CASCADE,
        collection_path TEXT REFERENCES collections(path) ON DELETE CASCADE,
        CHECK ((work_id IS NULL) <> (collection_path IS NULL))
      );
      CREATE INDEX source_keys_key ON source_keys(key);
      CREATE INDEX source_keys_work ON source_keys(work_id);
      CREATE INDEX source_keys_collection ON source_keys(collection_path);
      CREATE TABLE store_pending (what TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO store_pending SELECT 'source_keys' WHERE EXISTS (SELECT 1 FROM works) OR EXISTS (SELECT 1 FROM collections);
    `,
  },
  {
    version: 5,
    name: 'member keys: which index pages list a work, whatever was imported first',
    up: `
      CREATE TABLE member_keys (
        key TEXT NOT NULL,
        collection_path TEXT NOT NULL REFERENCES collections(path) ON DELETE CASCADE,
        position INTEGER NOT NULL
      );
      CREATE INDEX member_keys_key ON member_keys(key);
      CREATE INDEX member_keys_collection ON member_keys(collection_path);
      INSERT OR IGNORE INTO store_pending SELECT 'source_keys' WHERE EXISTS (SELECT 1 FROM collections);
    `,
  },
];

export function migrate(db: Database.Database, list: Migration[] = migrations): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const m of list) {
    if (done.has(m.version)) continue;
    // BEGIN IMMEDIATE (see busy.ts): another process opening the same new archive may have applied it meanwhile.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
