// Collection summaries for the levels the store does not list itself ("lenin" above
// "lenin/collected-works/volume-35"): their works counted, their titles taken from a work's refs.
import { humanize } from '../render/html/format.js';
import type { CollectionSummary } from '../model/summary.js';
import type { Store } from '../store/store.js';

const within = (path: string[], prefix: string[]) => prefix.every((seg, i) => path[i] === seg);

/** `list` plus summaries for unlisted ancestors at most `levels` below `root`. */
export async function withAncestors(store: Store, list: CollectionSummary[], root: string[], levels: number): Promise<CollectionSummary[]> {
  const have = new Set(list.map((s) => s.path.join('/')));
  const missing = new Map<string, string[]>();
  for (const s of list) {
    if (!within(s.path, root)) continue;
    for (let len = root.length + 1; len < s.path.length && len <= root.length + levels; len++) {
      const p = s.path.slice(0, len);
      if (!have.has(p.join('/'))) missing.set(p.join('/'), p);
    }
  }
  const extra = await Promise.all(
    [...missing.values()].map(async (path): Promise<CollectionSummary> => {
      const [count, sample] = await Promise.all([store.countWorks({ collection: path }), store.listWorks({ collection: path, limit: 1 })]);
      const ref = sample[0]?.collections.find((r) => within(r.path, path));
      return { path, title: ref?.titles?.[path.length - 1] || humanize(path[path.length - 1]!), count };
    }),
  );
  return [...list, ...extra];
}
