// The composition root: an archive is a store with its search index kept in step, chosen by the
// location (an SQLite file or a postgres:// URL). Only this module knows which backends exist; the
// web app and the CLI get an Archive and call its parts through their interfaces.
import { existsSync } from 'node:fs';
import { loadDefaultRegister, type PeopleRegister } from '../model/register.js';
import type { SearchIndex } from '../search/search.js';
import type { Store } from '../store/store.js';
import { booksFirst } from './book-search.js';
import { isPostgres, sqliteFile } from './location.js';

export interface Archive {
  readonly location: string;
  readonly store: Store;
  readonly search: SearchIndex;
  readonly register: PeopleRegister;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * 'write' (default): the search index is kept in step with every write, and works it missed are
   * indexed now. 'read': nothing is written, and search is loaded only when first used.
   */
  mode?: 'read' | 'write';
  register?: PeopleRegister;
  /** PostgreSQL pool size. */
  connections?: number;
  /**
   * PostgreSQL: postgres:// URLs of streaming replicas. Reads (pages, search) are shared among them,
   * writes go to the primary, and this process reads its own writes (src/store/postgres/replicas.ts).
   */
  replicas?: string[];
}

/** An error about the archive itself (missing, unreadable), worded for the person who named it. */
export class ArchiveError extends Error {}

export async function openArchive(location: string, o: OpenOptions = {}): Promise<Archive> {
  const write = o.mode !== 'read';
  const register = () => o.register ?? loadDefaultRegister();
  if (isPostgres(location)) {
    const { openPostgresStore } = await import('../store/postgres/index.js');
    const searchMod = write ? await import('../search/postgres/index.js') : undefined;
    const store = await openPostgresStore(location, {
      indexers: searchMod ? [searchMod.postgresSearchIndexer({ register: register() })] : [],
      ...(o.connections ? { max: o.connections } : {}),
      ...(o.replicas?.length ? { replicas: o.replicas } : {}),
    });
    const search = lazySearch(async () => {
      const mod = searchMod ?? (await import('../search/postgres/index.js'));
      const primary = mod.postgresSearch(store, { register: register() });
      if (!store.reads.replicated) return primary;
      // Searching reads a replica (the one the store would read now); catching up and rebuilding write.
      return {
        search: (req) => store.reading((view) => mod.postgresSearch(view, { register: register() }).search(req)),
        catchUp: () => primary.catchUp(),
        rebuild: () => primary.rebuild(),
      };
    });
    // What the catch-up wrote is read back from the primary until the replicas have it.
    return assemble(location, store, search, register, write, () => store.noteWrites());
  }
  if (o.replicas?.length) throw new ArchiveError(`--replica is for PostgreSQL archives; ${location} is an SQLite file`);
  const file = sqliteFile(location);
  if (!write && file !== ':memory:' && !existsSync(file)) {
    throw new ArchiveError(`there is no archive at ${file} yet: import something first (octavo import <files>) or run octavo start`);
  }
  const { SqliteStore } = await import('../store/sqlite/index.js');
  const searchMod = write ? await import('../search/sqlite/index.js') : undefined;
  let store = new SqliteStore(file, {
    indexers: searchMod ? [searchMod.sqliteSearchIndexer({ register: register() })] : [],
    readonly: !write,
  });
  if (!write && store.needsMigration()) {
    // An archive made by an earlier version: brought up to date once (a write), then read as asked.
    await store.close();
    await (await openArchive(location, { ...o, mode: 'write' })).close();
    store = new SqliteStore(file, { readonly: true });
  }
  const search = lazySearch(async () =>
    (searchMod ?? (await import('../search/sqlite/index.js'))).sqliteSearch(store, { register: register() }),
  );
  return assemble(location, store, search, register, write);
}

async function assemble(
  location: string,
  store: Store,
  backend: SearchIndex,
  register: () => PeopleRegister,
  write: boolean,
  caughtUp?: () => Promise<void>,
): Promise<Archive> {
  const search = booksFirst(backend, store);
  try {
    // Archives written before their index existed, or by a process that did not index: catch up once.
    if (write) {
      await search.catchUp();
      await caughtUp?.();
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    location,
    store,
    search,
    get register() {
      return register();
    },
    close: () => store.close(),
  };
}

/** A SearchIndex whose backend module is loaded at its first use. */
function lazySearch(load: () => Promise<SearchIndex>): SearchIndex {
  let index: Promise<SearchIndex> | undefined;
  const get = () => (index ??= load());
  return {
    search: async (req) => (await get()).search(req),
    catchUp: async () => (await get()).catchUp(),
    rebuild: async () => (await get()).rebuild(),
  };
}
