import { afterAll, describe, expect, it } from 'vitest';
import { runStoreSuite } from '../store.contract.js';
import { openPostgresStore } from './index.js';
import { dropSchema, testSchema } from '../../../test/support/pg.js';
import { seedWork } from '../../../test/support/seed.js';
import type { DumpRecord } from '../store.js';
import type { Work } from '../../model/work.js';
import { openSqliteStore } from '../sqlite/index.js';
import { summarise } from '../../model/summary.js';
import { postgresSearchIndexer } from '../../search/postgres/index.js';

const schemas: string[] = [];
function fresh(prefix: string): string {
  const { schema, url } = testSchema(prefix);
  schemas.push(schema);
  return url;
}
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

runStoreSuite('postgres', () => openPostgresStore(fresh('contract')));

async function collect(it: AsyncIterable<DumpRecord>): Promise<DumpRecord[]> {
  const out: DumpRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('PostgreSQL specifics', () => {
  it('migrates once, also when several processes open the archive at once', async () => {
    const url = fresh('mig');
    // With the search index's migrations (100 up) beside the store's own, as an archive opens it.
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { max: 2, indexers: [postgresSearchIndexer()] })));
    const versions = (await stores[0]!.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows;
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 100, 101, 102]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps a revision for every change and none for a no-op, with author and message', async () => {
    const s = await openPostgresStore(fresh('rev'));
    const w = seedWork();
    await s.upsertWork(w, { author: 'test', message: 'first' });
    await s.upsertWork(w);
    await s.upsertWork({ ...w, title: 'Changed' }, { message: 'retitled' });
    await s.deleteWork(w.id);
    const revs = await s.listRevisions(w.id);
    expect(revs.map((r) => [r.n, r.message ?? null, r.deleted])).toEqual([
      [1, 'first', false],
      [2, 'retitled', false],
      [3, null, true],
    ]);
    expect(revs[0]!.author).toBe('test');
    expect((await s.getRevision(w.id, 1))?.work).toEqual(w);
    expect((await s.getRevision(w.id, 2))?.work?.title).toBe('Changed');
    expect((await s.getRevision(w.id, 3))?.work).toBeUndefined();
    expect(await s.getRevision(w.id, 4)).toBeUndefined();
    await s.close();
  });

  it('numbers revisions without gaps when several writers change one work at once', async () => {
    const url = fresh('conc');
    const a = await openPostgresStore(url, { max: 4 });
    const b = await openPostgresStore(url, { max: 4 });
    const w = seedWork();
    const writes = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).upsertWork({ ...w, title: `Title ${i}` }, { message: `w${i}` }));
    const statuses = await Promise.all(writes);
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(1);
    const revs = await a.listRevisions(w.id);
    expect(revs.map((r) => r.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    await a.close();
    await b.close();
  });

  it('dumps rows and loads them into an empty archive unchanged, refusing a non-empty one', async () => {
    const src = await openPostgresStore(fresh('dump'));
    const w = seedWork();
    await src.upsertWork(w, { author: 'a', message: 'm' });
    await src.upsertWork({ ...w, id: 'x/one', title: 'One' });
    await src.deleteWork('x/one');
    await src.tokens.addToken({ name: 'ed', role: 'editor', hash: 'h'.repeat(64) });
    const rows = await collect(src.dump());
    expect(rows.map((r) => r.type)).toEqual(['work', 'revision', 'revision', 'revision', 'token']);
    const dst = await openPostgresStore(fresh('load'));
    expect(
      await dst.load(
        (async function* () {
          yield* rows;
        })(),
      ),
    ).toBe(rows.length);
    expect(await collect(dst.dump())).toEqual(rows);
    expect(await dst.getWork(w.id)).toEqual(w);
    expect(await dst.countWorks({ author: 'lenin' })).toBe(1);
    await expect(
      dst.load(
        (async function* () {
          yield* rows;
        })(),
      ),
    ).rejects.toThrow(/not empty/);
    await src.close();
    await dst.close();
  });

  it('orders neighbours like SQLite, with missing positions and dates last', async () => {
    const seed = seedWork();
    const works: Work[] = Array.from({ length: 9 }, (_, i) => ({
      ...structuredClone(seed),
      id: `n/${i}`,
      title: `N ${i}`,
      written:
        i % 3 === 0
          ? undefined
          : {
              date: {
                text: 'x',
                iso: `19${10 + (i % 4)}`,
                precision: 'year' as const,
                start: `19${10 + (i % 4)}-01-01`,
                end: `19${10 + (i % 4)}-12-31`,
              },
            },
      collections: [{ path: ['n'], ...(i % 2 ? { position: 5 - (i % 4) } : {}) }],
    }));
    const pgs = await openPostgresStore(fresh('nb'));
    const lite = await openSqliteStore(':memory:');
    await pgs.upsertWorks(works);
    await lite.upsertWorks(works);
    for (const w of works) {
      const [a, b] = [await pgs.neighbours(w.id, ['n']), await lite.neighbours(w.id, ['n'])];
      expect([a.previous?.id, a.next?.id], w.id).toEqual([b.previous?.id, b.next?.id]);
    }
    expect(await pgs.neighbours('n/1', ['elsewhere'])).toEqual({});
    await pgs.close();
    await lite.close();
  });

  it('lists works from their stored summaries, also works whose JSON PostgreSQL cannot read', async () => {
    const seed = seedWork();
    const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
    const works: Work[] = [
      { ...structuredClone(seed), id: 's/plain', title: 'Plain', collections: [{ path: ['s'], position: 1 }] },
      // NUL and a lone surrogate: JSON.stringify escapes them, PostgreSQL's JSON functions refuse them.
      { ...structuredClone(seed), id: 's/nul', title: 'Nul', body: [para('a\u0000b')], collections: [{ path: ['s'], position: 2 }] },
      { ...structuredClone(seed), id: 's/surrogate', title: 'Lone \ud800', collections: [{ path: ['s'], position: 3 }] },
    ];
    const s = await openPostgresStore(fresh('sum'));
    await s.upsertWorks(works);
    const { rows } = await s.pool.query<{ id: string; stored: boolean }>('SELECT id, summary IS NOT NULL AS stored FROM works ORDER BY id');
    expect(rows).toEqual([
      { id: 's/nul', stored: false },
      { id: 's/plain', stored: true },
      { id: 's/surrogate', stored: false },
    ]);
    const listed = await s.listWorks({ collection: ['s'] });
    const stored = works.map((w) => summarise(w, listed.find((l) => l.id === w.id)!.updatedAt));
    expect(listed).toEqual(stored);
    expect(await s.listWorks({ ids: ['s/plain'] })).toEqual([stored[0]]);
    const nb = await s.neighbours('s/nul', ['s']);
    expect([nb.previous, nb.next]).toEqual([stored[0], stored[2]]);
    await s.close();
  });

  it('counts contents entries from the stored count, and from the record when PostgreSQL cannot read it', async () => {
    const s = await openPostgresStore(fresh('col'));
    const col = (path: string[], title: string, n: number, note?: string) => ({
      path,
      title,
      members: Array.from({ length: n }, (_, i) => ({ title: `Entry ${i}`, workId: `c/${i}`, ...(note ? { note } : {}) })),
      provenance: { file: 'x.html', format: 'html', importer: 'test', checksum: 'c' },
    });
    await s.upsertCollection(col(['a'], 'A', 3));
    await s.upsertCollection(col(['b'], 'B', 2, 'a\u0000b'));
    await s.upsertCollection(col(['c'], 'C', 0));
    const { rows } = await s.pool.query<{ path: string; members: number | null }>('SELECT path, members FROM collections ORDER BY path');
    expect(rows).toEqual([
      { path: 'a', members: 3 },
      { path: 'b', members: null },
      { path: 'c', members: 0 },
    ]);
    await s.upsertWorks([{ ...seedWork(), id: 'c/0', collections: [{ path: ['a'] }, { path: ['d'], titles: ['D'] }] }]);
    expect(await s.listCollections()).toEqual([
      { path: ['a'], title: 'A', count: 1, entries: 3 },
      { path: ['b'], title: 'B', count: 0, entries: 2 },
      { path: ['c'], title: 'C', count: 0 },
      { path: ['d'], title: 'D', count: 1 },
    ]);
    await s.close();
  });

  it('keeps tokens hashed and forgets revoked ones', async () => {
    const s = await openPostgresStore(fresh('tok'));
    await s.tokens.addToken({ name: 'reader', role: 'reader', hash: 'a'.repeat(64) });
    await expect(s.tokens.addToken({ name: 'reader', role: 'admin', hash: 'b'.repeat(64) })).rejects.toThrow(/already exists/);
    expect((await s.tokens.findToken('a'.repeat(64)))?.role).toBe('reader');
    expect(await s.tokens.revokeToken('reader')).toBe(true);
    expect(await s.tokens.findToken('a'.repeat(64))).toBeUndefined();
    expect((await s.tokens.listTokens())[0]?.revokedAt).toMatch(/^\d{4}-/);
    await s.close();
  });
});
