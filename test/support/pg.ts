// PostgreSQL for tests: OCTAVO_TEST_PG (default the local server's "test" database) when it answers,
// else the throwaway cluster test/support/pg-global-setup.ts starts; either way the global setup hands
// the URL over (vitest's provide/inject). Each caller gets its own schema (or database) so test files run
// in parallel, and drops it afterwards. Test-only.
import { randomBytes } from 'node:crypto';
import { delimiter } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { DEFAULT_TEST_PG } from './backends.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL URL the tests use (set by the global setup when PostgreSQL is a selected backend). */
    octavoTestPg: string;
    /** The folder of pg_dump / pg_restore matching that server's version ('' for PATH's). */
    octavoPgBin: string;
  }
}

export const TEST_PG = inject('octavoTestPg') || process.env.OCTAVO_TEST_PG || DEFAULT_TEST_PG;

/** pg_dump and pg_restore (spawned by the backup code, which looks them up on PATH) of the server's version. */
export const PG_BIN = inject('octavoPgBin') || '';
if (PG_BIN && !(process.env.PATH ?? '').split(delimiter).includes(PG_BIN)) {
  process.env.PATH = `${PG_BIN}${delimiter}${process.env.PATH ?? ''}`;
}

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
