// PostgreSQL store: the same contract as the SQLite store, for several writers and readers over one
// database. Every write is one transaction with its index updates; a per-work advisory lock keeps
// revision numbers and checksum checks consistent when processes write the same work at once. With
// streaming replicas (`replicas`), reads go to a replica that has replayed this process's writes, else
// to the primary (replicas.ts).
import type pg from 'pg';
import { Collection, Work } from '../../model/work.js';
import type {
  ChangeQuery,
  ChangeRecord,
  DumpRecord,
  ListOptions,
  Revision,
  RevisionInfo,
  RevisionMeta,
  SourceMatch,
  Store,
  UpsertStatus,
  WritePositions,
} from '../store.js';
import type { CollectionSummary, Neighbours, WorkSummary } from '../../model/summary.js';
import { collectionChecksum, mergedPaths, workChecksum } from '../../model/checksum.js';
import { pathKey, summarise } from '../../model/summary.js';
import { createPool, ensureSchema, parseTarget, transaction } from './connect.js';
import { ReadRouter } from './replicas.js';
import { dumpRows, loadRows, writeCollectionKeys, writeWorkKeys, writeWorkRow } from './dump.js';
import { migrate, migrations, type Migration } from './migrations.js';
import { PostgresTokenStore } from './tokens.js';

/**
 * Something kept in step with the works table inside the same transaction: the search index, handed
 * in by whoever opens the store (src/archive), so the store knows nothing of search.
 */
export interface PostgresIndexer {
  /** Numbered from 100 up so they never collide with the store's own. */
  migrations?: Migration[];
  upsert(c: pg.ClientBase, work: Work): Promise<void>;
  remove(c: pg.ClientBase, id: string): Promise<void>;
  /** A collection record (path key "a/b") was written: what depends on it (its works' index rows) follows. */
  collectionChanged?(c: pg.ClientBase, path: string): Promise<void>;
}

export interface PostgresStoreOptions {
  indexers?: PostgresIndexer[];
  /** Pool size (default 8), of the primary's pool and of each replica's. */
  max?: number;
  /**
   * postgres:// URLs of streaming replicas of the same database: reads are shared among them (once
   * they have replayed this process's writes), writes and token checks go to the primary. A replica
   * URL without `?schema=` reads the primary's schema.
   */
  replicas?: string[];
}

/** A work's JSON for summarise(): the stored summary (migration 5), else the whole work. */
const SUMMARY = 'COALESCE(w.summary, w.json)';

interface WorkRow {
  id: string;
  json: string;
  updated_at: string;
}

export class PostgresStore implements Store {
  readonly capabilities = { concurrentWriters: true, fileBackup: false };
  readonly tokens: PostgresTokenStore;
  private closed = false;

  /** Where reads go (the primary alone when there are no replicas). */
  readonly reads: ReadRouter;

  constructor(
    /** The primary's pool: every write, and reads when no replica may serve them. */
    readonly pool: pg.Pool,
    readonly schema: string | undefined,
    private readonly indexers: PostgresIndexer[] = [],
    replicas: pg.Pool[] = [],
  ) {
    this.tokens = new PostgresTokenStore(pool);
    this.reads = new ReadRouter(pool, replicas);
  }

