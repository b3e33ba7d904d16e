// SQLite store (default): one file, WAL, every write in one transaction with its index updates.
// Writers of several processes take turns (busy.ts): transactions begin IMMEDIATE and wait for the lock.
import { prepared } from './statements.js';
import { type BusyPolicy, immediateTransactions, READ_BUSY_TIMEOUT_MS, retryBusy, retryBusySync } from './busy.js';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Collection, Work } from '../../model/work.js';
import type {
  ChangeQuery,
  ChangeRecord,
  DumpRecord,
  ListOptions,
  Revision,
  RevisionInfo,
  RevisionMeta,
  Store,
  SourceMatch,
  UpsertStatus,
} from '../store.js';
import type { CollectionSummary, Neighbours, WorkSummary } from '../../model/summary.js';
import { collectionChecksum, mergedPaths, workChecksum } from '../../model/checksum.js';
import { pathKey, summarise } from '../../model/summary.js';

/**
 * What summarise() reads of a work, picked out of its JSON by SQLite (in C) instead of parsing the
 * whole work in JavaScript: a contents list or a run of letters reads hundreds of works per page.
 * The fields mirror the PostgreSQL store's summary column (migration 5 there).
 */
const SUMMARY_JSON = `json_object(
  'id', w.json ->> '$.id', 'kind', w.json ->> '$.kind', 'title', w.json ->> '$.title', 'language', w.json ->> '$.language',
  'written', json_object('date', w.json -> '$.written.date'),
  'published', (SELECT json_group_array(json_object('date', p.value -> '$.date')) FROM json_each(w.json, '$.published') p WHERE p.value -> '$.date' IS NOT NULL),
  'authors', (SELECT json_group_array(json_object('id', a.value ->> '$.id', 'name', a.value ->> '$.name')) FROM json_each(w.json, '$.authors') a),
  'recipients', (SELECT json_group_array(json_object('id', a.value ->> '$.id', 'name', a.value ->> '$.name')) FROM json_each(w.json, '$.recipients') a),
  'collections', w.json -> '$.collections')`;
import { dumpRows, loadRows, writeCollectionKeys, writeWorkKeys, writeWorkRow } from './dump.js';
import { migrate, migrations, type Migration } from './migrations.js';
import { SqliteTokenStore } from './tokens.js';

/**
 * Something kept in step with the works table inside the same transaction: the search index, handed
 * in by whoever opens the store (src/archive), so the store knows nothing of search.
 */
export interface SqliteIndexer {
  migrations?: Migration[];
  upsert(db: Database.Database, work: Work): void;
  remove(db: Database.Database, id: string): void;
  /** A collection record (path key "a/b") was written: what depends on it (its works' index rows) follows. */
  collectionChanged?(db: Database.Database, path: string): void;
}

export interface SqliteStoreOptions {
  indexers?: SqliteIndexer[];
  readonly?: boolean;
  /** How long a write waits for other processes' writers before failing (default 30 s). */
  busyWaitMs?: number;
}

/** A write transaction that held the lock this long is followed by a pause, so waiting writers get a turn. */
const LONG_HOLD_MS = 100;
/** That pause: longer than the gap between a waiting writer's attempts (busy.ts). */
const TURN_MS = 30;

interface WorkRow {
  id: string;
  json: string;
  updated_at: string;
}

