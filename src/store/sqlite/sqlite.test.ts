import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStoreSuite } from '../store.contract.js';
import { openSqliteStore } from './index.js';
import { migrations } from './migrations.js';
import { seedWork } from '../../../test/support/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-sqlite-'));
runStoreSuite('sqlite', () => openSqliteStore(join(dir, 'contract.db')));

describe('SQLite specifics', () => {
  it('uses WAL and migrates once', async () => {
    const file = join(dir, 'wal.db');
    const s = await openSqliteStore(file);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = s.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    expect(applied).toEqual(expect.arrayContaining(migrations.map((m) => m.version)));
    await s.close();
    const again = await openSqliteStore(file);
    expect(again.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(applied);
    await again.close();
  });

  it('keeps a revision for every change and none for a no-op', async () => {
    const s = await openSqliteStore(join(dir, 'rev.db'));
    const w = seedWork();
    await s.upsertWork(w, { author: 'test', message: 'first' });
    await s.upsertWork(w);
    await s.upsertWork({ ...w, title: 'Changed' }, { message: 'retitled' });
    await s.deleteWork(w.id);
    const revs = s.db.prepare('SELECT n, message, deleted FROM revisions WHERE work_id = ? ORDER BY n').all(w.id);
    expect(revs).toEqual([
      { n: 1, message: 'first', deleted: 0 },
      { n: 2, message: 'retitled', deleted: 0 },
      { n: 3, message: null, deleted: 1 },
    ]);
    await s.close();
  });
});

describe('SQLite revisions, tokens, dump and load', () => {
  const collect = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const r of it) out.push(r);
    return out;
  };

  it('lists revisions and gives back each one', async () => {
    const s = await openSqliteStore(join(dir, 'revs.db'));
    const w = seedWork();
    await s.upsertWork(w, { author: 'ed', message: 'first' });
    await s.upsertWork({ ...w, title: 'Changed' }, { message: 'retitled' });
    await s.deleteWork(w.id);
    const revs = await s.listRevisions(w.id);
    expect(revs.map((r) => [r.n, r.author ?? null, r.message ?? null, r.deleted])).toEqual([
      [1, 'ed', 'first', false],
      [2, null, 'retitled', false],
      [3, null, null, true],
    ]);
    expect((await s.getRevision(w.id, 1))?.work).toEqual(w);
    expect((await s.getRevision(w.id, 3))?.work).toBeUndefined();
    expect(await s.getRevision(w.id, 9)).toBeUndefined();
    await s.close();
  });

  it('dumps a consistent snapshot and loads it into an empty archive unchanged', async () => {
    const src = await openSqliteStore(join(dir, 'dump-src.db'));
    const w = seedWork();
    await src.upsertWork(w, { author: 'a', message: 'm' });
    await src.upsertWork({ ...w, id: 'x/one', title: 'One' });
    await src.deleteWork('x/one');
    await src.tokens.addToken({ name: 'ed', role: 'editor', hash: 'h'.repeat(64) });
    const rows = await collect(src.dump());
    expect(rows.map((r) => r.type)).toEqual(['work', 'revision', 'revision', 'revision', 'token']);
    const dst = await openSqliteStore(join(dir, 'dump-dst.db'));
    expect(
      await dst.load(
        (async function* () {
          yield* rows;
        })(),
      ),
    ).toBe(rows.length);
    expect(await collect(dst.dump())).toEqual(rows);
    expect(await dst.countWorks({ author: 'lenin' })).toBe(1);
    await expect(
      dst.load(
        (async function* () {
          yield* rows;
        })(),
      ),
    ).rejects.toThrow(/not empty/);
    expect(await collect(dst.dump())).toEqual(rows);
    await src.close();
    await dst.close();
  });

  it('keeps tokens hashed and forgets revoked ones', async () => {
    const s = await openSqliteStore(join(dir, 'tokens.db'));
    await s.tokens.addToken({ name: 'r', role: 'reader', hash: 'a'.repeat(64) });
    await expect(s.tokens.addToken({ name: 'r', role: 'admin', hash: 'b'.repeat(64) })).rejects.toThrow(/already exists/);
    expect((await s.tokens.findToken('a'.repeat(64)))?.role).toBe('reader');
    expect(await s.tokens.revokeToken('r')).toBe(true);
    expect(await s.tokens.findToken('a'.repeat(64))).toBeUndefined();
    await s.close();
  });
});
