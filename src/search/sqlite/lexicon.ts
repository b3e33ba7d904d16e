// The index vocabulary as the query expander sees it: document frequencies from fts5vocab, name-like
// terms from search_caps (via the cache), and candidates for spelling variants.
import type Database from 'better-sqlite3';
import type { Lexicon } from '../expand.js';
import type { IndexCache } from './cache.js';

const vocabByLetter = new WeakMap<IndexCache, Map<string, string[]>>();

export function sqliteLexicon(db: Database.Database, cache: IndexCache): Lexicon {
  const dfStmt = db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck();
  const rangeStmt = db.prepare('SELECT term FROM search_vocab WHERE term >= ? AND term < ?').pluck();
  const df = new Map<string, number>();
  const docFreq = (t: string) => {
    let n = df.get(t);
    if (n === undefined) df.set(t, (n = (dfStmt.get(t) as number | undefined) ?? 0));
    return n;
  };
  return {
    docFreq,
    isNameLike(t) {
      const caps = cache.caps.get(t[0] ?? '')?.get(t) ?? 0;
      return caps > 0 && caps * 2 >= docFreq(t);
    },
    candidates(t, all) {
      const first = t[0] ?? '';
      if (!all) return cache.caps.get(first)?.keys() ?? [];
      let byLetter = vocabByLetter.get(cache);
      if (!byLetter) vocabByLetter.set(cache, (byLetter = new Map()));
      let list = byLetter.get(first);
      if (!list) {
        const next = String.fromCodePoint(first.codePointAt(0)! + 1);
        byLetter.set(first, (list = rangeStmt.all(first, next) as string[]));
      }
      return list;
    },
  };
}
