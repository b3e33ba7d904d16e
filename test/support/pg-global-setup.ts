// vitest globalSetup: the PostgreSQL server the tests use, handed to the test workers with provide()
// (read by test/support/pg.ts with inject()).
//   1. OCTAVO_TEST_PG (default postgres://postgres@127.0.0.1:5432/test) when it answers: a connection
//      and a query succeed within a few seconds (a missing database is created first if the server lets us).
//   2. Otherwise a throwaway cluster: initdb (trust auth, user postgres, UTF8) in a temporary folder,
//      pg_ctl start on a free port of 127.0.0.1 with its unix socket in that folder, a `test` database;
//      stopped (pg_ctl stop -m fast) and the folder removed in teardown. initdb refuses to run as root, so
//      as root the cluster belongs to the `postgres` system user (Debian's postgresql package creates it).
// Nothing happens when OCTAVO_TEST_BACKENDS leaves PostgreSQL out. The clusters themselves: pg-cluster.ts.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TEST_PG, onBackend } from './backends.js';
import { clientBinFor, createDatabase, startCluster } from './pg-cluster.js';

const say = (line: string) => console.log(`[postgres for tests] ${line}`);
const safe = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

interface Answer {
  ok: true;
  major: number;
  version: string;
}
interface NoAnswer {
  ok: false;
  reason: string;
  code?: string;
}

async function probe(url: string): Promise<Answer | NoAnswer> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    const r = await c.query<{ num: string; version: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
    );
    return { ok: true, major: Math.floor(Number(r.rows[0]!.num) / 10000), version: r.rows[0]!.version };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { ok: false, reason: err.message || err.code || String(e), code: err.code };
  } finally {
    await c.end().catch(() => {});
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!onBackend('postgres')) return undefined;
  const wanted = process.env.OCTAVO_TEST_PG || DEFAULT_TEST_PG;
  let answer = await probe(wanted);
  if (!answer.ok && answer.code === '3D000' && (await createDatabase(wanted))) answer = await probe(wanted);
  if (answer.ok) {
    project.provide('octavoTestPg', wanted);
    project.provide('octavoPgBin', clientBinFor(answer.major));
    say(`${safe(wanted)} (PostgreSQL ${answer.version})`);
    return undefined;
  }
  say(`${safe(wanted)} does not answer (${answer.reason}); starting a throwaway cluster`);
  const cluster = await startCluster();
  project.provide('octavoTestPg', cluster.url);
  project.provide('octavoPgBin', cluster.bin);
  say(`throwaway cluster at ${cluster.url}`);
  return () => {
    cluster.stop();
    say('throwaway cluster stopped and removed');
  };
}
