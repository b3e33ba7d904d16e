// A PostgreSQL archive as a whole: pg_dump's custom format out, pg_restore in one transaction back,
// and looking whether an archive holds anything, all without migrating it.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { parseTarget } from './connect.js';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.on('error', (e) => reject(new Error(`${cmd} could not be started (${e.message}); install PostgreSQL's client tools`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim().slice(0, 2000)}`))));
  });
}

export async function pgDump(url: string, file: string): Promise<void> {
  const t = parseTarget(url);
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    ...(t.schema ? ['--schema', t.schema] : []),
    '--file',
    file,
    '--dbname',
    t.connectionString,
  ]);
}

export async function pgRestore(url: string, file: string): Promise<void> {
  const t = parseTarget(url);
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    '--dbname',
    t.connectionString,
    file,
  ]);
}

/** Whether the archive holds works or revisions (no tables yet: nothing). */
export async function postgresHasContent(url: string): Promise<boolean> {
  const t = parseTarget(url);
  const c = new pg.Client({ connectionString: t.connectionString, ...(t.schema ? { options: `-c search_path=${t.schema}` } : {}) });
  await c.connect();
  try {
    const has = (await c.query<{ t: string | null }>("SELECT to_regclass('works')::text AS t")).rows[0]?.t;
    return !!has && !!(await c.query('SELECT 1 FROM works UNION ALL SELECT 1 FROM revisions LIMIT 1')).rowCount;
  } finally {
    await c.end();
  }
}
