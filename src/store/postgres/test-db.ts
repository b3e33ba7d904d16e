// PostgreSQL for tests: OCTAVO_TEST_PG (default the local server's "test" database); each caller gets
// its own schema (or database) so test files run in parallel, and drops it afterwards. Test-only.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG = process.env.OCTAVO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name and the store URL that confines an archive to it. */
export function testSchema(prefix = 't'): { schema: string; url: string } {
  const schema = `octavo_${prefix}_${randomBytes(5).toString('hex')}`;
  const u = new URL(TEST_PG);
  u.searchParams.set('schema', schema);
  return { schema, url: u.toString() };
}

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A fresh database (for dump/restore tests that need a whole database); returns its URL and a dropper. */
export async function testDatabase(prefix = 'db'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `octavo_${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_PG);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
