// Search on a SQLite store: the indexer the store runs inside its write transactions, and the
// executor reading the same database.
import type Database from 'better-sqlite3';
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { CollectionSummary } from '../../model/summary.js';
import type { SqliteStore } from '../../store/sqlite/index.js';
import { type SearchIndex, withCollections } from '../search.js';
import { searchSqlite } from './execute.js';
import { catchUp, createSearchIndexer, rebuildIndex } from './indexer.js';

export interface SqliteSearchConfig {
  register?: PeopleRegister;
}

export const sqliteSearchIndexer = (o: SqliteSearchConfig = {}) => createSearchIndexer(o);

/**
 * What the archive holds right now: PRAGMA data_version changes with every commit of another
 * connection, total_changes() with every row this connection writes.
 */
function changeKey(db: Database.Database): () => string {
  const stmt = db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
  return () => stmt.get() as string;
}

/** The store's collection list, read again only when the archive has changed (every search with collection facets asks for it). */
function keptCollections(store: SqliteStore): () => Promise<CollectionSummary[]> {
  let kept: { key: string; list: Promise<CollectionSummary[]> } | undefined;
  let key: (() => string) | undefined;
  return () => {
    key ??= changeKey(store.db);
    const k = key();
    if (kept?.key !== k) {
      const list = store.listCollections();
      kept = { key: k, list };
      list.catch(() => {
        if (kept?.list === list) kept = undefined;
      });
    }
    return kept.list;
  };
}

export function sqliteSearch(store: SqliteStore, o: SqliteSearchConfig = {}): SearchIndex {
  const register = () => o.register ?? loadDefaultRegister();
  const index: SearchIndex = {
    search: async (req) => searchSqlite(store.db, req, { register: register() }),
    catchUp: async () => (store.db.readonly ? 0 : catchUp(store.db, register())),
    rebuild: async () => rebuildIndex(store.db, register()),
  };
  return withCollections(index, keptCollections(store));
}
