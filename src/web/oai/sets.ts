// Sets are the archive's collections. setSpec = the collection path joined with ":"
// (lenin:collected-works:volume-35); a set holds the works of that collection and of every collection
// below it, so "lenin" is the whole Lenin archive. setName = the titles along the path joined by " › ".
// Paths with a segment outside setSpec's alphabet (protocol 3.5: A-Z a-z 0-9 - _ . ! ~ * ' ( ))
// cannot be named as sets and are left out.
import type { CollectionSummary } from '../../model/summary.js';
import type { Store } from '../../store/store.js';

const SEGMENT = /^[A-Za-z0-9\-_.!~*'()]+$/;

export const isSetSpec = (s: string): boolean => s.split(':').every((seg) => SEGMENT.test(seg));

/** The setSpec of a collection path, or undefined when the path cannot be one. */
export function setSpecOf(path: string[]): string | undefined {
  return path.length > 0 && path.every((seg) => SEGMENT.test(seg)) ? path.join(':') : undefined;
}

/** The store's collection key ("a/b/c") for a setSpec. */
export const collectionKeyOf = (setSpec: string): string => setSpec.split(':').join('/');

/** The setSpec of a store collection key, as listed on change records. */
export const setSpecOfKey = (key: string): string | undefined => setSpecOf(key.split('/'));

export interface OaiSet {
  spec: string;
  name: string;
}

/**
 * Every set: each collection and each of its ancestors, in path order. Titles come from the collection
 * itself, else from the titles its member works give each level of the path, else the path segment.
 */
export async function listSets(store: Store): Promise<OaiSet[]> {
  const collections = (await store.listCollections()).filter((c) => setSpecOf(c.path));
  const titles = new Map<string, string>(collections.map((c) => [c.path.join('/'), c.title]));
  for (const c of collections) {
    const missing = c.path.some((_, i) => !titles.has(c.path.slice(0, i + 1).join('/')));
    if (missing) await learnTitles(store, c, titles);
  }
  const keys = new Set<string>();
  for (const c of collections)
    c.path.forEach((_, i) => {
      keys.add(c.path.slice(0, i + 1).join('/'));
    });
  return [...keys].sort().map((key) => {
    const path = key.split('/');
    const name = path.map((seg, i) => titles.get(path.slice(0, i + 1).join('/')) || seg).join(' › ');
    return { spec: path.join(':'), name };
  });
}

/** Titles of the levels above a collection, from the refs of one of its works. */
async function learnTitles(store: Store, c: CollectionSummary, titles: Map<string, string>): Promise<void> {
  const [member] = await store.listWorks({ collection: c.path, limit: 1 });
  const ref = member?.collections.find((r) => r.path.join('/') === c.path.join('/'));
  ref?.titles?.forEach((t, i) => {
    const key = c.path.slice(0, i + 1).join('/');
    if (t && !titles.has(key)) titles.set(key, t);
  });
}
