// vitest globalSetup: the PostgreSQL server the tests use, handed to the test workers with provide()
// (read by test/support/pg.ts with inject()).
//   1. OCTAVO_TEST_PG (default postgres://postgres@127.0.0.1:5432/test) when it answers: a connection
//      and a query succeed within a few seconds (a missing database is created first if the server lets us).
//   2. Otherwise a throwaway cluster: initdb (trust auth, user postgres, UTF8) in a temporary folder,
//      pg_ctl start on a free port of 127.0.0.1 with its unix socket in that folder, a `test` database;
//      stopped (pg_ctl stop -m fast) and the folder removed in teardown. initdb refuses to run as root, so
//      as root the cluster belongs to the `postgres` system user (Debian's postgresql package creates it).
// Nothing happens when OCTAVO_TEST_BACKENDS leaves PostgreSQL out.
import { spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TEST_PG, onBackend } from './backends.js';

const DEBIAN_PG = '/usr/lib/postgresql';
const say = (line: string) => console.log(`[postgres for tests] ${line}`);
const safe = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's server versions, newest first: [major, bin folder]. */
function debianVersions(): [number, string][] {
  if (!existsSync(DEBIAN_PG)) return [];
  return readdirSync(DEBIAN_PG)
    .filter((v) => /^\d+$/.test(v) && executable(join(DEBIAN_PG, v, 'bin', 'pg_ctl')))
    .map((v): [number, string] => [Number(v), join(DEBIAN_PG, v, 'bin')])
    .sort((a, b) => b[0] - a[0]);
}

const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).find((d) => d && executable(join(d, name)));

/** pg_dump/pg_restore for a server: the same major version, else the nearest newer one, else PATH's (''). */
function clientBinFor(serverMajor: number): string {
  const versions = debianVersions();
  const same = versions.find(([v]) => v === serverMajor);
  const newer = versions.filter(([v]) => v > serverMajor).at(-1);
  return (same ?? newer)?.[1] ?? '';
}

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

/** The server answers but has no such database: create it through the `postgres` database. */
async function createDatabase(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

interface Owner {
  uid: number;
  gid: number;
}

/** As root, the `postgres` system user the cluster runs as; undefined when not root. */
function clusterOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      'PostgreSQL tests: no server answered, and the throwaway cluster cannot be started: initdb refuses to run as root ' +
        "and there is no `postgres` system user to run it as. Install Debian's postgresql package (it creates that user; " +
        '`node scripts/test-tools.mjs` does it), run the tests as a normal user, set OCTAVO_TEST_PG to a server that answers, ' +
        'or leave PostgreSQL out with OCTAVO_TEST_BACKENDS=sqlite.',
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Run a PostgreSQL program, as the `postgres` user when we are root. */
function runPg(owner: Owner | undefined, cwd: string, file: string, args: string[]): { ok: boolean; output: string } {
  const [cmd, argv] = owner
    ? executable('/usr/sbin/runuser') || onPath('runuser')
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')]]
    : [file, args];
  // stdin ignored and the server's output in its log file (pg_ctl -l), so no pipe outlives pg_ctl; run in the
  // cluster's folder, which its owner can always enter.
  const r = spawnSync(cmd as string, argv as string[], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

interface Cluster {
  url: string;
  bin: string;
  stop: () => void;
}

async function startCluster(): Promise<Cluster> {
  const found = debianVersions()[0]?.[1] ?? (onPath('initdb') && onPath('pg_ctl') ? '' : undefined);
  if (found === undefined || (found && !executable(join(found, 'initdb')))) {
    throw new Error(
      'PostgreSQL tests: no server answered, and initdb/pg_ctl were not found (neither in /usr/lib/postgresql/<version>/bin ' +
        "nor on PATH) to start a throwaway one. Install Debian's postgresql package (`node scripts/test-tools.mjs` does it), " +
        'set OCTAVO_TEST_PG to a server that answers, or leave PostgreSQL out with OCTAVO_TEST_BACKENDS=sqlite.',
    );
  }
  const tool = (name: string) => (found ? join(found, name) : onPath(name) ? join(onPath(name)!, name) : name);
  const owner = clusterOwner();
  const dir = mkdtempSync(join(tmpdir(), 'octavo-pg-'));
  const data = join(dir, 'data');
  let running = false;
  let stopped = false;
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (running) {
      const r = runPg(owner, dir, tool('pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
      if (!r.ok) console.error(`[postgres for tests] pg_ctl stop: ${r.output}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A run that ends without teardown (an error, process.exit) still takes its cluster with it.
  const onExit = () => stop('immediate');
  process.on('exit', onExit);
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    let init = { ok: false, output: '' };
    for (const locale of ['C.UTF-8', 'C']) {
      init = runPg(owner, dir, tool('initdb'), [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        `--locale=${locale}`,
        '--no-sync',
      ]);
      if (init.ok) break;
      rmSync(data, { recursive: true, force: true });
    }
    if (!init.ok) throw new Error(`initdb failed: ${init.output}`);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k '${dir}'`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ];
    const start = runPg(owner, dir, tool('pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options.join(' '),
      'start',
    ]);
    running = start.ok || existsSync(join(data, 'postmaster.pid'));
    if (!start.ok) throw new Error(`pg_ctl start failed: ${start.output}`);
    const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
    if (!(await createDatabase(`postgres://postgres@127.0.0.1:${port}/test`)))
      throw new Error(`could not create the test database at ${admin}`);
    return { url: `postgres://postgres@127.0.0.1:${port}/test`, bin: found, stop: () => stop('fast') };
  } catch (e) {
    stop('immediate');
    throw new Error(`PostgreSQL tests: the throwaway cluster did not start (${(e as Error).message})`);
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
