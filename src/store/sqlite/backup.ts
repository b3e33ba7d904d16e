// A SQLite archive as a file: checking a backup before it replaces anything, restoring one in place,
// and looking whether an archive holds anything, all without migrating it.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A backup must be a sound Octavo archive before it replaces anything. */
export function checkSqliteFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${file} fails the integrity check: ${String(ok)}`);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('works', 'revisions', 'schema_migrations')")
      .pluck()
      .all();
    if (tables.length !== 3) throw new Error(`${file} is not an Octavo archive`);
  } finally {
    db.close();
  }
}

/** Whether the archive file holds works or revisions (a missing file holds nothing). */
export function sqliteHasContent(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'works'").get();
    return !!has && !!db.prepare('SELECT 1 FROM works UNION ALL SELECT 1 FROM revisions LIMIT 1').get();
  } finally {
    db.close();
  }
}

/**
 * Replace the archive file `target` with the checked backup `file`: copied beside it through the
 * backup API (a clean database without a WAL), then renamed over it.
 */
export async function restoreSqliteFile(file: string, target: string): Promise<void> {
  checkSqliteFile(file);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
  const src = new Database(file, { readonly: true });
  try {
    await src.backup(tmp);
  } finally {
    src.close();
  }
  if (existsSync(target)) {
    // Fold the old archive's WAL in first, so no stale -wal file can be replayed onto the new one; an
    // archive too damaged to open is simply replaced.
    try {
      const old = new Database(target);
      old.pragma('wal_checkpoint(TRUNCATE)');
      old.close();
    } catch {
      /* replaced below */
    }
  }
  renameSync(tmp, target);
  for (const ext of ['-wal', '-shm']) rmSync(`${target}${ext}`, { force: true });
}
