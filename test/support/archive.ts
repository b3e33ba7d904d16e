// Archives for tests: a store opened the way the CLI opens it (search index kept in step), and the
// register the importers need beside it.
import { openArchive } from '../../src/archive/open.js';
import { loadDefaultRegister, type PeopleRegister } from '../../src/model/register.js';
import type { Store } from '../../src/store/store.js';

/** The store of the archive at a location, opened for writing; closing the store closes the archive. */
export async function storeAt(location: string): Promise<Store> {
  return (await openArchive(location)).store;
}

/** A store with the default people register, as the import pipeline takes them. */
export const withRegister = (store: Store): { store: Store; register: PeopleRegister } => ({ store, register: loadDefaultRegister() });
