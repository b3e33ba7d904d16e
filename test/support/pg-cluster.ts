// Throwaway PostgreSQL clusters for tests: initdb in a temporary folder and pg_ctl start on a free port
// of 127.0.0.1 (the global setup's fallback server), and streaming replicas of them (pg_basebackup -R).
// initdb refuses to run as root, so as root a cluster belongs to the `postgres` system user (Debian's
// postgresql package creates it). Test-only.
import { spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

const DEBIAN_PG = '/usr/lib/postgresql';

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
export function clientBinFor(serverMajor: number): string {
  const versions = debianVersions();
  const same = versions.find(([v]) => v === serverMajor);
  const newer = versions.filter(([v]) => v > serverMajor).at(-1);
  return (same ?? newer)?.[1] ?? '';
}

/** The server answers but has no such database: create it through the `postgres` database. */
export async function createDatabase(url: string): Promise<boolean> {
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

export interface Cluster {
  /** The `test` database. */
  url: string;
  port: number;
  /** The folder of the server's programs ('' for PATH's). */
  bin: string;
  /** The server's settings (`-c` options; a standby needs the same, max_connections at least). */
  settings: string[];
  stop: () => void;
}

/** The folder of initdb/pg_ctl (Debian's newest server, '' for PATH's), or undefined when there are none. */
export function serverBin(): string | undefined {
  const found = debianVersions()[0]?.[1] ?? (onPath('initdb') && onPath('pg_ctl') ? '' : undefined);
  return found === undefined || (found && !executable(join(found, 'initdb'))) ? undefined : found;
}

export interface ClusterOptions {
  /** More server settings (`-c name=value`), e.g. wal_level=replica. */
  settings?: string[];
  /** Lines added to pg_hba.conf, e.g. a replication line. */
  hba?: string[];
}

export async function startCluster(o: ClusterOptions = {}): Promise<Cluster> {
  const found = serverBin();
  if (found === undefined) {
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
    if (o.hba?.length) appendFileSync(join(data, 'pg_hba.conf'), `\n${o.hba.join('\n')}\n`);
    const port = await freePort();
    const settings = [
      "listen_addresses='127.0.0.1'",
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'max_connections=200',
      ...(o.settings ?? []),
    ];
    const options = [`-p ${port}`, `-k '${dir}'`, ...settings.map((s) => `-c ${s}`)];
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
    return { url: `postgres://postgres@127.0.0.1:${port}/test`, port, bin: found, settings, stop: () => stop('fast') };
  } catch (e) {
    stop('immediate');
    throw new Error(`PostgreSQL tests: the throwaway cluster did not start (${(e as Error).message})`);
  }
}

/** The last lines of a server's log, for an error message. */
function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}

/**
 * A streaming replica of `primary` (which must allow replication connections from 127.0.0.1, as
 * initdb's trust pg_hba.conf does): pg_basebackup -R into a temporary folder, then pg_ctl start on a
 * free port. Its `url` names the same `test` database; stop() stops it and removes its folder.
 */
export async function startStandby(primary: Cluster): Promise<Cluster> {
  const tool = (name: string) => (primary.bin ? join(primary.bin, name) : name);
  const owner = clusterOwner();
  const dir = mkdtempSync(join(tmpdir(), 'octavo-pg-standby-'));
  const data = join(dir, 'data');
  let running = false;
  let stopped = false;
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (running) runPg(owner, dir, tool('pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => stop('immediate');
  process.on('exit', onExit);
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const copy = runPg(owner, dir, tool('pg_basebackup'), [
      '-R',
      '-D',
      data,
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-X',
      'stream',
      // At once: the default spread checkpoint takes minutes even on an idle cluster.
      '--checkpoint=fast',
      '--no-sync',
    ]);
    if (!copy.ok) throw new Error(`pg_basebackup failed: ${copy.output}`);
    const port = await freePort();
    const start = runPg(owner, dir, tool('pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      [`-p ${port}`, `-k '${dir}'`, ...[...primary.settings, 'hot_standby=on'].map((s) => `-c ${s}`)].join(' '),
      'start',
    ]);
    running = start.ok || existsSync(join(data, 'postmaster.pid'));
    if (!start.ok) throw new Error(`pg_ctl start failed: ${start.output}\n${logTail(join(dir, 'server.log'))}`);
    return {
      url: primary.url.replace(`:${primary.port}/`, `:${port}/`),
      port,
      bin: primary.bin,
      settings: primary.settings,
      stop: () => stop('fast'),
    };
  } catch (e) {
    stop('immediate');
    throw new Error(`the standby did not start (${(e as Error).message})`);
  }
}
