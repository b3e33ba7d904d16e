import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testSchema, dropSchema } from '../../test/support/pg.js';
import { ON_POSTGRES, ON_SQLITE } from '../../test/support/backends.js';
import { runImport } from './import.js';
import { backupArchive, exportRows, restoreArchive } from '../archive/backup.js';
import { copyStore } from '../archive/migrate.js';
import { writeBatch } from '../../test/durability/batch.js';
import { storeAt, withRegister } from '../../test/support/archive.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const archive = join(dir, 'archive.db');

async function exported(location: string): Promise<string> {
  const s = await storeAt(location);
  try {
    return await exportRows(s);
  } finally {
    await s.close();
  }
}

/** Something to change after a backup, so a restore has something to undo. */
async function vandalise(location: string): Promise<void> {
  const s = await storeAt(location);
  const ids = (await s.listWorks({ limit: 5 })).map((w) => w.id);
  for (const id of ids) await s.deleteWork(id, { author: 'vandal' });
  await s.close();
}

let original = '';
beforeAll(async () => {
  const s = await storeAt(archive);
  await runImport(withRegister(s), writeBatch(join(dir, 'batch'), 200), { quiet: true });
  const first = (await s.listWorks({ limit: 3 })).map((w) => w.id);
  for (const id of first) await s.upsertWork({ ...(await s.getWork(id))!, title: 'Edited' }, { author: 'ed', message: 'edit' });
  await s.deleteWork(first[0]!, { author: 'ed', message: 'remove' });
  await s.tokens!.addToken({ name: 'ed', role: 'editor', hash: 'a'.repeat(64) });
  await s.close();
  original = await exported(archive);
  expect(original.split('\n').length).toBeGreaterThan(400);
});

describe.runIf(ON_SQLITE)('backup and restore: SQLite (online backup API)', () => {
  it('round-trips the archive byte for byte on export, into a new file and over a changed archive', async () => {
    const file = join(dir, 'archive.backup');
    expect((await backupArchive(archive, file)).method).toBe('sqlite-backup');
    const fresh = join(dir, 'new', 'folder', 'restored.db');
    await restoreArchive(fresh, file);
    expect(await exported(fresh)).toBe(original);

    await vandalise(archive);
    expect(await exported(archive)).not.toBe(original);
    await expect(restoreArchive(archive, file)).rejects.toThrow(/--force/);
    await restoreArchive(archive, file, { force: true });
    expect(await exported(archive)).toBe(original);
    const db = new Database(archive, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a file that is not a sound archive', async () => {
    const junk = join(dir, 'junk.backup');
    const db = new Database(junk);
    db.exec('CREATE TABLE x (y)');
    db.close();
    await expect(restoreArchive(join(dir, 'other.db'), junk)).rejects.toThrow(/not an Octavo archive/);
  });
});

describe.runIf(ON_POSTGRES)('backup and restore: PostgreSQL (pg_dump / pg_restore) and portable JSON lines', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it('round-trips a PostgreSQL archive through pg_dump into a new database and over a changed one', async () => {
    const a = await testDatabase('bk');
    const b = await testDatabase('rs');
    drops.push(a.drop, b.drop);
    const src = await storeAt(archive);
    const pgStore = await storeAt(a.url);
    await copyStore(src, pgStore);
    await src.close();
    await pgStore.close();
    expect(await exported(a.url)).toBe(original);

    const file = join(dir, 'pg.dump');
    expect((await backupArchive(a.url, file)).method).toBe('pg_dump');
    await restoreArchive(b.url, file);
    expect(await exported(b.url)).toBe(original);

    await vandalise(a.url);
    await expect(restoreArchive(a.url, file)).rejects.toThrow(/--force/);
    await restoreArchive(a.url, file, { force: true });
    expect(await exported(a.url)).toBe(original);
  });

  it('moves an archive between stores through a .jsonl backup', async () => {
    const file = join(dir, 'archive.jsonl');
    expect((await backupArchive(archive, file)).method).toBe('jsonl');
    const { schema, url } = testSchema('jsonl');
    drops.push(() => dropSchema(schema));
    await restoreArchive(url, file);
    expect(await exported(url)).toBe(original);
    await expect(restoreArchive(url, file)).rejects.toThrow(/not empty/);
  });
});
