// Raw rows in and out, for lossless copies between stores (migrate-store) and JSON backups. The derived
// tables (work_agents, work_collections, search indexes) are rebuilt from each work's JSON on load.
import { sortKey, workDate } from '../../model/summary.js';
import type pg from 'pg';
import type { Work } from '../../model/work.js';
import type { DumpRecord, TokenRole } from '../store.js';
import { pathKey } from '../../model/summary.js';
import { memberKeys, sourceKeys } from '../../model/sources.js';
import type { Collection } from '../../model/work.js';

/** The keys a work is found by from contents entries (src/model/sources.ts). */
export async function writeWorkKeys(c: pg.ClientBase, work: Pick<Work, 'id' | 'provenance'>, fresh = false): Promise<void> {
  if (!fresh) await c.query('DELETE FROM source_keys WHERE work_id = $1', [work.id]);
  const keys = sourceKeys(work.provenance);
  if (keys.length) await c.query('INSERT INTO source_keys (key, work_id) SELECT k, $2 FROM unnest($1::text[]) AS k', [keys, work.id]);
}

/** The keys a collection is found by, and those its entries point at (which index pages list a work). */
export async function writeCollectionKeys(c: pg.ClientBase, col: Pick<Collection, 'path' | 'provenance' | 'members'>): Promise<void> {
  const key = pathKey(col.path);
  await c.query('DELETE FROM source_keys WHERE collection_path = $1', [key]);
  const keys = sourceKeys(col.provenance);
  if (keys.length) await c.query('INSERT INTO source_keys (key, collection_path) SELECT k, $2 FROM unnest($1::text[]) AS k', [keys, key]);
  await c.query('DELETE FROM member_keys WHERE collection_path = $1', [key]);
  const members = memberKeys(col);
  if (members.length) {
    await c.query(
      'INSERT INTO member_keys (key, collection_path, position) SELECT k, $3, p FROM unnest($1::text[], $2::int[]) AS t(k, p)',
      [members.map((m) => m.key), members.map((m) => m.position), key],
    );
  }
}

export interface RowTimes {
  json: string;
  checksum: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The works row and its derived rows, as one upsert (the caller holds the transaction). `fresh`: the
 * work is known to be new, so there are no old derived rows to clear (two round trips fewer).
 */
export async function writeWorkRow(c: pg.ClientBase, work: Work, t: RowTimes, fresh = false): Promise<void> {
  const d = workDate(work);
  await c.query(
    `INSERT INTO works (id, kind, title, language, date_start, date_end, date_text, checksum, source_file, source_format, json, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, language = excluded.language,
       date_start = excluded.date_start, date_end = excluded.date_end, date_text = excluded.date_text,
       checksum = excluded.checksum, source_file = excluded.source_file, source_format = excluded.source_format,
       json = excluded.json, updated_at = excluded.updated_at`,
    [
      work.id,
      work.kind,
      work.title,
      work.language,
      d?.start ?? null,
      d?.end ?? null,
      d?.text ?? null,
      t.checksum,
      work.provenance.file,
      work.provenance.format,
      t.json,
      t.createdAt,
      t.updatedAt,
    ],
  );
  if (!fresh) await c.query('DELETE FROM work_agents WHERE work_id = $1', [work.id]);
  const agents = [
    ...work.authors.map((a, i) => ['author', a.id, a.name, i] as const),
    ...work.recipients.map((r, i) => ['recipient', r.id, r.name, i] as const),
  ];
  if (agents.length) {
    await c.query(
      `INSERT INTO work_agents (work_id, role, agent_id, name, ord)
       SELECT $1, role, agent_id, name, ord FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS t(role, agent_id, name, ord)`,
      [work.id, agents.map((a) => a[0]), agents.map((a) => a[1]), agents.map((a) => a[2]), agents.map((a) => a[3])],
    );
  }
  await writeWorkKeys(c, work, fresh);
  if (!fresh) await c.query('DELETE FROM work_collections WHERE work_id = $1', [work.id]);
  // One row per path; a later reference to the same path replaces an earlier one (as in SQLite).
  const byPath = new Map(work.collections.map((ref) => [pathKey(ref.path), ref]));
  if (byPath.size) {
    const refs = [...byPath.entries()];
    await c.query(
      `INSERT INTO work_collections (work_id, path, position, titles, sort_key)
       SELECT $1, path, position, titles, sort_key FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS t(path, position, titles, sort_key)`,
      [
        work.id,
        refs.map(([k]) => k),
        refs.map(([, r]) => r.position ?? null),
        refs.map(([, r]) => (r.titles ? JSON.stringify(r.titles) : null)),
        refs.map(([, r]) => sortKey(r.position, d?.start, work.id)),
      ],
    );
  }
}

const PAGE = 500;

/** Every row, table by table, in a fixed order, a page at a time, all from one snapshot. */
export async function* dumpRows(pool: pg.Pool): AsyncIterable<DumpRecord> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    yield* snapshotRows(c);
    await c.query('COMMIT');
  } finally {
    await c.query('ROLLBACK').catch(() => {});
    c.release();
  }
}

