// Search on a PostgreSQL store: the indexer the store runs inside its write transactions, and the
// executor reading the same database.
import { loadDefaultRegister, type PeopleRegister } from '../../model/register.js';
import type { PostgresStore } from '../../store/postgres/index.js';
import { type SearchIndex, withCollections } from '../search.js';
import { searchPostgres } from './execute.js';
import { catchUp, createSearchIndexer, rebuildIndex } from './indexer.js';

export interface PostgresSearchConfig {
  register?: PeopleRegister;
}

export const postgresSearchIndexer = (o: PostgresSearchConfig = {}) => createSearchIndexer(o);

export function postgresSearch(store: PostgresStore, o: PostgresSearchConfig = {}): SearchIndex {
  const register = () => o.register ?? loadDefaultRegister();
  const index: SearchIndex = {
    search: (req) => searchPostgres(store.pool, req, { register: register() }),
    catchUp: () => catchUp(store.pool, register()),
    rebuild: () => rebuildIndex(store.pool, register()),
  };
  return withCollections(index, () => store.listCollections());
}
