// The index vocabulary as the query expander sees it: document frequencies from fts5vocab (overall
// and in the names column), and every term (search_terms) as candidates for spelling variants.
import type Database from 'better-sqlite3';
import type { Lexicon } from '../expand.js';
import type { IndexCache } from './cache.js';

type Buckets = Map<string, string[]>;
const termBuckets = new WeakMap<IndexCache, Buckets>();
const bucketKey = (first: string, len: number) => `${first}\u0000${len}`;

function statements(db: Database.Database) {
  return {
    df: db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck(),
    names: db.prepare("SELECT doc FROM search_vocab_col WHERE term = ? AND col = 'names'").pluck(),
    range: db.prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ?').pluck(),
    // Every term beginning with a prefix, with its number of documents (fts5vocab reads their lists: once per index version).
    prefix: db.prepare('SELECT term, doc FROM search_vocab WHERE term >= ? AND term <= ?').raw(),
  };
}
const compiled = new WeakMap<Database.Database, ReturnType<typeof statements>>();

// One lexicon per index version: frequencies looked up once stay known until the index changes
// (fts5vocab counts a term's documents by reading its whole list, which is slow for common words).
const lexicons = new WeakMap<IndexCache, Lexicon>();

/**
 * How many letters two words do not share (counted with repeats, on both sides). A substitution
 * changes it by at most 2, an insertion or deletion by 1, a transposition not at all, so no edit
 * distance the expander uses can bring words closer than half of it: candidates further apart
 * than that are never offered (checking them is most of the cost of looking for variants).
 */
const counts = new Int32Array(65536);
export function letterGap(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)]!--;
  let gap = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    gap += Math.abs(counts[c]!);
    counts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    gap += Math.abs(counts[c]!);
    counts[c] = 0;
  }
  return gap;
}

export function sqliteLexicon(db: Database.Database, cache: IndexCache): Lexicon {
  let lex = lexicons.get(cache);
  if (!lex) lexicons.set(cache, (lex = makeLexicon(db, cache)));
  return lex;
}

function makeLexicon(db: Database.Database, cache: IndexCache): Lexicon {
  let s = compiled.get(db);
  if (!s) compiled.set(db, (s = statements(db)));
  const rangeStmt = s.range;
  const memo = (stmt: Database.Statement) => {
    const seen = new Map<string, number>();
    return (t: string) => {
      let n = seen.get(t);
      if (n === undefined) {
        // Bounded: queries for words the archive lacks must not grow it without end.
        if (seen.size >= 50_000) seen.clear();
        seen.set(t, (n = (stmt.get(t) as number | undefined) ?? 0));
      }
      return n;
    };
  };
  const docFreq = memo(s.df);
  const nameFreq = memo(s.names);
  const prefixStmt = s.prefix;
  const prefixes = new Map<string, { terms: string[]; total: number }>();
  return {
    docFreq,
    prefixTerms(prefix, limit) {
      const key = `${limit}\u0000${prefix}`;
      let found = prefixes.get(key);
      if (!found) {
        const rows = prefixStmt.all(prefix, `${prefix}\u{10ffff}`) as [string, number][];
        const held = rows.filter(([t, n]) => n > 0 && t.startsWith(prefix));
        held.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        found = { terms: held.slice(0, limit).map(([t]) => t), total: held.length };
        // Bounded like the frequencies: a stream of different prefixes must not grow it without end.
        if (prefixes.size >= 1000) prefixes.clear();
        prefixes.set(key, found);
      }
      return found;
    },
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
      for (let len = Math.max(1, t.length - maxDist); len <= t.length + maxDist; len++) {
        for (const c of buckets.get(bucketKey(first, len)) ?? []) if (letterGap(t, c) <= 2 * maxDist) yield c;
      }
    },
  };
}
