// Which archive a command works on: --db, else OCTAVO_DB, else ./data/octavo.db.
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';

export const DEFAULT_DB = './data/octavo.db';

export function dbLocation(opt?: string): string {
  return opt ?? process.env.OCTAVO_DB ?? DEFAULT_DB;
}

/** Open the store a location names. PostgreSQL URLs are served by the postgres store once it is configured. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const mod = await import('../store/postgres/index.js').catch(() => undefined);
    if (!mod) throw new Error('PostgreSQL support is not available in this build');
    return mod.openPostgresStore(location);
  }
  return openSqliteStore(location.replace(/^sqlite:/, ''));
}
