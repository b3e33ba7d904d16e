// Backups of a whole archive — works, collections, revisions, token hashes, search index — in one file:
//   SQLite:     the store's online backup (a consistent copy while the archive is in use), checked with
//               PRAGMA integrity_check; restored into a file beside the archive and renamed over it.
//   PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.
//   *.jsonl:    a portable row dump from any store into any empty store (the rows migrate-store copies).
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { canonicalJson } from '../model/checksum.js';
import type { DumpRecord, Store } from '../store/store.js';
import { isPostgres, sqliteFile } from './location.js';
import { openArchive } from './open.js';

export interface BackupResult {
  file: string;
  method: 'sqlite-backup' | 'pg_dump' | 'jsonl';
}

const isJsonl = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

/** The archive's rows as text, one canonical JSON line each: equal archives give equal bytes. */
export async function exportRows(store: Store): Promise<string> {
  if (!store.dump) throw new Error('this store cannot be exported');
  const lines: string[] = [];
  for await (const r of store.dump()) lines.push(canonicalJson(r));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

async function withStore<T>(location: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const a = await openArchive(location);
  try {
    return await fn(a.store);
  } finally {
    await a.close();
  }
}

export async function backupArchive(location: string, file: string): Promise<BackupResult> {
  if (isJsonl(file)) {
    return withStore(location, async (store) => {
      if (!store.dump) throw new Error('this store cannot be dumped');
      const out = createWriteStream(file);
      for await (const r of store.dump()) if (!out.write(`${canonicalJson(r)}\n`)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      return { file, method: 'jsonl' as const };
    });
  }
  if (isPostgres(location)) {
    await (await import('../store/postgres/backup.js')).pgDump(location, file);
    return { file, method: 'pg_dump' };
  }
  await withStore(location, async (store) => {
    if (!store.capabilities.fileBackup || !store.backupTo) throw new Error('this archive cannot be copied as a file');
    await store.backupTo(file);
  });
  (await import('../store/sqlite/backup.js')).checkSqliteFile(file);
  return { file, method: 'sqlite-backup' };
}

async function* readJsonl(file: string): AsyncIterable<DumpRecord> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as DumpRecord;
}

/**
 * Replace the archive at `location` with the backup in `file`. A non-empty archive is only replaced
 * with `force`; stop servers using a SQLite archive first (they would keep reading the old file).
 */
export async function restoreArchive(location: string, file: string, o: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (isJsonl(file)) {
    await withStore(location, async (store) => {
      if (!store.load) throw new Error('this store cannot load rows');
      await store.load(readJsonl(file));
    });
    return;
  }
  // Looks without touching: no migrations are run on the archive that is about to be replaced.
  const refuse = () => {
    throw new Error('the archive is not empty; restoring replaces it — add --force to do so');
  };
  if (isPostgres(location)) {
    const pg = await import('../store/postgres/backup.js');
    if (!o.force && (await pg.postgresHasContent(location))) refuse();
    await pg.pgRestore(location, file);
    return;
  }
  const sqlite = await import('../store/sqlite/backup.js');
  if (!o.force && sqlite.sqliteHasContent(sqliteFile(location))) refuse();
  await sqlite.restoreSqliteFile(file, sqliteFile(location));
}