async function* snapshotRows(pool: pg.ClientBase): AsyncIterable<DumpRecord> {
  for await (const r of pages<{ id: string; checksum: string; json: string; created_at: string; updated_at: string }>(
    pool,
    'SELECT id, checksum, json, created_at, updated_at FROM works',
    ['id'],
  )) {
    yield { type: 'work', id: r.id, checksum: r.checksum, json: r.json, createdAt: r.created_at, updatedAt: r.updated_at };
  }
  for await (const r of pages<{ path: string; checksum: string; json: string; updated_at: string }>(
    pool,
    'SELECT path, checksum, json, updated_at FROM collections',
    ['path'],
  )) {
    yield { type: 'collection', path: r.path, checksum: r.checksum, json: r.json, updatedAt: r.updated_at };
  }
  for await (const r of pages<{
    work_id: string;
    n: number;
    at: string;
    author: string | null;
    message: string | null;
    checksum: string | null;
    json: string | null;
    deleted: boolean;
  }>(pool, 'SELECT work_id, n, at, author, message, checksum, json, deleted FROM revisions', ['work_id', 'n'])) {
    yield {
      type: 'revision',
      workId: r.work_id,
      n: r.n,
      at: r.at,
      author: r.author,
      message: r.message,
      checksum: r.checksum,
      json: r.json,
      deleted: r.deleted,
    };
  }
  for await (const r of pages<{ name: string; role: TokenRole; hash: string; created_at: string; revoked_at: string | null }>(
    pool,
    'SELECT name, role, hash, created_at, revoked_at FROM tokens',
    ['name'],
  )) {
    yield { type: 'token', name: r.name, role: r.role, hash: r.hash, createdAt: r.created_at, revokedAt: r.revoked_at };
  }
}

/** Keyset pagination over `keys` (text keys compare in the "C" collation the schema declares). */
async function* pages<R extends Record<string, unknown>>(pool: pg.ClientBase, select: string, keys: string[]): AsyncIterable<R> {
  let last: unknown[] | undefined;
  const tuple = `(${keys.join(', ')})`;
  for (;;) {
    const where = last ? `WHERE ${tuple} > (${keys.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows = (await pool.query<R>(`${select} ${where} ORDER BY ${keys.join(', ')} LIMIT ${PAGE}`, last ?? [])).rows;
    yield* rows;
    if (rows.length < PAGE) return;
    const end = rows[rows.length - 1]!;
    last = keys.map((k) => end[k]);
  }
}

/** Write dumped rows into an empty archive, inside the caller's transaction. */
export async function loadRows(c: pg.ClientBase, records: AsyncIterable<DumpRecord>, onWork: (w: Work) => Promise<void>): Promise<number> {
  const busy = (
    await c.query<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM works) OR EXISTS (SELECT 1 FROM revisions) OR EXISTS (SELECT 1 FROM collections)
       OR EXISTS (SELECT 1 FROM tokens) AS busy`,
    )
  ).rows[0]!.busy;
  if (busy) throw new Error('the target archive is not empty; load only copies into an empty archive');
  let n = 0;
  for await (const r of records) {
    n++;
    if (r.type === 'work') {
      const work = JSON.parse(r.json) as Work;
      await writeWorkRow(c, work, r, true);
      await onWork(work);
    } else if (r.type === 'collection') {
      const col = JSON.parse(r.json) as Collection;
      await c.query('INSERT INTO collections (path, title, checksum, json, updated_at) VALUES ($1, $2, $3, $4, $5)', [
        r.path,
        col.title,
        r.checksum,
        r.json,
        r.updatedAt,
      ]);
      await writeCollectionKeys(c, col);
    } else if (r.type === 'revision') {
      await c.query(
        'INSERT INTO revisions (work_id, n, at, author, message, checksum, json, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [r.workId, r.n, r.at, r.author, r.message, r.checksum, r.json, r.deleted],
      );
    } else {
      await c.query('INSERT INTO tokens (name, role, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)', [
        r.name,
        r.role,
        r.hash,
        r.createdAt,
        r.revokedAt,
      ]);
    }
  }
  return n;
}
