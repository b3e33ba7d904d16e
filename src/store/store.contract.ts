// One suite every Store backend must pass (run by sqlite/*.test.ts and postgres/*.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import type { Collection, Work } from '../model/work.js';
import { seedWork } from '../../test/support/seed.js';

function variant(base: Work, n: number, patch: Partial<Work> = {}): Work {
  return {
    ...structuredClone(base),
    id: `test/${String(n).padStart(3, '0')}`,
    title: `Letter ${n}`,
    written: { date: { text: `${1900 + n}`, iso: `${1900 + n}`, precision: 'year', start: `${1900 + n}-01-01`, end: `${1900 + n}-12-31` } },
    collections: [{ path: ['test', 'letters'], titles: ['Test', 'Letters'], position: 100 - n }],
    ...patch,
  };
}

export function runStoreSuite(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const seed = seedWork();
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores a work and gives it back unchanged', async () => {
      expect(await store.upsertWork(seed)).toBe('imported');
      expect(await store.getWork(seed.id)).toEqual(seed);
    });

    it('re-storing the same content is a no-op; a change is an update', async () => {
      expect(await store.upsertWork(structuredClone(seed))).toBe('unchanged');
      const later = { ...structuredClone(seed), provenance: { ...seed.provenance, importedAt: '2030-01-01T00:00:00Z' } };
      expect(await store.upsertWork(later)).toBe('unchanged');
      const changed = { ...structuredClone(seed), title: 'To S. G. Shahumyan (revised)' };
      expect(await store.upsertWork(changed)).toBe('updated');
      expect((await store.getWork(seed.id))?.title).toBe('To S. G. Shahumyan (revised)');
      expect(await store.upsertWork(seed)).toBe('updated');
    });

    it('rejects an invalid work without writing anything', async () => {
      const bad = { ...structuredClone(seed), id: 'Not A Slug!' } as Work;
      await expect(store.upsertWork(bad)).rejects.toThrow();
      expect(await store.getWork('Not A Slug!')).toBeUndefined();
    });

    it('writes a batch all-or-nothing', async () => {
      const good = variant(seed, 90);
      const bad = { ...variant(seed, 91), kind: 'nonsense' } as unknown as Work;
      await expect(store.upsertWorks([good, bad])).rejects.toThrow();
      expect(await store.getWork(good.id)).toBeUndefined();
    });

    it('lists, filters and counts', async () => {
      const ws = [1, 2, 3].map((n) => variant(seed, n));
      expect(await store.upsertWorks(ws)).toEqual(['imported', 'imported', 'imported']);
      expect(await store.countWorks()).toBe(4);
      expect(await store.countWorks({ author: 'lenin' })).toBe(4);
      expect(await store.countWorks({ recipient: 'shaumyan-stepan' })).toBe(4);
      expect(await store.countWorks({ recipient: 'nobody' })).toBe(0);
      expect(await store.countWorks({ collection: ['test'] })).toBe(3);
      expect(await store.countWorks({ collection: ['lenin', 'collected-works'] })).toBe(1);
      const byDate = await store.listWorks({ order: 'date' });
      expect(byDate.map((w) => w.id)).toEqual(['test/001', 'test/002', 'test/003', seed.id]);
      const inColl = await store.listWorks({ collection: ['test', 'letters'] });
      expect(inColl.map((w) => w.id)).toEqual(['test/003', 'test/002', 'test/001']); // by position
      expect((await store.listWorks({ limit: 2, offset: 1, order: 'date' })).map((w) => w.id)).toEqual(['test/002', 'test/003']);
      expect(byDate[3]).toMatchObject({
        id: seed.id,
        kind: 'letter',
        date: '1918-05-14',
        recipients: [{ id: 'shaumyan-stepan', name: 'S. G. Shahumyan' }],
      });
    });

    it('lists only the works asked for by id', async () => {
      const got = await store.listWorks({ ids: ['test/002', seed.id, 'no/such/work'], order: 'title' });
      expect(got.map((w) => w.id).sort()).toEqual([seed.id, 'test/002'].sort());
      expect(await store.countWorks({ ids: [] })).toBe(0);
    });

    it('finds previous and next within a collection', async () => {
      const n = await store.neighbours('test/002', ['test', 'letters']);
      expect(n.previous?.id).toBe('test/003');
      expect(n.next?.id).toBe('test/001');
      expect(await store.neighbours(seed.id, ['test', 'letters'])).toEqual({});
    });

    it('finds the previous and next letter between two correspondents, by date', async () => {
      const n = await store.correspondenceNeighbours('test/002', 'lenin', 'shaumyan-stepan');
      expect([n.previous?.id, n.next?.id]).toEqual(['test/001', 'test/003']);
      expect(n.previous).toMatchObject({ title: 'Letter 1', date: '1901-01-01', authors: [{ id: 'lenin' }] });
      // Either way round: the pair given in the other order finds the same letters.
      expect((await store.correspondenceNeighbours('test/002', 'shaumyan-stepan', 'lenin')).next?.id).toBe('test/003');
      const last = await store.correspondenceNeighbours(seed.id, 'lenin', 'shaumyan-stepan');
      expect([last.previous?.id, last.next]).toEqual(['test/003', undefined]);
      expect(await store.correspondenceNeighbours('test/001', 'lenin', 'nobody')).toEqual({});
    });

    it('keeps collection records and lists collections with counts', async () => {
      const c: Collection = {
        path: ['lenin', 'collected-works', 'volume-35'],
        title: 'Collected Works, Volume 35',
        members: [{ title: 'To S. G. Shahumyan', workId: seed.id }],
        provenance: { file: 'x.htm', format: 'mia-html', importer: 't', checksum: 'c' },
      };
      expect(await store.upsertCollection(c)).toBe('imported');
      expect(await store.upsertCollection(structuredClone(c))).toBe('unchanged');
      expect(await store.getCollection(c.path)).toEqual(c);
      const list = await store.listCollections();
      expect(list.find((x) => x.path.join('/') === 'lenin/collected-works/volume-35')).toMatchObject({
        title: 'Collected Works, Volume 35',
        count: 1,
      });
      expect(list.find((x) => x.path.join('/') === 'test/letters')).toMatchObject({ count: 3 });
    });

    it('lists changes in datestamp order for harvesting, resumable and filtered by collection', async () => {
      const all = await store.listChanges({ limit: 100 });
      expect(all.map((c) => c.id).sort()).toEqual([seed.id, 'test/001', 'test/002', 'test/003'].sort());
      const sorted = [...all].sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1));
      expect(all).toEqual(sorted);
      const first = await store.listChanges({ limit: 2 });
      const rest = await store.listChanges({ limit: 100, after: { updatedAt: first[1]!.updatedAt, id: first[1]!.id } });
      expect([...first, ...rest].map((c) => c.id)).toEqual(all.map((c) => c.id));
      expect((await store.listChanges({ limit: 100, collection: 'test' })).map((c) => c.id).sort()).toEqual([
        'test/001',
        'test/002',
        'test/003',
      ]);
      expect(all.find((c) => c.id === seed.id)?.collections).toContain('lenin/collected-works/volume-35');
      expect(await store.listChanges({ limit: 100, from: '2999-01-01T00:00:00Z' })).toEqual([]);
      expect(await store.earliestChange()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('deletes a work and everything that points at it', async () => {
      expect(await store.deleteWork('test/001')).toBe(true);
      expect(await store.deleteWork('test/001')).toBe(false);
      expect(await store.getWork('test/001')).toBeUndefined();
      expect(await store.countWorks({ collection: ['test'] })).toBe(2);
      const gone = (await store.listChanges({ limit: 100 })).find((c) => c.id === 'test/001');
      expect(gone).toMatchObject({ deleted: true, collections: ['test/letters'] });
    });

    it('finds works and collections by their source keys, and remembers every path of unchanged content', async () => {
      const url = 'https://www.marxists.org/archive/marx/works/1867-c1/ch02.htm';
      const ch = { ...variant(seed, 50), id: 'test/ch02', provenance: { ...seed.provenance, url, paths: ['/data/a/ch02.htm'] } };
      expect(await store.upsertWork(ch)).toBe('imported');
      const book: Collection = {
        path: ['test', 'book'],
        title: 'A Book',
        members: [{ title: 'Two', href: 'ch02.htm' }],
        provenance: {
          file: 'index.htm',
          format: 'mia-html',
          importer: 'test',
          checksum: 'b',
          url: 'https://www.marxists.org/archive/marx/works/1867-c1/index.htm',
          paths: ['/data/a/index.htm'],
        },
      };
      expect(await store.upsertCollection(book)).toBe('imported');
      const keys = [
        'url:marxists.org/archive/marx/works/1867-c1/ch02.htm',
        'file:/data/a/ch02.htm',
        'url:marxists.org/archive/marx/works/1867-c1',
        'file:/nowhere',
      ];
      expect(await store.findSources(keys)).toEqual([
        { key: 'file:/data/a/ch02.htm', workId: 'test/ch02' },
        { key: 'url:marxists.org/archive/marx/works/1867-c1', collectionPath: ['test', 'book'] },
        { key: 'url:marxists.org/archive/marx/works/1867-c1/ch02.htm', workId: 'test/ch02' },
      ]);
      // The same content imported again from another folder: unchanged, no revision, the new path kept and found.
      const revs = (await store.listRevisions?.(ch.id))?.length;
      const again = { ...ch, provenance: { ...ch.provenance, file: 'b/ch02.htm', paths: ['/data/b/ch02.htm'] } };
      expect(await store.upsertWork(again)).toBe('unchanged');
      expect((await store.listRevisions?.(ch.id))?.length).toBe(revs);
      expect((await store.getWork(ch.id))?.provenance.paths).toEqual(['/data/a/ch02.htm', '/data/b/ch02.htm']);
      expect(await store.findSources(['file:/data/b/ch02.htm'])).toEqual([{ key: 'file:/data/b/ch02.htm', workId: 'test/ch02' }]);
      expect(await store.upsertCollection({ ...book, provenance: { ...book.provenance, paths: ['/data/b/index.htm'] } })).toBe('unchanged');
      expect((await store.getCollection(book.path))?.provenance.paths).toEqual(['/data/a/index.htm', '/data/b/index.htm']);
      // The index page lists the chapter: found from the chapter's own keys, whichever came first.
      expect(await store.findListings(['url:marxists.org/archive/marx/works/1867-c1/ch02.htm', 'file:/x'])).toEqual([
        { collectionPath: ['test', 'book'], position: 0 },
      ]);
      // Deleting the work forgets its keys.
      await store.deleteWork(ch.id);
      expect(await store.findSources(['file:/data/a/ch02.htm'])).toEqual([]);
    });
  });
}
