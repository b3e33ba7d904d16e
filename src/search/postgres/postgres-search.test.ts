// The shared search suite on the PostgreSQL store, and what is particular to PostgreSQL: the index
// rolls back with its transaction, catches up with works stored before it existed, takes concurrent
// writers, and finds phrases where tsvector positions would not.
import { afterAll, describe, expect, it } from 'vitest';
import { runSearchSuite, hitIds } from '../search.contract.js';
import { openArchive, type Archive } from '../../archive/open.js';
import { openPostgresStore, type PostgresIndexer, type PostgresStore } from '../../store/postgres/index.js';
import { dropSchema, testSchema } from '../../../test/support/pg.js';
import { SEED_ID, seedWork } from '../../../test/support/seed.js';
import type { Work } from '../../model/work.js';
import { postgresSearch, postgresSearchIndexer } from './index.js';

const poolOf = (a: Archive) => (a.store as PostgresStore).pool;

const schemas: string[] = [];
function fresh(prefix: string): string {
  const { schema, url } = testSchema(prefix);
  schemas.push(schema);
  return url;
}
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

runSearchSuite('postgres', () => openArchive(fresh('search')));

const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

describe('PostgreSQL search specifics', () => {
  it('rolls the index back with a transaction that fails after indexing', async () => {
    const failing: PostgresIndexer = {
      upsert: async (_c, w) => {
        if (w.id === 'test/fails') throw new Error('indexer failure');
      },
      remove: async () => {},
    };
    const s = await openPostgresStore(fresh('rb'), { indexers: [postgresSearchIndexer(), failing] });
    const search = postgresSearch(s);
    const w = { ...seedWork(), id: 'test/ok', title: 'Xochipilli letter' };
    await expect(s.upsertWorks([w, { ...w, id: 'test/fails' }])).rejects.toThrow(/indexer failure/);
    expect((await search.search({ q: 'xochipilli' })).total).toBe(0);
    await s.upsertWork(w);
    expect(hitIds(await search.search({ q: 'xochipilli' }))).toEqual(['test/ok']);
    await s.close();
  });

  it('indexes works stored before the index existed when the store opens', async () => {
    const url = fresh('cu');
    const s = await openArchive(url);
    await s.store.upsertWork(seedWork());
    await poolOf(s).query('TRUNCATE search_facets, search_docs, search_terms');
    expect((await s.search.search({ q: 'Shahumyan' })).total).toBe(0);
    await s.close();
    const again = await openArchive(url);
    expect(hitIds(await again.search.search({ q: 'Shahumyan' }))).toEqual([SEED_ID]);
    expect((await again.search.search({ q: 'Musavatists' })).expansions[0]!.variants).toEqual(['mussavatist']);
    await again.close();
  });

  it('upgrades an index built before migration 101 (facet keys filled in from the facet rows)', async () => {
    const url = fresh('up');
    const s = await openArchive(url);
    const works = [seedWork(), { ...seedWork(), id: 'test/other', kind: 'article' as const, recipients: [], title: 'Another Baku piece' }];
    await s.store.upsertWorks(works);
    const before = await s.search.search({ q: 'Baku', facetLimit: 200 });
    // The index as migration 100 left it.
    await poolOf(s).query(`DROP FUNCTION search_matches(tsquery); DROP INDEX search_docs_facets; ALTER TABLE search_docs DROP COLUMN facets;
      ALTER INDEX search_docs_tsv SET (fastupdate = on); DELETE FROM schema_migrations WHERE version = 101`);
    await s.close();
    const again = await openArchive(url);
    const after = await again.search.search({ q: 'Baku', facetLimit: 200 });
    expect(after.total).toBe(2);
    expect(after.facets).toEqual(before.facets);
    expect(hitIds(await again.search.search({ q: 'Baku kind:article' }))).toEqual(['test/other']);
    await again.close();
  });

  it('takes writers in parallel from two processes without losing or doubling documents', async () => {
    const url = fresh('par');
    const [a, b] = await Promise.all([openArchive(url, { connections: 4 }), openArchive(url, { connections: 4 })]);
    const seed = seedWork();
    const batch = (from: number) =>
      Array.from({ length: 10 }, (_, i) => ({ ...structuredClone(seed), id: `par/${from + i}`, title: `Parallel zyzzyva ${from + i}` }));
    await Promise.all([0, 10, 20, 30].map((n, i) => (i % 2 ? a : b).store.upsertWorks(batch(n))));
    expect((await a.search.search({ q: 'zyzzyva', pageSize: 100 })).total).toBe(40);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).store.deleteWork(`par/${i}`)));
    expect((await b.search.search({ q: 'zyzzyva', pageSize: 100 })).total).toBe(20);
    const rows = await poolOf(a).query<{ docs: number; facets: number; terms: number }>(
      `SELECT (SELECT count(*)::int FROM search_docs WHERE work_id LIKE 'par/%') AS docs,
         (SELECT count(DISTINCT docid)::int FROM search_facets WHERE docid IN (SELECT docid FROM search_docs WHERE work_id LIKE 'par/%')) AS facets,
         (SELECT count(*)::int FROM search_terms WHERE term = 'zyzzyva') AS terms`,
    );
    expect(rows.rows[0]!.docs).toBe(20);
    expect(rows.rows[0]!.facets).toBe(20);
    expect(rows.rows[0]!.terms).toBeGreaterThanOrEqual(1);
    expect(
      (await poolOf(a).query('SELECT 1 FROM search_facets f WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.docid = f.docid)'))
        .rowCount,
    ).toBe(0);
    await a.close();
    await b.close();
  });

  it('ranks the best candidates when very many works match, and pages through every match once', async () => {
    const url = fresh('cap');
    const s = await openArchive(url);
    const seed = seedWork();
    const many: Work[] = Array.from({ length: 330 }, (_, i) => ({
      ...structuredClone(seed),
      id: `cap/${String(i).padStart(3, '0')}`,
      title: `Letter ${i}`,
      body: [para(`A note about the quagga, number ${i}.`)],
    }));
    // The longest of them all, but the word is its title.
    const filler = Array.from({ length: 2000 }, (_, i) => `w${i}x`).join(' ');
    const titled: Work = { ...structuredClone(seed), id: 'cap/titled', title: 'The quagga', body: [para(filler)] };
    await s.store.upsertWorks([...many, titled]);
    const everyPage = async (a: Archive) => {
      const first = await a.search.search({ q: 'quagga', facets: [] });
      const ids = hitIds(first);
      for (let page = 2; page <= first.pages; page++) ids.push(...hitIds(await a.search.search({ q: 'quagga', page, facets: [] })));
      return { first, ids };
    };
    const capped = await everyPage(s);
    expect(capped.first.total).toBe(331);
    expect(capped.first.hits[0]!.id).toBe('cap/titled');
    expect(capped.ids).toHaveLength(331);
    expect(new Set(capped.ids).size).toBe(331);
    // A word's works ranked whole agree on the first page: an index from before migration 102, read
    // by a process that does not migrate the index.
    await poolOf(s).query('ALTER TABLE search_docs DROP COLUMN head, DROP COLUMN len; DELETE FROM schema_migrations WHERE version = 102');
    await s.close();
    const old = await openArchive(url, { mode: 'read' });
    const whole = await everyPage(old);
    expect(whole.first.total).toBe(331);
    expect(hitIds(whole.first)).toEqual(hitIds(capped.first));
    expect(new Set(whole.ids)).toEqual(new Set(capped.ids));
    await old.close();
    const again = await openArchive(url);
    expect(hitIds(await again.search.search({ q: 'quagga', facets: [] }))).toEqual(hitIds(capped.first));
    await again.close();
  });

  it('finds phrases past 16,383 words and after a word’s 256th occurrence, as SQLite does', async () => {
    // tsvector clamps positions at 16383 and keeps 256 per lexeme; phrases are checked on the terms text.
    const filler = Array.from({ length: 17_000 }, (_, i) => `w${i % 5000}x`).join(' ');
    const the = Array.from({ length: 300 }, () => 'the harbour').join(' ');
    const long: Work = {
      ...seedWork(),
      id: 'test/long',
      title: 'A long work',
      body: [para(filler), para(`${the} and the quagga zebra at last.`)],
    };
    const pgs = await openArchive(fresh('long'));
    const lite = await openArchive(':memory:');
    for (const s of [pgs, lite]) {
      await s.store.upsertWork(long);
      expect(hitIds(await s.search.search({ q: '"quagga zebra"' }))).toEqual(['test/long']);
      expect(hitIds(await s.search.search({ q: '"the quagga"' }))).toEqual(['test/long']);
      expect(hitIds(await s.search.search({ q: '"zebra quagga"' }))).toEqual([]);
      // Clamped positions would make every word after the 16383rd adjacent to the word before it.
      expect(hitIds(await s.search.search({ q: '"w4999x quagga"' }))).toEqual([]);
    }
    await pgs.close();
    await lite.close();
  });
});
