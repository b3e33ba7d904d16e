// Property-based fuzzing of the search query parser: for any input it returns a tree or raises a
// QueryError (never another exception), within a second, and every position it gives — of an error
// or of a node — lies inside the input. FUZZ_RUNS overrides the case count (default 10,000).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_NAMES, parseQuery, walk } from '../../src/search/query.js';
import { QueryError } from '../../src/search/query-error.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CHUNK = 5000;

const atoms = [
  'lenin',
  'diplomacy',
  'baku',
  'Ленин',
  'дипломатия',
  'Börsen',
  'shahumyan',
  'diplom*',
  'a*',
  '*',
  '**',
  'x**',
  'é',
  'ﬁ',
  '🙂',
  '42',
  '1918',
  'AND',
  'OR',
  'NOT',
  'and',
  'or',
  '&&',
  '||',
  '-',
  '--',
  '-war',
  '(',
  ')',
  '((',
  '))',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '"learn diplomacy"',
  '“to Baku”',
  '""',
  '" "',
  ':',
  '::',
  'foo:',
  'foo:bar',
  'Author:',
  ...FILTER_NAMES.flatMap((f) => [`${f}:`, `${f}:x`, `${f}:"a b"`]),
  'by:lenin',
  'to:shaumyan-stepan',
  'kind:letters',
  'kind:novel',
  'lang:ru',
  'lang:russian',
  'lang:xx-yy-zz',
  'lang:!',
  'year:1918',
  'year:1910s',
  'year:1917..1918',
  'year:..1918',
  'year:1918..',
  'year:abc',
  'date:1917-10..1918-03',
  'date:1918-02-30',
  'date:1918-13',
  'date:..',
  'date:-0001',
  'date:99999',
  'in:lenin/collected-works',
  'place:"St. Petersburg"',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  '\u0000',
  '\uFEFF',
  '\\',
  "'",
  '%',
  '_',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...atoms) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const sep = fc.constantFrom(' ', ' ', '', '  ', '\t');

const queries = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(token, sep), { maxLength: 30 }).map((ts) => ts.map(([t, s]) => t + s).join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => `${'('.repeat(n)}lenin${')'.repeat(n % 7 === 0 ? n : n - 1)}`) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 60, max: 300 }).map((n) => Array.from({ length: n }, (_, i) => (i % 3 ? `w${i}` : 'OR')).join(' ')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 990, max: 1200 }).map((n) => 'a'.repeat(n)) },
);

function checkQuery(q: string): void {
  const t0 = performance.now();
  let tree: ReturnType<typeof parseQuery>;
  try {
    tree = parseQuery(q);
  } catch (e) {
    if (!(e instanceof QueryError))
      throw new Error(`parseQuery threw ${(e as Error).name} on ${JSON.stringify(q.slice(0, 200))}: ${(e as Error).stack}`);
    if (!e.message) throw new Error(`an error without a message on ${JSON.stringify(q.slice(0, 200))}`);
    if (e.position !== undefined && !(Number.isInteger(e.position) && e.position >= 0 && e.position <= q.length)) {
      throw new Error(`error position ${e.position} outside the query (${q.length} chars): ${JSON.stringify(q.slice(0, 200))}`);
    }
  }
  if (tree) {
    for (const n of walk(tree)) {
      if ('pos' in n && !(n.pos >= 0 && n.pos < q.length))
        throw new Error(`node position ${n.pos} outside the query: ${JSON.stringify(q.slice(0, 200))}`);
      if (n.type === 'and' || n.type === 'or') {
        if (!n.children.length) throw new Error(`an empty ${n.type} for ${JSON.stringify(q)}`);
      }
    }
  }
  const ms = performance.now() - t0;
  if (ms > 1000) throw new Error(`parseQuery took ${ms.toFixed(0)} ms on ${JSON.stringify(q.slice(0, 200))} (${q.length} chars)`);
}

describe('fuzzing the query parser', () => {
  for (let done = 0, k = 0; done < RUNS; done += CHUNK, k++) {
    const runs = Math.min(CHUNK, RUNS - done);
    it(`cases ${done + 1}–${done + runs}: a tree or a located QueryError, never another exception, each within 1 s`, () => {
      const seed = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31) + k;
      let n = 0;
      fc.assert(
        fc.property(queries, (q) => {
          checkQuery(q);
          n++;
        }),
        { numRuns: runs, seed },
      );
      expect(n).toBeGreaterThanOrEqual(runs);
    });
  }

  it('accepts the documented forms and rejects malformed ones with a position', () => {
    expect(parseQuery('diplomacy "learn diplomacy" author:lenin year:1917..1918 -war')?.type).toBe('and');
    for (const bad of ['"unclosed', 'foo:bar', 'a*', 'lenin OR', 'year:abc']) {
      expect(() => parseQuery(bad), bad).toThrow(QueryError);
    }
  });
});
