// What is particular to search on the SQLite store. The "Done when" list runs for both stores
// from search.contract.ts (sqlite/sqlite-search.test.ts, postgres/postgres-search.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import type { Work } from '../model/work.js';
import { SEED_ID, seedWork } from '../../test/support/seed.js';
import { testWorks } from './test-support.js';
import type { SearchResponse } from './types.js';

let store: SqliteStore;
let works: Work[];

beforeAll(async () => {
  store = await openSqliteStore(':memory:');
  works = testWorks();
  await store.upsertWorks(works);
});
afterAll(async () => { await store?.close(); });

const ids = (r: SearchResponse) => r.hits.map((h) => h.id);
describe('the SQLite index', () => {
  it('indexes works stored before the index existed', async () => {
    const s = await openSqliteStore(':memory:');
    await s.upsertWork(seedWork());
    s.db.exec('DELETE FROM search_fts; DELETE FROM search_docs; DELETE FROM search_facets');
    expect(ids(await s.search({ q: 'Shahumyan' }))).toEqual([SEED_ID]);
    await s.close();
  });
});

describe('any query', () => {
  it('answers with results or a message, never an exception or an SQL error', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('baku', 'Шаумян', '"', '(', ')', 'AND', 'OR', 'NOT', '-', '*', 'year:1918', 'date:', '..', 'kind:letter',
      'author:lenin', ':', '“', ' ', 'dip*', 'NEAR', '^', '{', '}', "'", 'diplomacy', '-court', 'place:"x y"');
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 30 }), fc.array(piece, { maxLength: 10 }).map((a) => a.join(' '))), async (q) => {
      const r = await store.search({ q, facets: ['kind'] });
      if (r.error) expect(r.error.message).not.toMatch(/SQL|fts5|syntax error|could not be run/i);
      else expect(r.total).toBeGreaterThanOrEqual(0);
    }), { numRuns: 300 });
  });
});
