// Connections: a pool per store, optionally confined to one schema (`?schema=name` on the URL), which
// lets tests and several archives share one database without seeing each other.
import pg from 'pg';

export interface PoolTarget {
  connectionString: string;
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Split our own `schema` parameter off a postgres:// URL; everything else is libpq's business. */
export function parseTarget(url: string): PoolTarget {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}" (lowercase letters, digits, _)`);
  return { connectionString: u.toString(), schema };
}

/**
 * A pool; `replica` pools are named so in pg_stat_activity ("octavo replica reads") and give up
 * connecting sooner, since a read has the primary to fall back on.
 */
export function createPool(t: PoolTarget, max = 8, o: { replica?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: t.connectionString,
    max,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: o.replica ? 2_000 : 10_000,
    application_name: o.replica ? 'octavo replica reads' : 'octavo',
    // JIT off: short OLTP statements whose estimates run high (a fresh archive has no statistics)
    // spent ~0.7 s compiling for ~10 ms of work.
    options: ['-c jit=off', ...(t.schema ? [`-c search_path=${t.schema}`] : [])].join(' '),
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

export async function ensureSchema(pool: pg.Pool, schema: string | undefined): Promise<void> {
  if (!schema) return;
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(async (e: { code?: string }) => {
    if (e.code !== '23505' && e.code !== '42P06') throw e; // two processes creating it at once
  });
}

/** Run `fn` inside BEGIN … COMMIT on one client; roll back on any error. */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
