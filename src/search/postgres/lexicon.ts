// The index vocabulary as the query expander sees it. The Lexicon interface is synchronous and the
// database is not, so the expansion runs in rounds: each round answers from what has been fetched,
// notes what it lacked, and the next round fetches that (document frequencies from the GIN indexes,
// candidate spellings from search_terms). When a round lacks nothing, its answer is the one a
// synchronous lexicon would have given: the same as SQLite's, which counts the same documents.
import type pg from 'pg';
import type { PeopleRegister } from '../../model/register.js';
import { expandQuery, readings, type Expansion, type Lexicon } from '../expand.js';
import { walk, type QueryNode } from '../query.js';
import { wordTokens } from '../text.js';
import { fits, lexeme } from './tsquery.js';

const MAX_ROUNDS = 8;

export class PrefetchLexicon implements Lexicon {
  /** term → [works holding it, works where it is a name]. */
  private readonly stats = new Map<string, [number, number]>();
  private readonly buckets = new Map<string, string[]>();
  private wantTerms = new Set<string>();
  private wantBuckets = new Map<string, { first: string; lo: number; hi: number }>();

  docFreq(t: string): number {
    return this.stat(t)[0];
  }

  popularity(t: string): number {
    return this.stat(t)[0];
  }

  isNameLike(t: string): boolean {
    const [docs, names] = this.stat(t);
    return names * 2 >= docs && names > 0;
  }

  *candidates(t: string, _all: boolean, maxDist: number): Iterable<string> {
    const first = t[0] ?? '';
    const code = first.charCodeAt(0);
    if (!first || (code >= 0xd800 && code <= 0xdfff)) return; // half of a surrogate pair: no range to ask for
    const lo = Math.max(1, t.length - maxDist);
    const hi = t.length + maxDist;
    const key = `${first}\u0000${lo}\u0000${hi}`;
    const terms = this.buckets.get(key);
    if (!terms) {
      this.wantBuckets.set(key, { first, lo, hi });
      return;
    }
    yield* terms;
  }

  private stat(t: string): [number, number] {
    const s = this.stats.get(t);
    if (s) return s;
    this.wantTerms.add(t);
    return [0, 0];
  }

  /** Ask in the first round for every reading of every word of the query (phrases need them all). */
  seed(ast: QueryNode): void {
    for (const n of walk(ast)) {
      if ((n.type === 'word' && !n.prefix) || n.type === 'phrase')
        for (const w of wordTokens(n.text)) for (const t of readings(w.surface)) this.stat(t);
    }
  }

  /**
   * Fetch what the last round lacked; false when it lacked nothing. Candidate spellings wait until
   * the round lacks no frequencies: a round that did not know whether a word is in the archive may
   * have asked for them needlessly.
   */
  async fetch(db: pg.Pool | pg.ClientBase): Promise<boolean> {
    const wanted = [...this.wantTerms];
    const buckets = [...this.wantBuckets.entries()];
    this.wantTerms = new Set();
    this.wantBuckets = new Map();
    if (wanted.length) {
      // A term too long for a tsquery is in no tsvector either.
      const terms = wanted.filter(fits);
      const { rows } = await db.query<{ t: string; docs: number; names: number }>({
        // Named: every search asks this first, so each connection parses and plans it once.
        name: 'octavo-search-term-stats',
        text: 'SELECT x.t, s.docs, s.names FROM unnest($1::text[], $2::tsquery[]) AS x(t, q), search_term_stats(x.q) AS s',
        values: [terms, terms.map(lexeme)],
      });
      for (const r of rows) this.stats.set(r.t, [r.docs, r.names]);
      for (const t of wanted) if (!this.stats.has(t)) this.stats.set(t, [0, 0]);
      return true;
    }
    if (!buckets.length) return false;
    // Terms with the same first letter and a length in range (char_length counts code points, a
    // surrogate pair counts 2 in JavaScript: ask wide, keep by JavaScript length).
    const { rows } = await db.query<{ i: string; term: string }>({
      name: 'octavo-search-term-buckets',
      text: `SELECT b.i, s.term FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS b(first, lo, hi, i)
       CROSS JOIN LATERAL (SELECT DISTINCT term FROM search_terms
         WHERE left(term, 1) = b.first AND char_length(term) BETWEEN b.lo AND b.hi) s`,
      values: [buckets.map(([, b]) => b.first), buckets.map(([, b]) => Math.ceil(b.lo / 2)), buckets.map(([, b]) => b.hi)],
    });
    const got = buckets.map((): string[] => []);
    for (const r of rows) got[Number(r.i) - 1]!.push(r.term);
    buckets.forEach(([key, b], i) => {
      this.buckets.set(
        key,
        got[i]!.filter((t) => t.length >= b.lo && t.length <= b.hi),
      );
    });
    return true;
  }
}

/** expandQuery with the archive's vocabulary, fetched in as many rounds as the expansion needs. */
export async function expandWithIndex(db: pg.Pool | pg.ClientBase, ast: QueryNode, register: PeopleRegister): Promise<Expansion> {
  const lexicon = new PrefetchLexicon();
  lexicon.seed(ast);
  let out = expandQuery(ast, { register, lexicon });
  for (let round = 1; round < MAX_ROUNDS && (await lexicon.fetch(db)); round++) out = expandQuery(ast, { register, lexicon });
  return out;
}
