import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStoreSuite } from '../store.contract.js';
import { openSqliteStore } from './index.js';
import { seedWork } from '../../../test/support/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-sqlite-'));
runStoreSuite('sqlite', () => openSqliteStore(join(dir, 'contract.db')));

describe('SQLite specifics', () => {
  it('uses WAL and migrates once', async () => {
    const file = join(dir, 'wal.db');
    const s = await openSqliteStore(file);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await s.close();
    const again = await openSqliteStore(file);
    expect(again.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(1);
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
    expect(revs).toEqual([{ n: 1, message: 'first', deleted: 0 }, { n: 2, message: 'retitled', deleted: 0 }, { n: 3, message: null, deleted: 1 }]);
    await s.close();
  });
});
