// The index vocabulary as the query expander sees it: document frequencies from fts5vocab (overall
// and in the names column), and every term (search_terms) as candidates for spelling variants.
import type Database from 'better-sqlite3';
import type { Lexicon } from '../expand.js';
import type { IndexCache } from './cache.js';

type Buckets = Map<string, string[]>;
const termBuckets = new WeakMap<IndexCache, Buckets>();
const bucketKey = (first: string, len: number) => `${first}\u0000${len}`;

export function sqliteLexicon(db: Database.Database, cache: IndexCache): Lexicon {
  const dfStmt = db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck();
  const namesStmt = db.prepare("SELECT doc FROM search_vocab_col WHERE term = ? AND col = 'names'").pluck();
  const rangeStmt = db.prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ?').pluck();
  const memo = (stmt: typeof dfStmt) => {
    const seen = new Map<string, number>();
    return (t: string) => {
      let n = seen.get(t);
      if (n === undefined) seen.set(t, (n = (stmt.get(t) as number | undefined) ?? 0));
      return n;
    };
  };
  const docFreq = memo(dfStmt);
  const nameFreq = memo(namesStmt);
  return {
    docFreq,
    popularity: docFreq,
    // A name: most documents holding the term write it as one.
    isNameLike: (t) => nameFreq(t) * 2 >= docFreq(t) && nameFreq(t) > 0,
    *candidates(t, _all, maxDist) {
      const first = t[0] ?? '';
      let buckets = termBuckets.get(cache);
      if (!buckets) termBuckets.set(cache, (buckets = new Map()));
      // Every term of the archive with this first letter, by length (read once per index version).
      if (!buckets.has(bucketKey(first, 0))) {
        const next = String.fromCodePoint(first.codePointAt(0)! + 1);
        for (const term of rangeStmt.all(first, next) as string[]) {
          const k = bucketKey(first, term.length);
          const b = buckets.get(k);
          if (b) b.push(term);
          else buckets.set(k, [term]);
        }
        buckets.set(bucketKey(first, 0), []);
      }
      for (let len = Math.max(1, t.length - maxDist); len <= t.length + maxDist; len++) yield* buckets.get(bucketKey(first, len)) ?? [];
    },
  };
}
