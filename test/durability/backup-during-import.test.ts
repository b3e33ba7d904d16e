// `octavo backup` while another process is importing: the backup is a consistent archive (every work
// in it fully present or absent), it restores, and the restored archive exports exactly as the backup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupArchive, exportRows, restoreArchive } from '../../src/archive/backup.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { dropSchema, testDatabase, testSchema } from '../support/pg.js';
import { ON_POSTGRES, ON_SQLITE } from '../support/backends.js';
import { writeBatch } from './batch.js';
import { checkAllOrNothing, expectedWorks, octavo, sleep } from './support.js';
import { storeAt } from '../support/archive.js';

const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'octavo-backup-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitFor(count: () => Promise<number>, n: number): Promise<void> {
  while ((await count().catch(() => 0)) < n) await sleep(20);
}

describe('backup during an import', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it.runIf(ON_SQLITE)(
    'SQLite: the online backup is consistent and restores to the same export',
    async () => {
      const files = writeBatch(join(dir, 'sqlite-batch'), 800);
      const expected = expectedWorks(files);
      const db = join(dir, 'live.db');
      const child = octavo(['import', join(dir, 'sqlite-batch'), '--db', db]);
      let reader: Database.Database | undefined;
      await waitFor(async () => {
        reader ??= new Database(db, { readonly: true, fileMustExist: true });
        return reader.prepare('SELECT COUNT(*) FROM works').pluck().get() as number;
      }, 200);
      reader?.close();
      const file = join(dir, 'live.backup');
      await backupArchive(db, file);
      const r = await child.exit;
      expect(r.code, r.stderr).toBe(0);

      const copy = await openSqliteStore(file, { readonly: true });
      const check = await checkAllOrNothing(copy, expected);
      const exported = await exportRows(copy);
      await copy.close();
      expect(check.problems).toEqual([]);
      expect(check.present).toBeGreaterThanOrEqual(200);
      expect(check.absent).toBeGreaterThan(0); // taken mid-import, not after it

      const restored = join(dir, 'restored.db');
      await restoreArchive(restored, file);
      const back = await openSqliteStore(restored);
      expect(await exportRows(back)).toBe(exported);
      expect(back.db.pragma('integrity_check', { simple: true })).toBe('ok');
      await back.close();
    },
    SLOW,
  );

  it.runIf(ON_POSTGRES)(
    'PostgreSQL: pg_dump of a live archive is consistent and restores to the same export',
    async () => {
      const files = writeBatch(join(dir, 'pg-batch'), 300);
      const expected = expectedWorks(files);
      const { schema, url } = testSchema('live');
      cleanups.push(() => dropSchema(schema));
      const watcher = await storeAt(url);
      const child = octavo(['import', join(dir, 'pg-batch'), '--db', url]);
      await waitFor(() => watcher.countWorks(), 60);
      const file = join(dir, 'live.pgdump');
      await backupArchive(url, file);
      const r = await child.exit;
      expect(r.code, r.stderr).toBe(0);
      await watcher.close();

      const target = await testDatabase('live');
      cleanups.push(target.drop);
      // The dump holds the schema by name: restore it into another database, then read it there.
      await restoreArchive(target.url, file);
      const u = new URL(target.url);
      u.searchParams.set('schema', schema);
      const copy = await storeAt(u.toString());
      const check = await checkAllOrNothing(copy, expected);
      await copy.close();
      expect(check.problems).toEqual([]);
      expect(check.present).toBeGreaterThanOrEqual(60);
      expect(check.absent).toBeGreaterThan(0);
    },
    SLOW,
  );
});
