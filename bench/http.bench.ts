// `npm run bench:http`: autocannon against a work page and a search, for the SQLite and the PostgreSQL
// store, side by side in the same run with a static file server serving the same page's HTML (the
// serving limit on this machine). Each server is its own process; the load comes from this one.
//   BENCH_SECONDS (default 30) per target, BENCH_CONNECTIONS (default 50), BENCH_WORKS (default 2000
//   generated letters besides the bundled samples), OCTAVO_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test).
//   Targets: work page ≥ 30% of the static rate; search p99 < 100 ms; no errors.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WORKS = Number(process.env.BENCH_WORKS ?? 2000);
const PG = process.env.OCTAVO_BENCH_PG ?? process.env.OCTAVO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORK_ID = 'lenin/1918/05/14-shahumyan';
const SEARCH = '/search?q=diplomacy';

/** Child mode: a static file server over one folder, on the same HTTP stack as Octavo. */
async function staticServer(dir: string): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { serveStatic } = await import('@hono/node-server/serve-static');
  const { Hono } = await import('hono');
  const app = new Hono().use('*', serveStatic({ root: dir }));
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.stderr.write(`static at http://127.0.0.1:${info.port}\n`));
}

/** Start a server process and wait for the URL it prints. */
function startServer(args: string[], pattern: RegExp): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = pattern.exec(err);
      if (m) resolve({ url: m[1]!, proc });
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** Run a command; exit 1 is accepted where `okCodes` says so (an import where some files failed). */
function run(cmd: string[], label: string, okCodes = [0]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmd, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('exit', (code) => (okCodes.includes(code ?? -1) ? resolve() : reject(new Error(`${label} failed (${code}): ${err.slice(-2000)}`))));
  });
}

interface Row { target: string; store: string; reqPerSec: number; p99: number; errors: number; non2xx: number; note?: string }

async function load(url: string, target: string, store: string): Promise<Row> {
  const probe = await fetch(url);
  await probe.arrayBuffer();
  if (probe.status !== 200) return { target, store, reqPerSec: 0, p99: 0, errors: 0, non2xx: 0, note: `skipped: ${url} answers ${probe.status}` };
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { target, store, reqPerSec: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-bench-'));
  const db = join(dir, 'bench.db');
  const schema = `octavo_bench_${randomBytes(4).toString('hex')}`;
  const pgUrl = `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}`;
  const procs: ChildProcess[] = [];
  const rows: Row[] = [];
  try {
    process.stderr.write(`Preparing an archive: the bundled samples and ${WORKS} generated letters…\n`);
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const { writeBatch } = await import('../test/durability/batch.js');
    writeBatch(batch, WORKS);
    // Sample files no registered importer reads yet make the import exit 1; the works it read are enough.
    await run(['bin/octavo.js', 'import', 'samples', batch, '--db', db], 'import', [0, 1]);
    const { openStore } = await import('../src/cli/db.js');
    const { copyStore } = await import('../src/cli/migrate-store.js');
    const [src, dst] = [await openStore(db), await openStore(pgUrl)];
    if (!(await src.getWork(WORK_ID))) throw new Error(`the archive has no ${WORK_ID} to load`);
    process.stderr.write(`${await src.countWorks()} works; copying them to PostgreSQL (schema ${schema})…\n`);
    await copyStore(src, dst);
    await src.close();
    await dst.close();

    const stores: [string, string][] = [['sqlite', db], ['postgres', pgUrl]];
    const servers: Record<string, string> = {};
    for (const [name, location] of stores) {
      const s = await startServer(['bin/octavo.js', 'serve', '--db', location, '--port', '0'], /serving .* at (http:\/\/\S+)/);
      procs.push(s.proc);
      servers[name] = s.url;
    }
    const page = await (await fetch(`${servers.sqlite}/works/${WORK_ID}`)).text();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'page.html'), page);
    const st = await startServer(['bin/run-ts.js', 'bench/http.bench.ts', '--static', staticDir], /static at (http:\/\/\S+)/);
    procs.push(st.proc);

    process.stderr.write(`Each target: ${SECONDS} s, ${CONNECTIONS} connections. Page: /works/${WORK_ID} (${page.length} bytes).\n`);
    rows.push(await load(`${st.url}/page.html`, 'static file (same HTML)', '—'));
    for (const [name] of stores) {
      rows.push(await load(`${servers[name]}/works/${WORK_ID}`, 'work page', name));
      rows.push(await load(`${servers[name]}${SEARCH}`, `search ${SEARCH}`, name));
    }
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: PG });
    await c.connect().then(() => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).finally(() => c.end()).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  report(rows);
}

function report(rows: Row[]): void {
  const staticRate = rows.find((r) => r.store === '—')?.reqPerSec ?? 0;
  const lines = [
    `${'target'.padEnd(32)} ${'store'.padEnd(9)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}  verdict`,
  ];
  for (const r of rows) {
    let verdict = r.note ?? '';
    if (!r.note && r.target === 'work page') verdict = `${((r.reqPerSec / staticRate) * 100).toFixed(0)}% of static (target ≥ 30%)`;
    if (!r.note && r.target.startsWith('search')) verdict = `p99 ${r.p99 < 100 ? '<' : '≥'} 100 ms (target < 100 ms)`;
    if (!r.note && (r.errors || r.non2xx)) verdict += ' — ERRORS';
    lines.push(`${r.target.padEnd(32)} ${r.store.padEnd(9)} ${r.reqPerSec.toFixed(0).padStart(9)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}  ${verdict}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const i = process.argv.indexOf('--static');
if (i >= 0) await staticServer(process.argv[i + 1]!);
else await main();
