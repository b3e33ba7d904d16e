// What is particular to search on the SQLite store. The "Done when" list runs for both stores
// from search.contract.ts (sqlite/sqlite-search.test.ts, postgres/postgres-search.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../archive/open.js';
import type { SqliteStore } from '../store/sqlite/index.js';
import type { Work } from '../model/work.js';
import { SEED_ID, seedWork } from '../../test/support/seed.js';
import { testWorks } from './test-support.js';
import type { SearchResponse } from '../model/search.js';

let archive: Archive;
let works: Work[];

beforeAll(async () => {
  archive = await openArchive(':memory:');
  works = testWorks();
  await archive.store.upsertWorks(works);
});
afterAll(async () => {
  await archive?.close();
});

const ids = (r: SearchResponse) => r.hits.map((h) => h.id);
describe('the SQLite index', () => {
  it('indexes works stored before the index existed when the archive is opened for writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'octavo-catchup-'));
    const file = join(dir, 'a.db');
    const s = await openArchive(file);
    await s.store.upsertWork(seedWork());
    (s.store as SqliteStore).db.exec('DELETE FROM search_fts; DELETE FROM search_docs; DELETE FROM search_facets');
    // Searching never writes: the missing work is not found until the archive is opened for writing.
    expect(ids(await s.search.search({ q: 'Shahumyan' }))).toEqual([]);
    await s.close();
    const again = await openArchive(file);
    expect(ids(await again.search.search({ q: 'Shahumyan' }))).toEqual([SEED_ID]);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('any query', () => {
  it('answers with results or a message, never an exception or an SQL error', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom(
      'baku',
      'Шаумян',
      '"',
      '(',
      ')',
      'AND',
      'OR',
      'NOT',
      '-',
      '*',
      'year:1918',
      'date:',
      '..',
      'kind:letter',
      'author:lenin',
      ':',
      '“',
      ' ',
      'dip*',
      'NEAR',
      '^',
      '{',
      '}',
      "'",
      'diplomacy',
      '-court',
      'place:"x y"',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.array(piece, { maxLength: 10 }).map((a) => a.join(' ')),
        ),
        async (q) => {
          const r = await archive.search.search({ q, facets: ['kind'] });
          if (r.error) expect(r.error.message).not.toMatch(/SQL|fts5|syntax error|could not be run/i);
          else expect(r.total).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
