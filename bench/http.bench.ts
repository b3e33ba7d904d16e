// `npm run bench:http`: autocannon against a work page and searches, for the SQLite and the PostgreSQL
// store, side by side in the same run with a static file server serving the same page's HTML (the
// serving limit on this machine). Each server is its own process; the load comes from this one.
// Searches: one query over and over (/search?q=diplomacy), and a mix of BENCH_MIX different queries
// in rotation, made the way bench/search.bench.ts makes its mix (words of every frequency, phrases,
// filters, Cyrillic, misspellings, boolean and prefix queries). SQLite keeps recent answers
// (OCTAVO_SEARCH_CACHE, 256 by default in octavo serve); the mix has more queries than that, taken in turn, so the
// cache cannot answer it, and every SQLite search runs with the cache off as well. SQLite is served
// by 1 and by 2 processes (octavo serve --workers, OCTAVO_WORKERS).
//   BENCH_SECONDS (default 30) per target, BENCH_CONNECTIONS (default 50), BENCH_WORKS (default 2000
//   generated letters besides the bundled samples), BENCH_MIX (default 1000 queries), BENCH_WORKERS
//   (default "1,2"), OCTAVO_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test).
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
const MIX = Number(process.env.BENCH_MIX ?? 1000);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2')
  .split(',')
  .map(Number)
  .filter((n) => n >= 1);
const WORK_ID = 'lenin/1918/05/14-shahumyan';
// The command as the sources have it (dist/ may be older or newer than src/ while one works on them).
const OCTAVO = ['--import', 'tsx', 'bench/octavo-src.ts'];
const SEARCH = '/search?q=diplomacy';

/** `n` queries of every kind search.bench.ts measures, from the real corpus's words (deterministic). */
async function queryMix(n: number): Promise<string[]> {
  const { loadPools, rng } = await import('../scripts/search-bench-archive.js');
  const { CORPUS } = await import('../test/support/seed.js');
  const pools = loadPools(CORPUS);
  const r = rng(1917);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const freq = new Map<string, number>();
  for (const p of pools.en) for (const w of p.toLowerCase().match(/\p{L}{5,}/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const band = (from: number, to: number) => byFreq[Math.floor(byFreq.length * (from + (to - from) * r()))]!;
  const filters = [
    'author:lenin',
    'author:marx',
    'kind:letter',
    'year:1918',
    'lang:de',
    'date:1917-01..1918-12',
    'place:baku',
    'recipient:shahumyan',
  ];
  const cyrillic = [
    'Ленин',
    'Маркс',
    'Энгельс',
    'Шаумян',
    'революция',
    'партия',
    'Баку',
    'пролетариат',
    '"Карл Маркс"',
    'Шаумян year:1918',
  ];
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < n * 20; i++) {
    const kind = i % 10;
    if (kind <= 2) out.add(band(kind === 0 ? 0 : kind === 1 ? 0.01 : 0.2, kind === 0 ? 0.01 : kind === 1 ? 0.2 : 1));
    else if (kind <= 4) {
      const words = pick(pools.en)
        .split(/\s+/)
        .map((w) => w.replace(/[^\p{L}]/gu, ''))
        .filter((w) => w.length >= 3);
      const at = Math.floor(r() * Math.max(1, words.length - 3));
      if (words.length >= 2) out.add(`"${words.slice(at, at + 2 + (i % 2)).join(' ')}"`);
    } else if (kind === 5) out.add(`${band(0, 0.2)} ${pick(filters)}`);
    else if (kind === 6) out.add(i % 20 < 10 ? pick(cyrillic) : `${pick(filters)} ${pick(filters)}`);
    else if (kind === 7) {
      const w = band(0.02, 0.6);
      const k = 1 + Math.floor(r() * (w.length - 2));
      if (w.length >= 7) out.add(w.slice(0, k) + w.slice(k + 1));
    } else {
      const [a, b] = [band(0, 0.1), band(0.01, 0.3)];
      out.add([`${a} OR ${b}`, `${a} -${b}`, `${a.slice(0, 5)}*`, `(${a} OR ${b}) ${band(0, 0.05)}`, `${b} NOT ${a}`][i % 5]!);
    }
  }
  return [...out].map((q) => `/search?q=${encodeURIComponent(q)}`);
}

/** Child mode: a static file server over one folder, on the same HTTP stack as Octavo. */
async function staticServer(dir: string): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { serveStatic } = await import('@hono/node-server/serve-static');
  const { Hono } = await import('hono');
  const app = new Hono().use('*', serveStatic({ root: dir }));
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.stderr.write(`static at http://127.0.0.1:${info.port}\n`));
}

/** Start a server process and wait for the URL it prints. */
function startServer(args: string[], pattern: RegExp, env: Record<string, string> = {}): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
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
    p.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.on('exit', (code) =>
      okCodes.includes(code ?? -1) ? resolve() : reject(new Error(`${label} failed (${code}): ${err.slice(-2000)}`)),
    );
  });
}

interface Row {
  target: string;
  store: string;
  reqPerSec: number;
  p99: number;
  errors: number;
  non2xx: number;
  note?: string;
}

