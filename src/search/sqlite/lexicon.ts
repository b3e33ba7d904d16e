// The index vocabulary as the query expander sees it: document frequencies from fts5vocab, name-like
// terms from search_caps (held in the cache), and every term (search_terms) for spelling suggestions.
import type Database from 'better-sqlite3';
import type { Lexicon } from '../expand.js';
import type { IndexCache } from './cache.js';

type Buckets = Map<string, string[]>;
const capsBuckets = new WeakMap<IndexCache, Buckets>();
const termBuckets = new WeakMap<IndexCache, Buckets>();
const bucketKey = (first: string, len: number) => `${first}\u0000${len}`;

function bucket(list: Iterable<string>): Buckets {
  const out: Buckets = new Map();
  for (const t of list) {
    const k = bucketKey(t[0]!, t.length);
    const b = out.get(k);
    if (b) b.push(t);
    else out.set(k, [t]);
  }
  return out;
}

export function sqliteLexicon(db: Database.Database, cache: IndexCache): Lexicon {
  const dfStmt = db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck();
  const rangeStmt = db.prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ?').pluck();
  const df = new Map<string, number>();
  const docFreq = (t: string) => {
    let n = df.get(t);
    if (n === undefined) df.set(t, (n = (dfStmt.get(t) as number | undefined) ?? 0));
    return n;
  };
  const caps = (t: string) => cache.caps.get(t[0] ?? '')?.get(t) ?? 0;
  return {
    docFreq,
    popularity: caps,
    isNameLike(t) {
      const n = caps(t);
      return n > 0 && n * 2 >= docFreq(t);
    },
    *candidates(t, all, maxDist) {
      const first = t[0] ?? '';
      let buckets: Buckets | undefined;
      if (!all) {
        buckets = capsBuckets.get(cache);
        if (!buckets) capsBuckets.set(cache, (buckets = bucket([...cache.caps.values()].flatMap((m) => [...m.keys()]))));
      } else {
        // Every term of the archive with this first letter (read once per index version).
        buckets = termBuckets.get(cache);
        if (!buckets) termBuckets.set(cache, (buckets = new Map()));
        if (!buckets.has(bucketKey(first, 0))) {
          const next = String.fromCodePoint(first.codePointAt(0)! + 1);
          for (const [k, v] of bucket(rangeStmt.all(first, next) as string[])) buckets.set(k, v);
          buckets.set(bucketKey(first, 0), []);
        }
      }
      for (let len = Math.max(1, t.length - maxDist); len <= t.length + maxDist; len++) yield* buckets.get(bucketKey(first, len)) ?? [];
    },
  };
}
