// kill -9 of `octavo import` halfway through a large batch: afterwards every work is fully present or
// absent, the database passes its integrity check, and running the import again completes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { dropSchema, testSchema } from '../support/pg.js';
import { ON_POSTGRES, ON_SQLITE } from '../support/backends.js';
import { writeBatch } from './batch.js';
import { checkAllOrNothing, expectedWorks, octavo, sleep, type Child } from './support.js';

/** Each test aims at well under 60 s; the margin is for CI machines busy with other test files. */
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'octavo-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Start an import and SIGKILL it once `count()` reaches `at` works. */
async function killWhen(child: Child, count: () => Promise<number>, at: number): Promise<number> {
  let exited = false;
  void child.exit.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`the import finished before it could be killed: ${(await child.exit).stderr}`);
    const n = await count().catch(() => 0);
    if (n >= at) {
      child.proc.kill('SIGKILL');
      const r = await child.exit;
      expect(r.signal).toBe('SIGKILL');
      return n;
    }
    await sleep(10);
  }
}

describe('kill -9 during a large import', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(s);
  });

  it.runIf(ON_SQLITE)(
    'SQLite: all-or-nothing per work, integrity_check ok, and a re-run completes (2,000 files)',
    async () => {
      const files = writeBatch(join(dir, 'sqlite-batch'), 2000);
      const expected = expectedWorks(files);
      const db = join(dir, 'killed.db');
      const child = octavo(['import', join(dir, 'sqlite-batch'), '--db', db]);
      let reader: Database.Database | undefined;
      const count = async () => {
        reader ??= new Database(db, { readonly: true, fileMustExist: true });
        return reader.prepare('SELECT COUNT(*) FROM works').pluck().get() as number;
      };
      const at = await killWhen(child, count, 900);
      reader?.close();

      const check = new Database(db);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('foreign_key_check')).toEqual([]);
      expect(
        check.prepare('SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM works w WHERE w.id = r.work_id)').pluck().get(),
      ).toBe(0);
      check.close();

      const store = await openSqliteStore(db);
      const before = await checkAllOrNothing(store, expected);
      await store.close();
      expect(before.problems).toEqual([]);
      expect(before.present).toBeGreaterThanOrEqual(at);
      expect(before.absent).toBeGreaterThan(0);

      const again = await octavo(['import', join(dir, 'sqlite-batch'), '--db', db, '--json']).exit;
      expect(again.code, again.stderr).toBe(0);
      const summary = JSON.parse(again.stdout) as { counts: { imported: number; unchanged: number; failed: number } };
      expect(summary.counts).toMatchObject({ imported: before.absent, unchanged: before.present, failed: 0 });
      const after = await openSqliteStore(db);
      const done = await checkAllOrNothing(after, expected);
      expect(done).toEqual({ present: 2000, absent: 0, problems: [] });
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      await after.close();
    },
    SLOW,
  );

  it.runIf(ON_POSTGRES)(
    'PostgreSQL: all-or-nothing per work, and a re-run completes (400 files)',
    async () => {
      const files = writeBatch(join(dir, 'pg-batch'), 400);
      const expected = expectedWorks(files);
      const { schema, url } = testSchema('kill');
      schemas.push(schema);
      const watcher = await openPostgresStore(url, { max: 1 });
      const child = octavo(['import', join(dir, 'pg-batch'), '--db', url]);
      await killWhen(child, () => watcher.countWorks(), 150);
      const before = await checkAllOrNothing(watcher, expected);
      expect(before.problems).toEqual([]);
      expect(before.absent).toBeGreaterThan(0);

      const again = await octavo(['import', join(dir, 'pg-batch'), '--db', url, '--json']).exit;
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as { counts: object }).counts).toMatchObject({
        imported: before.absent,
        unchanged: before.present,
        failed: 0,
      });
      expect(await checkAllOrNothing(watcher, expected)).toEqual({ present: 400, absent: 0, problems: [] });
      await watcher.close();
    },
    SLOW,
  );
});
