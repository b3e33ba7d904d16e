// Search on a SQLite store: the indexer the store runs inside its write transactions, and the
// executor reading the same database.
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { SqliteStore } from '../../store/sqlite/index.js';
import { type SearchIndex, withCollections } from '../search.js';
import { searchSqlite } from './execute.js';
import { catchUp, createSearchIndexer, rebuildIndex } from './indexer.js';

export interface SqliteSearchConfig {
  register?: PeopleRegister;
}

export const sqliteSearchIndexer = (o: SqliteSearchConfig = {}) => createSearchIndexer(o);

export function sqliteSearch(store: SqliteStore, o: SqliteSearchConfig = {}): SearchIndex {
  const register = () => o.register ?? loadDefaultRegister();
  const index: SearchIndex = {
    search: async (req) => searchSqlite(store.db, req, { register: register() }),
    catchUp: async () => (store.db.readonly ? 0 : catchUp(store.db, register())),
    rebuild: async () => rebuildIndex(store.db, register()),
  };
  return withCollections(index, () => store.listCollections());
}