/** Load one URL, or (with `paths`) the server at `url` with those paths in turn. */
async function load(url: string, target: string, store: string, paths?: string[]): Promise<Row> {
  for (const p of paths ?? ['']) {
    const probe = await fetch(url + p);
    await probe.arrayBuffer();
    if (probe.status !== 200)
      return { target, store, reqPerSec: 0, p99: 0, errors: 0, non2xx: 0, note: `skipped: ${url + p} answers ${probe.status}` };
  }
  let next = 0;
  const requests = paths && [{ setupRequest: (req: { path?: string }) => ({ ...req, path: paths[next++ % paths.length]! }) }];
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...(requests ? { requests } : {}) });
  return { target, store, reqPerSec: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-bench-'));
  const db = join(dir, 'bench.db');
  const schema = `octavo_bench_${randomBytes(4).toString('hex')}`;
  const pgUrl = `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}`;
  const procs: ChildProcess[] = [];
  const rows: Row[] = [];
  let works = 0;
  try {
    process.stderr.write(`Preparing an archive: the bundled samples and ${WORKS} generated letters…\n`);
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const { writeBatch } = await import('../test/durability/batch.js');
    writeBatch(batch, WORKS);
    // Sample files no registered importer reads yet make the import exit 1; the works it read are enough.
    await run([...OCTAVO, 'import', 'samples', batch, '--db', db], 'import', [0, 1]);
    const { openArchive } = await import('../src/archive/open.js');
    const { copyStore } = await import('../src/archive/migrate.js');
    const [src, dst] = [await openArchive(db), await openArchive(pgUrl)];
    if (!(await src.store.getWork(WORK_ID))) throw new Error(`the archive has no ${WORK_ID} to load`);
    works = await src.store.countWorks();
    process.stderr.write(`${works} works; copying them to PostgreSQL (schema ${schema})…\n`);
    await copyStore(src.store, dst.store);
    await src.close();
    await dst.close();

    const mix = await queryMix(MIX);
    // Every server answers the mix once before it is measured (as a warm server would have).
    type Server = { name: string; location: string; env: Record<string, string> };
    const stores: Server[] = [
      ...WORKERS.flatMap((w): Server[] => [
        { name: `sqlite${w > 1 ? ` ×${w}` : ''}`, location: db, env: { OCTAVO_WORKERS: String(w) } },
        { name: `sqlite${w > 1 ? ` ×${w}` : ''} nc`, location: db, env: { OCTAVO_WORKERS: String(w), OCTAVO_SEARCH_CACHE: '0' } },
      ]),
      { name: 'postgres', location: pgUrl, env: {} },
    ];
    const servers: Record<string, string> = {};
    for (const { name, location, env } of stores) {
      const s = await startServer([...OCTAVO, 'serve', '--db', location, '--port', '0'], /serving .* at (http:\/\/\S+)/, env);
      procs.push(s.proc);
      servers[name] = s.url;
      for (const p of mix) await (await fetch(s.url + p)).arrayBuffer();
    }
    const page = await (await fetch(`${servers[stores[0]!.name]}/works/${WORK_ID}`)).text();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'page.html'), page);
    const st = await startServer(['bin/run-ts.js', 'bench/http.bench.ts', '--static', staticDir], /static at (http:\/\/\S+)/);
    procs.push(st.proc);

    process.stderr.write(
      `Each target: ${SECONDS} s, ${CONNECTIONS} connections. Page: /works/${WORK_ID} (${page.length} bytes). Mix: ${mix.length} queries.\n`,
    );
    rows.push(await load(`${st.url}/page.html`, 'static file (same HTML)', '—'));
    for (const { name } of stores) {
      // "nc": the same server with the answer cache off (its work page is the same as the cached one's).
      if (!name.endsWith(' nc')) rows.push(await load(`${servers[name]}/works/${WORK_ID}`, 'work page', name));
      rows.push(await load(`${servers[name]}${SEARCH}`, `search ${SEARCH}`, name));
      rows.push(await load(servers[name]!, `search mix (${mix.length} queries)`, name, mix));
    }
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: PG });
    await c
      .connect()
      .then(() => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
      .finally(() => c.end())
      .catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  report(rows, works);
}

function report(rows: Row[], works: number): void {
  const staticRate = rows.find((r) => r.store === '—')?.reqPerSec ?? 0;
  const lines = [
    'store: sqlite ×2 = served by 2 processes; nc = answer cache off (OCTAVO_SEARCH_CACHE=0)',
    `${'target'.padEnd(32)} ${'store'.padEnd(13)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}  verdict`,
  ];
  for (const r of rows) {
    let verdict = r.note ?? '';
    if (!r.note && r.target === 'work page') verdict = `${((r.reqPerSec / staticRate) * 100).toFixed(0)}% of static (target ≥ 30%)`;
    if (!r.note && r.target.startsWith('search')) verdict = `p99 ${r.p99 < 100 ? '<' : '≥'} 100 ms (target < 100 ms)`;
    if (!r.note && (r.errors || r.non2xx)) verdict += ' — ERRORS';
    lines.push(
      `${r.target.padEnd(32)} ${r.store.padEnd(13)} ${r.reqPerSec.toFixed(0).padStart(9)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}  ${verdict}`,
    );
  }
  // The headline figures: the mix with the answer cache off, one SQLite process, beside PostgreSQL.
  const find = (target: string, store: string) => rows.find((r) => r.target.startsWith(target) && r.store === store);
  const rps = (r?: Row) => (r ? r.reqPerSec.toFixed(0) : 'NA');
  const p99 = (r?: Row) => (r ? String(r.p99) : 'NA');
  const [mix, mix2, pgMix] = [find('search mix', 'sqlite nc'), find('search mix', 'sqlite ×2 nc'), find('search mix', 'postgres')];
  lines.push(
    `RESULT works=${works} mix_rps=${rps(mix)} mix_p99_ms=${p99(mix)} mix2_rps=${rps(mix2)} mix2_p99_ms=${p99(mix2)} pg_mix_rps=${rps(pgMix)} pg_mix_p99_ms=${p99(pgMix)} page_rps=${rps(find('work page', 'sqlite'))} static_rps=${rps(rows.find((r) => r.store === '—'))} pg_page_rps=${rps(find('work page', 'postgres'))}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const i = process.argv.indexOf('--static');
if (i >= 0) await staticServer(process.argv[i + 1]!);
else await main();
