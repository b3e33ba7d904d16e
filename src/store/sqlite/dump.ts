// Raw rows in and out, for lossless copies between stores (migrate-store) and JSON backups. The derived
// tables (work_agents, work_collections, search indexes) are rebuilt from each work's JSON on load.
import { prepared } from './statements.js';
import type Database from 'better-sqlite3';
import type { Work } from '../../model/work.js';
import type { DumpRecord, TokenRole } from '../store.js';
import { memberKeys, sourceKeys } from '../../model/sources.js';
import { pathKey, sortKey, workDate } from '../../model/summary.js';
import type { Collection } from '../../model/work.js';

export interface RowTimes {
  json: string;
  checksum: string;
  createdAt: string;
  updatedAt: string;
}

/** The works row and its derived rows, as one upsert (the caller holds the transaction). */
export function writeWorkRow(db: Database.Database, work: Work, t: RowTimes): void {
  const d = workDate(work);
  prepared(
    db,
    `INSERT INTO works (id, kind, title, language, date_start, date_end, date_text, checksum, source_file, source_format, json, created_at, updated_at)
              VALUES (@id, @kind, @title, @language, @ds, @de, @dt, @checksum, @file, @format, @json, @createdAt, @updatedAt)
              ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, title=excluded.title, language=excluded.language,
                date_start=excluded.date_start, date_end=excluded.date_end, date_text=excluded.date_text,
                checksum=excluded.checksum, source_file=excluded.source_file, source_format=excluded.source_format,
                json=excluded.json, updated_at=excluded.updated_at`,
  ).run({
    id: work.id,
    kind: work.kind,
    title: work.title,
    language: work.language,
    ds: d?.start ?? null,
    de: d?.end ?? null,
    dt: d?.text ?? null,
    checksum: t.checksum,
    file: work.provenance.file,
    format: work.provenance.format,
    json: t.json,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  });
  prepared(db, 'DELETE FROM work_agents WHERE work_id = ?').run(work.id);
  const agent = prepared(db, 'INSERT INTO work_agents (work_id, role, agent_id, name, ord) VALUES (?, ?, ?, ?, ?)');
  work.authors.forEach((a, i) => {
    agent.run(work.id, 'author', a.id, a.name, i);
  });
  work.recipients.forEach((r, i) => {
    agent.run(work.id, 'recipient', r.id, r.name, i);
  });
  writeWorkKeys(db, work);
  prepared(db, 'DELETE FROM work_collections WHERE work_id = ?').run(work.id);
  const coll = prepared(db, 'INSERT OR REPLACE INTO work_collections (work_id, path, position, titles, sort_key) VALUES (?, ?, ?, ?, ?)');
  for (const c of work.collections) {
    coll.run(
      work.id,
      pathKey(c.path),
      c.position ?? null,
      c.titles ? JSON.stringify(c.titles) : null,
      sortKey(c.position, d?.start, work.id),
    );
  }
}

/** The keys a work is found by from contents entries (src/model/sources.ts). */
export function writeWorkKeys(db: Database.Database, work: Pick<Work, 'id' | 'provenance'>): void {
  prepared(db, 'DELETE FROM source_keys WHERE work_id = ?').run(work.id);
  const add = prepared(db, 'INSERT INTO source_keys (key, work_id) VALUES (?, ?)');
  for (const k of sourceKeys(work.provenance)) add.run(k, work.id);
}

/** The keys a collection is found by, and those its entries point at (which index pages list a work). */
export function writeCollectionKeys(db: Database.Database, c: Pick<Collection, 'path' | 'provenance' | 'members'>): void {
  const key = pathKey(c.path);
  prepared(db, 'DELETE FROM source_keys WHERE collection_path = ?').run(key);
  const add = prepared(db, 'INSERT INTO source_keys (key, collection_path) VALUES (?, ?)');
  for (const k of sourceKeys(c.provenance)) add.run(k, key);
  prepared(db, 'DELETE FROM member_keys WHERE collection_path = ?').run(key);
  const member = prepared(db, 'INSERT INTO member_keys (key, collection_path, position) VALUES (?, ?, ?)');
  for (const m of memberKeys(c)) member.run(m.key, key, m.position);
}

