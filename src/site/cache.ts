// A store seen through a cache for the length of one static build. The archive is read, not written,
// while the build runs, and its pages ask the same questions again and again (the letters between
// two correspondents for each of their letters, a collection's record for each of its works, the
// collection list for every collection page): each answer is computed once.
import type { Store } from '../store/store.js';

/** The read methods whose answers are kept; getWork and neighbours are asked once per work anyway. */
const CACHED = new Set<string>(['listWorks', 'countWorks', 'listCollections', 'getCollection', 'findSources', 'findListings']);

export function cachingStore(store: Store): Store {
  const cache = new Map<string, Promise<unknown>>();
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (typeof prop !== 'string' || !CACHED.has(prop)) return value.bind(target);
      return (...args: unknown[]) => {
        const key = `${prop}\u0000${JSON.stringify(args)}`;
        let hit = cache.get(key);
        if (!hit) {
          hit = Promise.resolve(value.apply(target, args));
          cache.set(key, hit);
          // A failed answer is asked again next time.
          hit.catch(() => cache.delete(key));
        }
        // Callers get their own array, so none can change another's answer.
        return hit.then((r) => (Array.isArray(r) ? [...r] : r));
      };
    },
  });
}
