// SQLite and PostgreSQL answer the same queries with the same works. The sample archive (samples/)
// is imported into both stores the way `octavo import` does it; a mix of queries (words, phrases,
// boolean operators, prefixes, filters, Cyrillic, misspellings) must give the same set of works, the
// same expansions and the same facet counts. Ranking is each engine's own (bm25 vs ts_rank): the test
// prints how the orders compare and the PostgreSQL latencies over the mix.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, importPaths } from '../../archive/import.js';
import { loadDefaultRegister } from '../../model/register.js';
import { dropSchema, testSchema } from '../../../test/support/pg.js';
import { openArchive, type Archive } from '../../archive/open.js';
import type { SearchRequest, SearchResponse } from '../../model/search.js';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');

const QUERIES: (string | SearchRequest)[] = [
  'capital',
  'proletariat',
  'Feuerbach',
  'dialectics',
  'wages',
  'Wien',
  'Brief',
  '"working class"',
  '"surplus value"',
  '"learn diplomacy"',
  '"the state"',
  '"Richard Dehmel"',
  'capital AND labour',
  'bourgeoisie OR proletariat',
  'Hegel -Feuerbach',
  '(wages OR profit) NOT price',
  'commod*',
  'Hofmanns*',
  'Шаумян',
  'Маркс',
  'капитал',
  'Энгельс',
  'Feuerbak',
  'Kugelman',
  'Schnitzlr',
  'Hofmanstal',
  'proletarait',
  'author:engels',
  'recipient:kugelmann',
  'place:wien',
  'kind:letter year:1890..1899',
  'lang:de liebe',
  'collection:marx/1884/origin-family',
  'date:1871-04..1871-05',
  'author:schnitzler -place:wien',
  'kind:chapter capital',
  'author:marx OR author:engels',
  '-year:1850..1900 kind:letter',
  '"working class" OR recipient:bebel',
  { q: 'capital', sort: 'date' },
  { q: 'Dehmel', sort: 'date-desc' },
];

let pgs: Archive;
let lite: Archive;
let schema: string;

beforeAll(async () => {
  const t = testSchema('agree');
  schema = t.schema;
  pgs = await openArchive(t.url);
  lite = await openArchive(':memory:');
  const files = await collectFiles([SAMPLES]);
  const ctx = { register: loadDefaultRegister(), now: () => '2025-01-01T00:00:00Z' };
  for (const s of [lite, pgs]) {
    const sum = await importPaths(s.store, files, ctx);
    expect(sum.imported).toBeGreaterThan(150);
  }
  expect(await pgs.store.countWorks()).toBe(await lite.store.countWorks());
});
afterAll(async () => {
  await pgs?.close();
  await lite?.close();
  if (schema) await dropSchema(schema);
});

const asRequest = (q: string | SearchRequest): SearchRequest => (typeof q === 'string' ? { q } : q);

/** Every hit of a query in the store's order, and the first page's response (all facet values). */
async function run(archive: Archive, req: SearchRequest): Promise<{ first: SearchResponse; ids: string[] }> {
  const first = await archive.search.search({ ...req, pageSize: 100, facetLimit: 200 });
  const ids = first.hits.map((h) => h.id);
  for (let page = 2; page <= first.pages; page++)
    ids.push(...(await archive.search.search({ ...req, page, pageSize: 100, facets: [] })).hits.map((h) => h.id));
  return { first, ids };
}

const facetTable = (r: SearchResponse) =>
  r.facets.map((f) => ({
    name: f.name,
    distinct: f.distinct,
    values: f.values.map((v) => [v.value, v.label, v.count, v.filter, v.selected]),
  }));

/** Kendall's tau between two orders of the same items. */
function kendall(a: string[], b: string[]): number {
  const pos = new Map(b.map((id, i) => [id, i]));
  const r = a.map((id) => pos.get(id)!);
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) r[i]! < r[j]! ? concordant++ : discordant++;
  const n = concordant + discordant;
  return n ? (concordant - discordant) / n : 1;
}

const percentile = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

describe('SQLite and PostgreSQL agree on the sample archive', () => {
  const ranking: { q: string; n: number; top10: number; tau: number; same: boolean }[] = [];

  it.each(QUERIES.map((q) => [typeof q === 'string' ? q : `${q.q} (sort ${q.sort})`, q] as const))('%s', async (_label, q) => {
    const req = asRequest(q);
    const [a, b] = [await run(lite, req), await run(pgs, req)];
    expect(b.first.error).toEqual(a.first.error);
    expect(b.first.expansions).toEqual(a.first.expansions);
    expect(b.first.total).toBe(a.first.total);
    expect(new Set(b.ids)).toEqual(new Set(a.ids));
    expect(b.ids).toHaveLength(a.ids.length);
    expect(facetTable(b.first)).toEqual(facetTable(a.first));
    expect(b.first.sort).toBe(a.first.sort);
    if (b.first.sort !== 'relevance') expect(b.ids).toEqual(a.ids);
    else {
      const top = new Set(a.ids.slice(0, 10));
      ranking.push({
        q: req.q,
        n: a.ids.length,
        top10: b.ids.slice(0, 10).filter((id) => top.has(id)).length / Math.min(10, a.ids.length || 1),
        tau: kendall(a.ids, b.ids),
        same: a.ids.join() === b.ids.join(),
      });
    }
  });

  it('finds something for nearly every query of the mix', () => {
    expect(ranking.filter((r) => r.n > 0).length).toBeGreaterThan(20);
  });

  afterAll(async () => {
    const ranked = ranking.filter((r) => r.n > 1);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
    console.log(
      `ranking, ${ranked.length} relevance queries with 2+ hits: identical order ${ranked.filter((r) => r.same).length}, ` +
        `mean top-10 overlap ${mean(ranked.map((r) => r.top10)).toFixed(2)}, mean Kendall tau ${mean(ranked.map((r) => r.tau)).toFixed(2)}`,
    );
    for (const r of ranked)
      console.log(`  ${r.q.padEnd(34)} n=${String(r.n).padStart(3)} top10=${r.top10.toFixed(1)} tau=${r.tau.toFixed(2)}`);
    // Latency over the mix: the first page of 20 with all facets, each request once (a request
    // asked before may be answered from a cache), after the comparison run has warmed both databases.
    const times = { sqlite: [] as number[], postgres: [] as number[] };
    for (const q of QUERIES) {
      for (const [name, s] of [
        ['sqlite', lite],
        ['postgres', pgs],
      ] as const) {
        const t0 = performance.now();
        await s.search.search(asRequest(q));
        times[name].push(performance.now() - t0);
      }
    }
    for (const [name, xs] of Object.entries(times)) {
      console.log(
        `${name} search over ${QUERIES.length} queries on ${await lite.store.countWorks()} works: p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`,
      );
    }
  });
});