export class SqliteStore implements Store {
  readonly capabilities = { concurrentWriters: false, fileBackup: true };
  readonly db: Database.Database;
  readonly tokens: SqliteTokenStore;
  private readonly indexers: SqliteIndexer[];
  private readonly busy: BusyPolicy;
  /** The connection's own db.transaction (db.transaction itself waits in place; the store waits asynchronously). */
  private readonly tx: Database.Database['transaction'];
  /** When a long write transaction of this connection ended (0: none yet). */
  private longWriteEnded = 0;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { readonly: opts.readonly ?? false, timeout: READ_BUSY_TIMEOUT_MS });
    this.indexers = opts.indexers ?? [];
    this.busy = { file, ...(opts.busyWaitMs !== undefined ? { waitMs: opts.busyWaitMs } : {}) };
    this.tx = immediateTransactions(this.db, this.busy);
    if (!opts.readonly) {
      // Already WAL for every archive but a new one; switching needs the lock, so it waits its turn too.
      retryBusySync(this.db, this.busy, () => this.db.pragma('journal_mode = WAL'));
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = ON');
    if (!opts.readonly) {
      migrate(this.db, [...migrations, ...migrationsFor(this.indexers)]);
      this.fillSourceKeys();
    }
    this.tokens = new SqliteTokenStore(this.db, (fn) => this.write(fn));
  }

  /**
   * One write transaction: BEGIN IMMEDIATE, retried while another process writes (for 30 s at most),
   * after a short pause when this connection just held the lock for long (a large import's batches).
   */
  private async write<T>(fn: () => T): Promise<T> {
    const rest = this.longWriteEnded + TURN_MS - Date.now();
    if (this.longWriteEnded && rest > 0) await new Promise((r) => setTimeout(r, rest));
    let began = 0;
    const out = await retryBusy(this.db, this.busy, () =>
      this.tx(() => {
        began = Date.now();
        return fn();
      }).immediate(),
    );
    const end = Date.now();
    this.longWriteEnded = end - began >= LONG_HOLD_MS ? end : 0;
    return out;
  }

  /** Whether the archive lacks migrations this version has (a read-only opening cannot apply them). */
  needsMigration(): boolean {
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get();
    const done = has ? new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]) : new Set<number>();
    return migrations.some((m) => !done.has(m.version));
  }

  /** Archives from before source keys existed get theirs once (migration 4 marks them pending). */
  private fillSourceKeys(): void {
    if (!prepared(this.db, "SELECT 1 FROM store_pending WHERE what = 'source_keys'").get()) return;
    this.db.transaction(() => {
      // Another process may have done it while this one waited for the lock.
      if (!prepared(this.db, "SELECT 1 FROM store_pending WHERE what = 'source_keys'").get()) return;
      for (const r of this.db.prepare('SELECT json FROM works').all() as { json: string }[])
        writeWorkKeys(this.db, JSON.parse(r.json) as Work);
      for (const r of this.db.prepare('SELECT json FROM collections').all() as { json: string }[]) {
        writeCollectionKeys(this.db, JSON.parse(r.json) as Collection);
      }
      prepared(this.db, "DELETE FROM store_pending WHERE what = 'source_keys'").run();
    })();
  }

  private writeWork(work: Work, meta: RevisionMeta | undefined): UpsertStatus {
    const checksum = workChecksum(work);
    const prev = prepared(this.db, "SELECT checksum, json_extract(json, '$.provenance.paths') AS paths FROM works WHERE id = ?").get(
      work.id,
    ) as { checksum: string; paths: string | null } | undefined;
    if (prev?.checksum === checksum) {
      // The same content from another file: no new revision, but the path is remembered (and found by).
      const paths = mergedPaths(prev.paths ? (JSON.parse(prev.paths) as string[]) : [], work.provenance.paths);
      if (paths) this.rememberPaths('works', 'id', work.id, paths, (w) => writeWorkKeys(this.db, w as Work));
      return 'unchanged';
    }
    const now = new Date().toISOString();
    const json = JSON.stringify(work);
    writeWorkRow(this.db, work, { json, checksum, createdAt: now, updatedAt: now });
    this.addRevision(work.id, now, meta, checksum, json, false);
    for (const ix of this.indexers) ix.upsert(this.db, work);
    return prev ? 'updated' : 'imported';
  }

  private addRevision(
    id: string,
    at: string,
    meta: RevisionMeta | undefined,
    checksum: string | null,
    json: string | null,
    deleted: boolean,
  ) {
    const n = prepared(this.db, 'SELECT COALESCE(MAX(n), 0) + 1 FROM revisions WHERE work_id = ?').pluck().get(id) as number;
    prepared(
      this.db,
      'INSERT INTO revisions (work_id, n, at, author, message, checksum, json, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, n, at, meta?.author ?? null, meta?.message ?? null, checksum, json, deleted ? 1 : 0);
  }

  async upsertWork(work: Work, meta?: RevisionMeta): Promise<UpsertStatus> {
    const valid = Work.parse(work);
    return this.write(() => this.writeWork(valid, meta));
  }

  async upsertWorks(works: Work[], meta?: RevisionMeta): Promise<UpsertStatus[]> {
    const valid = works.map((w) => Work.parse(w));
    return this.write(() => valid.map((w) => this.writeWork(w, meta)));
  }

  async getWork(id: string): Promise<Work | undefined> {
    const row = prepared(this.db, 'SELECT json FROM works WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Work) : undefined;
  }

  async deleteWork(id: string, meta?: RevisionMeta): Promise<boolean> {
    return this.write(() => {
      const res = prepared(this.db, 'DELETE FROM works WHERE id = ?').run(id);
      if (res.changes === 0) return false;
      this.addRevision(id, new Date().toISOString(), meta, null, null, true);
      for (const ix of this.indexers) ix.remove(this.db, id);
      return true;
    });
  }

  private where(opts: ListOptions): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (opts.ids) {
      clauses.push('w.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(opts.ids));
    }
    if (opts.kind) {
      clauses.push('w.kind = ?');
      params.push(opts.kind);
    }
    if (opts.author) {
      clauses.push(`w.id IN (SELECT a.work_id FROM work_agents a WHERE a.agent_id = ? AND a.role = 'author')`);
      params.push(opts.author);
    }
    if (opts.recipient) {
      clauses.push(`w.id IN (SELECT a.work_id FROM work_agents a WHERE a.agent_id = ? AND a.role = 'recipient')`);
      params.push(opts.recipient);
    }
    if (opts.collection?.length) {
      const key = pathKey(opts.collection);
      // The path or any below it ("a/b/…": the range from "a/b/" up to "a/b0"), read from the path index.
      clauses.push(`w.id IN (SELECT c.work_id FROM work_collections c WHERE c.path = ? OR (c.path >= ? AND c.path < ?))`);
      params.push(key, `${key}/`, `${key}0`);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  async listWorks(opts: ListOptions = {}): Promise<WorkSummary[]> {
    const { sql, params } = this.where(opts);
    const order =
      opts.order === 'recent'
        ? 'w.updated_at DESC, w.id'
        : opts.order === 'title'
          ? 'w.title COLLATE NOCASE, w.id'
          : opts.collection?.length
            ? `(SELECT MIN(c.position) FROM work_collections c WHERE c.work_id = w.id AND c.path = ?) IS NULL,
           (SELECT MIN(c.position) FROM work_collections c WHERE c.work_id = w.id AND c.path = ?), w.date_start IS NULL, w.date_start, w.id`
            : 'w.date_start IS NULL, w.date_start, w.id';
    const orderParams =
      !opts.order || opts.order === 'date' ? (opts.collection?.length ? [pathKey(opts.collection), pathKey(opts.collection)] : []) : [];
    const rows = prepared(
      this.db,
      `SELECT w.id, ${SUMMARY_JSON} AS json, w.updated_at FROM works w ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, ...orderParams, opts.limit ?? -1, opts.offset ?? 0) as WorkRow[];
    return rows.map((r) => summarise(JSON.parse(r.json) as Work, r.updated_at));
  }

  async countWorks(opts: ListOptions = {}): Promise<number> {
    const { sql, params } = this.where(opts);
    return prepared(this.db, `SELECT COUNT(*) FROM works w ${sql}`)
      .pluck()
      .get(...params) as number;
  }

  /** Add file paths to a stored record's provenance, without a revision or a new datestamp. */
  private rememberPaths(
    table: 'works' | 'collections',
    keyCol: 'id' | 'path',
    key: string,
    paths: string[],
    keys: (record: unknown) => void,
  ): void {
    // Not plucked: prepared statements are shared, and getWork reads this one as rows.
    const row = prepared(this.db, `SELECT json FROM ${table} WHERE ${keyCol} = ?`).get(key) as { json: string };
    const record = JSON.parse(row.json) as { provenance: { paths?: string[] } };
    record.provenance.paths = paths;
    prepared(this.db, `UPDATE ${table} SET json = ? WHERE ${keyCol} = ?`).run(JSON.stringify(record), key);
    keys(record);
  }

  async upsertCollection(c: Collection): Promise<UpsertStatus> {
    const valid = Collection.parse(c);
    const checksum = collectionChecksum(valid);
    return this.write((): UpsertStatus => {
      const key = pathKey(valid.path);
      const prev = prepared(
        this.db,
        "SELECT checksum, json_extract(json, '$.provenance.paths') AS paths FROM collections WHERE path = ?",
      ).get(key) as { checksum: string; paths: string | null } | undefined;
      if (prev?.checksum === checksum) {
        const paths = mergedPaths(prev.paths ? (JSON.parse(prev.paths) as string[]) : [], valid.provenance.paths);
        if (paths) this.rememberPaths('collections', 'path', key, paths, (r) => writeCollectionKeys(this.db, r as Collection));
        return 'unchanged';
      }
      prepared(
        this.db,
        `INSERT INTO collections (path, title, checksum, json, updated_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT(path) DO UPDATE SET title=excluded.title, checksum=excluded.checksum, json=excluded.json, updated_at=excluded.updated_at`,
      ).run(key, valid.title, checksum, JSON.stringify(valid), new Date().toISOString());
      writeCollectionKeys(this.db, valid);
      for (const ix of this.indexers) ix.collectionChanged?.(this.db, key);
      return prev ? 'updated' : 'imported';
    });
  }

  async findListings(keys: string[]): Promise<{ collectionPath: string[]; position: number }[]> {
    if (!keys.length) return [];
    const rows = prepared(
      this.db,
      `SELECT collection_path AS path, MIN(position) AS position FROM member_keys WHERE key IN (SELECT value FROM json_each(?))
       GROUP BY collection_path ORDER BY collection_path`,
    ).all(JSON.stringify([...new Set(keys)])) as { path: string; position: number }[];
    return rows.map((r) => ({ collectionPath: r.path.split('/'), position: r.position }));
  }

  async findSources(keys: string[]): Promise<SourceMatch[]> {
    if (!keys.length) return [];
    const rows = prepared(
      this.db,
      'SELECT key, work_id, collection_path FROM source_keys WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key, work_id, collection_path',
    ).all(JSON.stringify([...new Set(keys)])) as { key: string; work_id: string | null; collection_path: string | null }[];
    return rows.map((r) =>
      r.work_id !== null ? { key: r.key, workId: r.work_id } : { key: r.key, collectionPath: r.collection_path!.split('/') },
    );
  }

  async getCollection(path: string[]): Promise<Collection | undefined> {
    const row = prepared(this.db, 'SELECT json FROM collections WHERE path = ?').get(pathKey(path)) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Collection) : undefined;
  }

  async listCollections(): Promise<CollectionSummary[]> {
    const rows = prepared(
      this.db,
      `WITH paths AS (SELECT path FROM work_collections UNION SELECT path FROM collections)
                SELECT p.path, c.title, c.json,
                  (SELECT COUNT(DISTINCT wc.work_id) FROM work_collections wc WHERE wc.path = p.path) AS count,
                  (SELECT wc.titles FROM work_collections wc WHERE wc.path = p.path AND wc.titles IS NOT NULL
                   ORDER BY wc.position IS NULL, wc.position, wc.work_id LIMIT 1) AS titles
                FROM paths p LEFT JOIN collections c ON c.path = p.path ORDER BY p.path`,
    ).all() as { path: string; title: string | null; json: string | null; count: number; titles: string | null }[];
    return rows.map((r) => {
      const path = r.path.split('/');
      const titles = r.titles ? (JSON.parse(r.titles) as string[]) : [];
      const members = r.json ? (JSON.parse(r.json) as Collection).members.length : 0;
      return {
        path,
        title: r.title ?? titles[path.length - 1] ?? titles.join(' › ') ?? path.at(-1)!,
        count: Math.max(r.count, 0),
        ...(members ? { entries: members } : {}),
      };
    });
  }

  async neighbours(id: string, collection: string[]): Promise<Neighbours> {
    // Keyset lookups on (path, sort_key): the previous and next member without reading the collection.
    const rows = prepared(
      this.db,
      `WITH me AS (SELECT sort_key FROM work_collections WHERE path = @path AND work_id = @id)
                SELECT ${SUMMARY_JSON} AS json, w.updated_at, x.rel FROM (
                  SELECT * FROM (SELECT wc.work_id, -1 AS rel FROM work_collections wc, me WHERE wc.path = @path AND wc.sort_key < me.sort_key ORDER BY wc.sort_key DESC LIMIT 1)
                  UNION ALL
                  SELECT * FROM (SELECT wc.work_id, 1 AS rel FROM work_collections wc, me WHERE wc.path = @path AND wc.sort_key > me.sort_key ORDER BY wc.sort_key LIMIT 1)
                ) x JOIN works w ON w.id = x.work_id`,
    ).all({ path: pathKey(collection), id }) as (WorkRow & { rel: number })[];
    const at = (rel: number) => {
      const r = rows.find((x) => x.rel === rel);
      return r ? summarise(JSON.parse(r.json) as Work, r.updated_at) : undefined;
    };
    return { previous: at(-1), next: at(1) };
  }

  async correspondenceNeighbours(id: string, a: string, b: string): Promise<Neighbours> {
    const rows = prepared(
      this.db,
      `WITH pair AS (
         SELECT x.work_id FROM work_agents x JOIN work_agents y ON y.work_id = x.work_id AND y.role = 'recipient'
         WHERE x.role = 'author' AND ((x.agent_id = @a AND y.agent_id = @b) OR (x.agent_id = @b AND y.agent_id = @a))
       ), letters AS MATERIALIZED (
         SELECT DISTINCT w.id, COALESCE(w.date_start, '~') AS d FROM works w JOIN pair ON pair.work_id = w.id
         WHERE w.kind IN ('letter', 'telegram')
       ), me AS (SELECT d, id FROM letters WHERE id = @id)
       SELECT w.id, ${SUMMARY_JSON} AS json, w.updated_at, x.rel FROM (
         SELECT * FROM (SELECT l.id, -1 AS rel FROM letters l, me WHERE (l.d, l.id) < (me.d, me.id) ORDER BY l.d DESC, l.id DESC LIMIT 1) p
         UNION ALL
         SELECT * FROM (SELECT l.id, 1 AS rel FROM letters l, me WHERE (l.d, l.id) > (me.d, me.id) ORDER BY l.d, l.id LIMIT 1) n
       ) x JOIN works w ON w.id = x.id`,
    ).all({ a, b, id }) as (WorkRow & { rel: number })[];
    const at = (rel: number) => {
      const r = rows.find((x) => x.rel === rel);
      return r ? summarise(JSON.parse(r.json) as Work, r.updated_at) : undefined;
    };
    return { previous: at(-1), next: at(1) };
  }

  async listChanges(q: ChangeQuery): Promise<ChangeRecord[]> {
    const rows = prepared(
      this.db,
      `WITH latest AS (
                  SELECT w.id, w.updated_at AS at, 0 AS deleted,
                    (SELECT json_group_array(path) FROM work_collections c WHERE c.work_id = w.id) AS paths
                  FROM works w
                  UNION ALL
                  SELECT r.work_id, r.at, 1,
                    (SELECT json_group_array(json_extract(e.value, '$.path')) FROM revisions p, json_each(json_extract(p.json, '$.collections')) e
                      WHERE p.work_id = r.work_id AND p.n = (SELECT MAX(n) FROM revisions WHERE work_id = r.work_id AND deleted = 0))
                  FROM revisions r
                  WHERE r.deleted = 1 AND r.n = (SELECT MAX(n) FROM revisions WHERE work_id = r.work_id)
                    AND NOT EXISTS (SELECT 1 FROM works w2 WHERE w2.id = r.work_id))
                SELECT id, at, deleted, paths FROM latest
                WHERE (@from IS NULL OR at >= @from) AND (@until IS NULL OR at <= @until)
                  AND (@afterAt IS NULL OR at > @afterAt OR (at = @afterAt AND id > @afterId))
                ORDER BY at, id`,
    ).all({ from: q.from ?? null, until: q.until ?? null, afterAt: q.after?.updatedAt ?? null, afterId: q.after?.id ?? null }) as {
      id: string;
      at: string;
      deleted: number;
      paths: string | null;
    }[];
    const out: ChangeRecord[] = [];
    for (const r of rows) {
      const collections = (JSON.parse(r.paths ?? '[]') as (string | string[] | null)[])
        .filter((p): p is string | string[] => p !== null)
        .map((p) =>
          typeof p === 'string' && p.startsWith('[') ? (JSON.parse(p) as string[]).join('/') : Array.isArray(p) ? p.join('/') : p,
        );
      if (q.collection && !collections.some((c) => c === q.collection || c.startsWith(`${q.collection}/`))) continue;
      out.push({ id: r.id, updatedAt: r.at, deleted: r.deleted === 1, collections });
      if (out.length >= q.limit) break;
    }
    return out;
  }

  async earliestChange(): Promise<string | undefined> {
    return (prepared(this.db, 'SELECT MIN(at) FROM revisions').pluck().get() as string | null) ?? undefined;
  }

  async listRevisions(id: string): Promise<RevisionInfo[]> {
    const rows = prepared(this.db, 'SELECT n, at, author, message, checksum, deleted FROM revisions WHERE work_id = ? ORDER BY n').all(
      id,
    ) as RevisionRow[];
    return rows.map(revisionInfo);
  }

  async getRevision(id: string, n: number): Promise<Revision | undefined> {
    const row = prepared(this.db, 'SELECT n, at, author, message, checksum, deleted, json FROM revisions WHERE work_id = ? AND n = ?').get(
      id,
      n,
    ) as (RevisionRow & { json: string | null }) | undefined;
    if (!row) return undefined;
    return { ...revisionInfo(row), ...(row.json ? { work: JSON.parse(row.json) as Work } : {}) };
  }

  async *dump(): AsyncIterable<DumpRecord> {
    // A second, read-only connection in one read transaction: a consistent snapshot (WAL), and the
    // store's own connection stays free for writers while the dump is consumed.
    const reader = this.db.memory ? this.db : new Database(this.db.name, { readonly: true });
    try {
      reader.exec('BEGIN');
      yield* dumpRows(reader);
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      if (reader !== this.db) reader.close();
    }
  }

  async load(records: AsyncIterable<DumpRecord>): Promise<number> {
    return loadRows(
      this.db,
      records,
      (work) => {
        for (const ix of this.indexers) ix.upsert(this.db, work);
      },
      () => retryBusy(this.db, this.busy, () => void this.db.exec('BEGIN IMMEDIATE')),
    );
  }

  /** A consistent copy of the whole database file (the online backup API), while writers go on. */
  async backupTo(file: string): Promise<void> {
    // All pages in one step: one read snapshot (WAL lets writers go on), so other processes' writes
    // cannot make the copy restart over and over during a long import.
    await this.db.backup(file, { progress: () => 0x7fffffff });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

interface RevisionRow {
  n: number;
  at: string;
  author: string | null;
  message: string | null;
  checksum: string | null;
  deleted: number;
}

const revisionInfo = (r: RevisionRow): RevisionInfo => ({
  n: r.n,
  at: r.at,
  deleted: r.deleted === 1,
  ...(r.author !== null ? { author: r.author } : {}),
  ...(r.message !== null ? { message: r.message } : {}),
  ...(r.checksum !== null ? { checksum: r.checksum } : {}),
});

/** Indexers number their migrations from 100 up so they never collide with the store's own. */
function migrationsFor(indexers: SqliteIndexer[]): Migration[] {
  return indexers.flatMap((ix) => ix.migrations ?? []);
}

export async function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(file, opts);
}