  /** A read query, on a replica when one may serve it. */
  private q<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.reads.read((db) => db.query<R>(sql, params));
  }

  /** One write transaction on the primary; with replicas, its WAL position is noted for reading it back. */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const out = await transaction(this.pool, fn);
    if (this.reads.replicated) await this.reads.committed(await this.walPosition());
    return out;
  }

  /** The primary's WAL insert position: at or past every commit that has returned. */
  private async walPosition(): Promise<string> {
    return (await this.pool.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn;
  }

  /** With replicas: where this process's writes are, for sibling processes (`octavo serve --workers`). */
  get writePositions(): WritePositions | undefined {
    return this.reads.replicated ? this.reads : undefined;
  }

  /**
   * Reads from now on must see everything the primary holds now (this process's writes made outside
   * the store's own transactions: migrations, the search index's catch-up).
   */
  async noteWrites(): Promise<void> {
    if (this.reads.replicated) await this.reads.committed(await this.walPosition());
  }

  /**
   * Run `fn` with a view of this store whose `pool` is the one a read should use now (a replica that
   * has caught up, else the primary), for readers that query the pool themselves (search). A replica
   * that fails is left out and `fn` runs again on the primary.
   */
  reading<T>(fn: (view: PostgresStore) => Promise<T>): Promise<T> {
    if (!this.reads.replicated) return fn(this);
    return this.reads.read((db) => fn(db === this.pool ? this : (Object.create(this, { pool: { value: db } }) as PostgresStore)));
  }

  private async writeWork(c: pg.ClientBase, work: Work, meta: RevisionMeta | undefined): Promise<UpsertStatus> {
    const checksum = workChecksum(work);
    const prev = (
      await c.query<{ checksum: string; paths: string[] | null }>(
        "SELECT checksum, json::jsonb -> 'provenance' -> 'paths' AS paths FROM works WHERE id = $1",
        [work.id],
      )
    ).rows[0];
    if (prev?.checksum === checksum) {
      // The same content from another file: no new revision, but the path is remembered (and found by).
      const paths = mergedPaths(prev.paths ?? [], work.provenance.paths);
      if (paths) await rememberPaths(c, 'works', 'id', work.id, paths, (r) => writeWorkKeys(c, r as Work));
      return 'unchanged';
    }
    const now = new Date().toISOString();
    const json = JSON.stringify(work);
    await writeWorkRow(c, work, { json, checksum, createdAt: now, updatedAt: now }, !prev);
    await addRevision(c, work.id, now, meta, checksum, json, false);
    for (const ix of this.indexers) await ix.upsert(c, work);
    return prev ? 'updated' : 'imported';
  }

  async upsertWork(work: Work, meta?: RevisionMeta): Promise<UpsertStatus> {
    return (await this.upsertWorks([work], meta))[0]!;
  }

  async upsertWorks(works: Work[], meta?: RevisionMeta): Promise<UpsertStatus[]> {
    const valid = works.map((w) => Work.parse(w));
    if (valid.length === 0) return [];
    return this.tx(async (c) => {
      await lockWorks(
        c,
        valid.map((w) => w.id),
      );
      const out: UpsertStatus[] = [];
      for (const w of valid) out.push(await this.writeWork(c, w, meta));
      return out;
    });
  }

  async getWork(id: string): Promise<Work | undefined> {
    const row = (await this.q<{ json: string }>('SELECT json FROM works WHERE id = $1', [id])).rows[0];
    return row ? (JSON.parse(row.json) as Work) : undefined;
  }

  async deleteWork(id: string, meta?: RevisionMeta): Promise<boolean> {
    return this.tx(async (c) => {
      await lockWorks(c, [id]);
      const res = await c.query('DELETE FROM works WHERE id = $1', [id]);
      if (!res.rowCount) return false;
      await addRevision(c, id, new Date().toISOString(), meta, null, null, true);
      for (const ix of this.indexers) await ix.remove(c, id);
      return true;
    });
  }

  private where(opts: ListOptions, params: unknown[]): string {
    const p = (v: unknown) => `$${params.push(v)}`;
    const clauses: string[] = [];
    if (opts.ids) clauses.push(`w.id = ANY(${p(opts.ids)}::text[])`);
    if (opts.kind) clauses.push(`w.kind = ${p(opts.kind)}`);
    if (opts.author)
      clauses.push(`EXISTS (SELECT 1 FROM work_agents a WHERE a.work_id = w.id AND a.role = 'author' AND a.agent_id = ${p(opts.author)})`);
    if (opts.recipient)
      clauses.push(
        `EXISTS (SELECT 1 FROM work_agents a WHERE a.work_id = w.id AND a.role = 'recipient' AND a.agent_id = ${p(opts.recipient)})`,
      );
    if (opts.collection?.length) {
      const key = pathKey(opts.collection);
      clauses.push(
        `EXISTS (SELECT 1 FROM work_collections c WHERE c.work_id = w.id AND (c.path = ${p(key)} OR starts_with(c.path, ${p(`${key}/`)})))`,
      );
    }
    return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  }

  async listWorks(opts: ListOptions = {}): Promise<WorkSummary[]> {
    const params: unknown[] = [];
    const where = this.where(opts, params);
    const p = (v: unknown) => `$${params.push(v)}`;
    let order = 'w.date_start ASC NULLS LAST, w.id';
    if (opts.order === 'recent') order = 'w.updated_at DESC, w.id';
    else if (opts.order === 'title') order = 'lower(w.title) COLLATE "C", w.id';
    else if (opts.collection?.length) {
      const pos = `(SELECT MIN(c.position) FROM work_collections c WHERE c.work_id = w.id AND c.path = ${p(pathKey(opts.collection))})`;
      order = `${pos} ASC NULLS LAST, ${order}`;
    }
    const rows = (
      await this.q<WorkRow>(
        `SELECT w.id, ${SUMMARY} AS json, w.updated_at FROM works w ${where} ORDER BY ${order} LIMIT ${p(opts.limit ?? null)} OFFSET ${p(opts.offset ?? 0)}`,
        params,
      )
    ).rows;
    return rows.map((r) => summarise(JSON.parse(r.json) as Work, r.updated_at));
  }

  async countWorks(opts: ListOptions = {}): Promise<number> {
    const params: unknown[] = [];
    const where = this.where(opts, params);
    return Number((await this.q<{ n: string }>(`SELECT COUNT(*) AS n FROM works w ${where}`, params)).rows[0]!.n);
  }

  async upsertCollection(col: Collection): Promise<UpsertStatus> {
    const valid = Collection.parse(col);
    const checksum = collectionChecksum(valid);
    const key = pathKey(valid.path);
    return this.tx(async (c): Promise<UpsertStatus> => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`collection:${key}`]);
      const prev = (
        await c.query<{ checksum: string; paths: string[] | null }>(
          "SELECT checksum, json::jsonb -> 'provenance' -> 'paths' AS paths FROM collections WHERE path = $1",
          [key],
        )
      ).rows[0];
      if (prev?.checksum === checksum) {
        const paths = mergedPaths(prev.paths ?? [], valid.provenance.paths);
        if (paths) await rememberPaths(c, 'collections', 'path', key, paths, (r) => writeCollectionKeys(c, r as Collection));
        return 'unchanged';
      }
      await c.query(
        `INSERT INTO collections (path, title, checksum, json, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (path) DO UPDATE SET title = excluded.title, checksum = excluded.checksum, json = excluded.json, updated_at = excluded.updated_at`,
        [key, valid.title, checksum, JSON.stringify(valid), new Date().toISOString()],
      );
      await writeCollectionKeys(c, valid);
      for (const ix of this.indexers) await ix.collectionChanged?.(c, key);
      return prev ? 'updated' : 'imported';
    });
  }

  async findListings(keys: string[]): Promise<{ collectionPath: string[]; position: number }[]> {
    if (!keys.length) return [];
    const { rows } = await this.q<{ path: string; position: number }>(
      `SELECT collection_path AS path, MIN(position) AS position FROM member_keys WHERE key = ANY($1::text[])
       GROUP BY collection_path ORDER BY collection_path`,
      [[...new Set(keys)]],
    );
    return rows.map((r) => ({ collectionPath: r.path.split('/'), position: r.position }));
  }

  async findSources(keys: string[]): Promise<SourceMatch[]> {
    if (!keys.length) return [];
    const { rows } = await this.q<{ key: string; work_id: string | null; collection_path: string | null }>(
      'SELECT key, work_id, collection_path FROM source_keys WHERE key = ANY($1::text[]) ORDER BY key, work_id, collection_path',
      [[...new Set(keys)]],
    );
    return rows.map((r) =>
      r.work_id !== null ? { key: r.key, workId: r.work_id } : { key: r.key, collectionPath: r.collection_path!.split('/') },
    );
  }

  async getCollection(path: string[]): Promise<Collection | undefined> {
    const row = (await this.q<{ json: string }>('SELECT json FROM collections WHERE path = $1', [pathKey(path)])).rows[0];
    return row ? (JSON.parse(row.json) as Collection) : undefined;
  }

  async listCollections(): Promise<CollectionSummary[]> {
    // One pass over work_collections for the counts and one for the titles (not a lookup per path):
    // cheap enough that the planner never compiles it (JIT), which cost more than the query itself.
    const rows = (
      await this.q<{
        path: string;
        title: string | null;
        members: number | null;
        json: string | null;
        count: string;
        titles: string | null;
      }>(
        `WITH held AS (SELECT path, count(*) AS count FROM work_collections GROUP BY path),
         named AS (
           SELECT DISTINCT ON (path) path, titles FROM work_collections WHERE titles IS NOT NULL
           ORDER BY path, position ASC NULLS LAST, work_id
         )
       SELECT p.path, c.title, c.members, CASE WHEN c.path IS NOT NULL AND c.members IS NULL THEN c.json END AS json,
         COALESCE(h.count, 0) AS count, n.titles
       FROM (SELECT path FROM held UNION SELECT path FROM collections) p
         LEFT JOIN collections c ON c.path = p.path LEFT JOIN held h ON h.path = p.path LEFT JOIN named n ON n.path = p.path
       ORDER BY p.path`,
      )
    ).rows;
    return rows.map((r) => {
      const path = r.path.split('/');
      const titles = r.titles ? (JSON.parse(r.titles) as string[]) : [];
      const members = r.members ?? (r.json ? (JSON.parse(r.json) as Collection).members.length : 0);
      return {
        path,
        title: r.title ?? titles[path.length - 1] ?? titles.join(' › '),
        count: Number(r.count),
        ...(members ? { entries: members } : {}),
      };
    });
  }

  async neighbours(id: string, collection: string[]): Promise<Neighbours> {
    // Keyset lookups on (path, sort_key): the previous and next member without reading the collection.
    const rows = (
      await this.q<WorkRow & { rel: number }>(
        `WITH me AS (SELECT sort_key FROM work_collections WHERE path = $1 AND work_id = $2)
       SELECT w.id, ${SUMMARY} AS json, w.updated_at, x.rel FROM (
         (SELECT wc.work_id, -1 AS rel FROM work_collections wc, me WHERE wc.path = $1 AND wc.sort_key < me.sort_key ORDER BY wc.sort_key DESC LIMIT 1)
         UNION ALL
         (SELECT wc.work_id, 1 FROM work_collections wc, me WHERE wc.path = $1 AND wc.sort_key > me.sort_key ORDER BY wc.sort_key LIMIT 1)
       ) x JOIN works w ON w.id = x.work_id`,
        [pathKey(collection), id],
      )
    ).rows;
    const at = (rel: number) => {
      const r = rows.find((x) => x.rel === rel);
      return r ? summarise(JSON.parse(r.json) as Work, r.updated_at) : undefined;
    };
    return { previous: at(-1), next: at(1) };
  }

  async correspondenceNeighbours(id: string, a: string, b: string): Promise<Neighbours> {
    const rows = (
      await this.q<WorkRow & { rel: number }>(
        `WITH pair AS (
         SELECT x.work_id FROM work_agents x JOIN work_agents y ON y.work_id = x.work_id AND y.role = 'recipient'
         WHERE x.role = 'author' AND ((x.agent_id = $1 AND y.agent_id = $2) OR (x.agent_id = $2 AND y.agent_id = $1))
       ), letters AS (
         SELECT DISTINCT w.id COLLATE "C" AS id, COALESCE(w.date_start, '~') AS d FROM works w JOIN pair ON pair.work_id = w.id
         WHERE w.kind IN ('letter', 'telegram')
       ), me AS (SELECT d, id FROM letters WHERE id = $3)
       SELECT w.id, ${SUMMARY} AS json, w.updated_at, x.rel FROM (
         SELECT * FROM (SELECT l.id, -1 AS rel FROM letters l, me WHERE (l.d, l.id) < (me.d, me.id) ORDER BY l.d DESC, l.id DESC LIMIT 1) p
         UNION ALL
         SELECT * FROM (SELECT l.id, 1 AS rel FROM letters l, me WHERE (l.d, l.id) > (me.d, me.id) ORDER BY l.d, l.id LIMIT 1) n
       ) x JOIN works w ON w.id = x.id`,
        [a, b, id],
      )
    ).rows;
    const at = (rel: number) => {
      const r = rows.find((x) => x.rel === rel);
      return r ? summarise(JSON.parse(r.json) as Work, r.updated_at) : undefined;
    };
    return { previous: at(-1), next: at(1) };
  }

  async listChanges(q: ChangeQuery): Promise<ChangeRecord[]> {
    const params: unknown[] = [q.from ?? null, q.until ?? null, q.after?.updatedAt ?? null, q.after?.id ?? null];
    const limit = q.collection ? '' : `LIMIT ${Math.max(0, Math.floor(q.limit))}`;
    const rows = (
      await this.q<{ id: string; at: string; deleted: boolean; colls: string | null }>(
        `WITH latest AS (
         SELECT w.id, w.updated_at AS at, false AS deleted, w.json AS json FROM works w
         UNION ALL
         SELECT r.work_id, r.at, true,
           (SELECT p.json FROM revisions p WHERE p.work_id = r.work_id AND NOT p.deleted ORDER BY p.n DESC LIMIT 1)
         FROM revisions r
         WHERE r.deleted AND r.n = (SELECT MAX(n) FROM revisions x WHERE x.work_id = r.work_id)
           AND NOT EXISTS (SELECT 1 FROM works w2 WHERE w2.id = r.work_id))
       SELECT id, at, deleted, (json::jsonb -> 'collections')::text AS colls FROM latest
       WHERE ($1::text IS NULL OR at >= $1) AND ($2::text IS NULL OR at <= $2)
         AND ($3::text IS NULL OR at > $3 OR (at = $3 AND id > $4))
       ORDER BY at, id ${limit}`,
        params,
      )
    ).rows;
    const out: ChangeRecord[] = [];
    for (const r of rows) {
      const refs = (JSON.parse(r.colls ?? '[]') as { path: string[] }[]).map((c) => pathKey(c.path));
      // As SQLite gives them: a present work's paths from its index rows (unique, sorted); a deleted
      // work's as its last version listed them.
      const collections = r.deleted ? refs : [...new Set(refs)].sort(byCodePoint);
      if (q.collection && !collections.some((c) => c === q.collection || c.startsWith(`${q.collection}/`))) continue;
      out.push({ id: r.id, updatedAt: r.at, deleted: r.deleted, collections });
      if (out.length >= q.limit) break;
    }
    return out;
  }

  async earliestChange(): Promise<string | undefined> {
    return (await this.q<{ at: string | null }>('SELECT MIN(at) AS at FROM revisions')).rows[0]?.at ?? undefined;
  }

  async listRevisions(id: string): Promise<RevisionInfo[]> {
    const rows = (
      await this.q<RevisionRow>('SELECT n, at, author, message, checksum, deleted FROM revisions WHERE work_id = $1 ORDER BY n', [id])
    ).rows;
    return rows.map(revisionInfo);
  }

  async getRevision(id: string, n: number): Promise<Revision | undefined> {
    const row = (
      await this.q<RevisionRow & { json: string | null }>(
        'SELECT n, at, author, message, checksum, deleted, json FROM revisions WHERE work_id = $1 AND n = $2',
        [id, n],
      )
    ).rows[0];
    if (!row) return undefined;
    return { ...revisionInfo(row), ...(row.json ? { work: JSON.parse(row.json) as Work } : {}) };
  }

  dump(): AsyncIterable<DumpRecord> {
    return dumpRows(this.pool);
  }

  async load(records: AsyncIterable<DumpRecord>): Promise<number> {
    return this.tx((c) =>
      loadRows(c, records, async (work) => {
        for (const ix of this.indexers) await ix.upsert(c, work);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.reads.close();
    await this.pool.end();
  }
}

interface RevisionRow {
  n: number;
  at: string;
  author: string | null;
  message: string | null;
  checksum: string | null;
  deleted: boolean;
}

const revisionInfo = (r: RevisionRow): RevisionInfo => ({
  n: r.n,
  at: r.at,
  deleted: r.deleted,
  ...(r.author !== null ? { author: r.author } : {}),
  ...(r.message !== null ? { message: r.message } : {}),
  ...(r.checksum !== null ? { checksum: r.checksum } : {}),
});

/** Plain string order (UTF-16 units; the same as SQLite's binary order for the ASCII slugs paths are made of). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Add file paths to a stored record's provenance, without a revision or a new datestamp. */
async function rememberPaths(
  c: pg.ClientBase,
  table: 'works' | 'collections',
  keyCol: 'id' | 'path',
  key: string,
  paths: string[],
  keys: (record: unknown) => Promise<void>,
): Promise<void> {
  const json = (await c.query<{ json: string }>(`SELECT json FROM ${table} WHERE ${keyCol} = $1`, [key])).rows[0]!.json;
  const record = JSON.parse(json) as { provenance: { paths?: string[] } };
  record.provenance.paths = paths;
  await c.query(`UPDATE ${table} SET json = $1 WHERE ${keyCol} = $2`, [JSON.stringify(record), key]);
  await keys(record);
}

/** Archives from before source keys existed get theirs once (migration 3 marks them pending). */
async function fillSourceKeys(c: pg.ClientBase): Promise<void> {
  if (!(await c.query("SELECT 1 FROM store_pending WHERE what = 'source_keys'")).rowCount) return;
  await c.query('BEGIN');
  try {
    if ((await c.query("DELETE FROM store_pending WHERE what = 'source_keys'")).rowCount) {
      for (const r of (await c.query<{ json: string }>('SELECT json FROM works')).rows) await writeWorkKeys(c, JSON.parse(r.json) as Work);
      for (const r of (await c.query<{ json: string }>('SELECT json FROM collections')).rows)
        await writeCollectionKeys(c, JSON.parse(r.json) as Collection);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

/** Per-work transaction locks, taken in one order so two batches never deadlock. */
async function lockWorks(c: pg.ClientBase, ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  await c.query("SELECT pg_advisory_xact_lock(hashtext('work:' || id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, i)", [sorted]);
}

async function addRevision(
  c: pg.ClientBase,
  id: string,
  at: string,
  meta: RevisionMeta | undefined,
  checksum: string | null,
  json: string | null,
  deleted: boolean,
): Promise<void> {
  await c.query(
    `INSERT INTO revisions (work_id, n, at, author, message, checksum, json, deleted)
     SELECT $1, COALESCE(MAX(n), 0) + 1, $2, $3, $4, $5, $6, $7 FROM revisions WHERE work_id = $1`,
    [id, at, meta?.author ?? null, meta?.message ?? null, checksum, json, deleted],
  );
}

/**
 * Open (and migrate) the archive a postgres:// URL names. `?schema=name` keeps the archive in its own
 * schema, created when missing.
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const target = parseTarget(url);
  const pool = createPool(target, opts.max);
  const indexers = opts.indexers ?? [];
  const replicas: pg.Pool[] = [];
  try {
    for (const r of opts.replicas ?? []) {
      const t = parseTarget(r);
      replicas.push(createPool({ ...t, schema: t.schema ?? target.schema }, opts.max, { replica: true }));
    }
    await ensureSchema(pool, target.schema);
    const c = await pool.connect();
    try {
      await migrate(c, [...migrations, ...indexers.flatMap((ix) => ix.migrations ?? [])]);
      await fillSourceKeys(c);
    } finally {
      c.release();
    }
    await Promise.all(replicas.map((r, i) => checkReplica(r, opts.replicas![i]!)));
  } catch (e) {
    await Promise.all([pool, ...replicas].map((p) => p.end().catch(() => {})));
    throw e;
  }
  const store = new PostgresStore(pool, target.schema, indexers, replicas);
  if (replicas.length) {
    // Reads wait for the replicas to have replayed the migrations just applied; ask where they are now.
    await store.noteWrites();
    await store.reads.refreshAll();
  }
  return store;
}

/** A replica URL must name a server in recovery (a standby); one that does not answer now is tried later. */
async function checkReplica(pool: pg.Pool, url: string): Promise<void> {
  const standby = await pool.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r').then(
    (res) => res.rows[0]!.r,
    () => undefined,
  );
  if (standby === false) {
    throw new Error(
      `${redact(url)} is not a replica (pg_is_in_recovery() is false): give the primary as --db and its standbys as --replica`,
    );
  }
}

/** A URL without its password, for messages. */
const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
