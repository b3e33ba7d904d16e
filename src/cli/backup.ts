// `octavo backup <file>` / `octavo restore <file>`: the whole archive — works, collections, revisions,
// token hashes, search index — in one file.
//   SQLite:     the online backup API (a consistent copy while the archive is in use), checked with
//               PRAGMA integrity_check; restored by copying it to a temporary file beside the archive and
//               renaming it over the archive.
//   PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.
//   *.jsonl:    a portable row dump from any store into any empty store (the same rows migrate-store copies).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, basename } from 'node:path';
import { createInterface } from 'node:readline';
import { canonicalJson } from '../store/checksum.js';
import { SqliteStore } from '../store/sqlite/index.js';
import type { DumpRecord, Store } from '../store/store.js';
import { openStore } from './db.js';

export interface BackupResult { file: string; method: 'sqlite-backup' | 'pg_dump' | 'jsonl'; bytes?: number }

const isPostgres = (location: string) => /^postgres(ql)?:\/\//.test(location);
const isJsonl = (file: string) => /\.(jsonl|ndjson)$/i.test(file);
const sqlitePath = (location: string) => location.replace(/^sqlite:/, '');

/** The archive's rows as text, one canonical JSON line each: equal archives give equal bytes. */
export async function exportArchive(store: Store): Promise<string> {
  if (!store.dump) throw new Error('this store cannot be exported');
  const lines: string[] = [];
  for await (const r of store.dump()) lines.push(canonicalJson(r));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', (e) => reject(new Error(`${cmd} could not be started (${e.message}); install PostgreSQL's client tools`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim().slice(0, 2000)}`))));
  });
}

/** libpq's URL and our schema parameter, apart. */
async function pgTarget(location: string): Promise<{ connectionString: string; schema?: string }> {
  const { parseTarget } = await import('../store/postgres/connect.js');
  return parseTarget(location);
}

export async function runBackup(location: string, file: string): Promise<BackupResult> {
  if (isJsonl(file)) {
    const store = await openStore(location);
    try {
      if (!store.dump) throw new Error('this store cannot be dumped');
      const out = createWriteStream(file);
      for await (const r of store.dump()) if (!out.write(`${canonicalJson(r)}\n`)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      return { file, method: 'jsonl' };
    } finally {
      await store.close();
    }
  }
  if (isPostgres(location)) {
    const t = await pgTarget(location);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...(t.schema ? ['--schema', t.schema] : []), '--file', file, '--dbname', t.connectionString]);
    return { file, method: 'pg_dump' };
  }
  const store = await openStore(location);
  try {
    if (!(store instanceof SqliteStore)) throw new Error('not a SQLite archive');
    // All pages in one step: one read snapshot (WAL lets writers go on), so other processes' writes
    // cannot make the copy restart over and over during a long import.
    await store.db.backup(file, { progress: () => 0x7fffffff });
  } finally {
    await store.close();
  }
  checkSqliteFile(file);
  return { file, method: 'sqlite-backup' };
}

/** A backup must be a sound Octavo archive before it replaces anything. */
function checkSqliteFile(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${file} fails the integrity check: ${String(ok)}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('works', 'revisions', 'schema_migrations')").pluck().all();
    if (tables.length !== 3) throw new Error(`${file} is not an Octavo archive`);
  } finally {
    db.close();
  }
}

async function* readJsonl(file: string): AsyncIterable<DumpRecord> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as DumpRecord;
}

/**
 * Replace the archive at `location` with the backup in `file`. A non-empty archive is only replaced
 * with `force`; stop servers using a SQLite archive first (they would keep reading the old file).
 */
export async function runRestore(location: string, file: string, o: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (isJsonl(file)) {
    const store = await openStore(location);
    try {
      if (!store.load) throw new Error('this store cannot load rows');
      await store.load(readJsonl(file));
    } finally {
      await store.close();
    }
    return;
  }
  if (!o.force) await refuseNonEmpty(location);
  if (isPostgres(location)) {
    const t = await pgTarget(location);
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', t.connectionString, file]);
    return;
  }
  checkSqliteFile(file);
  const target = sqlitePath(location);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
  // Copy through the backup API (not a byte copy), so the new file is a clean database without a WAL.
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
    } catch { /* replaced below */ }
  }
  renameSync(tmp, target);
  for (const ext of ['-wal', '-shm']) rmSync(`${target}${ext}`, { force: true });
}

/** Looks without touching: no migrations are run on the archive that is about to be replaced. */
async function refuseNonEmpty(location: string): Promise<void> {
  const refuse = () => { throw new Error('the archive is not empty; restoring replaces it — add --force to do so'); };
  if (isPostgres(location)) {
    const t = await pgTarget(location);
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: t.connectionString, ...(t.schema ? { options: `-c search_path=${t.schema}` } : {}) });
    await c.connect();
    try {
      const has = (await c.query<{ t: string | null }>("SELECT to_regclass('works')::text AS t")).rows[0]?.t;
      if (has && (await c.query('SELECT 1 FROM works UNION ALL SELECT 1 FROM revisions LIMIT 1')).rowCount) refuse();
    } finally {
      await c.end();
    }
    return;
  }
  const file = sqlitePath(location);
  if (!existsSync(file)) return;
  const db = new Database(file, { readonly: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'works'").get();
    if (has && db.prepare('SELECT 1 FROM works UNION ALL SELECT 1 FROM revisions LIMIT 1').get()) refuse();
  } finally {
    db.close();
  }
}