/** Every row, table by table, in a fixed order (binary collation, as PostgreSQL's "C"). */
export function* dumpRows(db: Database.Database): Iterable<DumpRecord> {
  type W = { id: string; checksum: string; json: string; created_at: string; updated_at: string };
  for (const r of prepared(db, 'SELECT id, checksum, json, created_at, updated_at FROM works ORDER BY id').iterate() as Iterable<W>) {
    yield { type: 'work', id: r.id, checksum: r.checksum, json: r.json, createdAt: r.created_at, updatedAt: r.updated_at };
  }
  type C = { path: string; checksum: string; json: string; updated_at: string };
  for (const r of prepared(db, 'SELECT path, checksum, json, updated_at FROM collections ORDER BY path').iterate() as Iterable<C>) {
    yield { type: 'collection', path: r.path, checksum: r.checksum, json: r.json, updatedAt: r.updated_at };
  }
  type R = {
    work_id: string;
    n: number;
    at: string;
    author: string | null;
    message: string | null;
    checksum: string | null;
    json: string | null;
    deleted: number;
  };
  for (const r of prepared(
    db,
    'SELECT work_id, n, at, author, message, checksum, json, deleted FROM revisions ORDER BY work_id, n',
  ).iterate() as Iterable<R>) {
    yield {
      type: 'revision',
      workId: r.work_id,
      n: r.n,
      at: r.at,
      author: r.author,
      message: r.message,
      checksum: r.checksum,
      json: r.json,
      deleted: r.deleted === 1,
    };
  }
  type T = { name: string; role: TokenRole; hash: string; created_at: string; revoked_at: string | null };
  for (const r of prepared(db, 'SELECT name, role, hash, created_at, revoked_at FROM tokens ORDER BY name').iterate() as Iterable<T>) {
    yield { type: 'token', name: r.name, role: r.role, hash: r.hash, createdAt: r.created_at, revokedAt: r.revoked_at };
  }
}

/**
 * Write dumped rows into an empty archive in one transaction. The rows arrive asynchronously, so the
 * transaction is opened by hand (BEGIN IMMEDIATE) rather than with db.transaction().
 */
export async function loadRows(
  db: Database.Database,
  records: AsyncIterable<DumpRecord>,
  onWork: (w: Work) => void,
  begin: () => Promise<void> = async () => void db.exec('BEGIN IMMEDIATE'),
): Promise<number> {
  await begin();
  try {
    const busy = prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM works) OR EXISTS (SELECT 1 FROM revisions) OR EXISTS (SELECT 1 FROM collections)
                               OR EXISTS (SELECT 1 FROM tokens)`,
    )
      .pluck()
      .get();
    if (busy) throw new Error('the target archive is not empty; load only copies into an empty archive');
    const coll = prepared(db, 'INSERT INTO collections (path, title, checksum, json, updated_at) VALUES (?, ?, ?, ?, ?)');
    const rev = prepared(
      db,
      'INSERT INTO revisions (work_id, n, at, author, message, checksum, json, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tok = prepared(db, 'INSERT INTO tokens (name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)');
    let n = 0;
    for await (const r of records) {
      n++;
      if (r.type === 'work') {
        const work = JSON.parse(r.json) as Work;
        writeWorkRow(db, work, r);
        onWork(work);
      } else if (r.type === 'collection') {
        const c = JSON.parse(r.json) as Collection;
        coll.run(r.path, c.title, r.checksum, r.json, r.updatedAt);
        writeCollectionKeys(db, c);
      } else if (r.type === 'revision') {
        rev.run(r.workId, r.n, r.at, r.author, r.message, r.checksum, r.json, r.deleted ? 1 : 0);
      } else {
        tok.run(r.name, r.role, r.hash, r.createdAt, r.revokedAt);
      }
    }
    db.exec('COMMIT');
    return n;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
