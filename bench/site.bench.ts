// The static site benchmark: the search benchmark's archive (scripts/search-bench-archive.ts: the seed
// letter and synthetic works made from the real corpus) built with `octavo build`, then Pagefind run
// on the same built pages in the same run. Prints build time, pages per second, sizes, and the bytes
// the static search reads for three typical queries (a fresh page each: the search scripts and every
// index piece loaded); the last line is RESULT.
// Environment: BENCH_WORKS (default 100000), BENCH_DIR (default a temp dir), BENCH_PAGEFIND=0 to skip Pagefind,
// BENCH_REBUILD=0 to skip the second (incremental) build.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchWorkStream, loadPools } from '../scripts/search-bench-archive.js';
import { openArchive } from '../src/archive/open.js';
import type { Work } from '../src/model/work.js';
import { buildSite } from '../src/site/build.js';
import { CORPUS, seedWork } from '../test/support/seed.js';
import { staticSearch } from '../test/site/client.js';

const N = Number(process.env.BENCH_WORKS ?? 100_000);
const log = (s: string) => process.stdout.write(`${s}\n`);
const secs = (t0: number) => (performance.now() - t0) / 1000;
const mb = (n: number) => n / 1e6;

function sizeOf(dir: string, filter: (name: string) => boolean = () => true): { bytes: number; files: number; names: string[] } {
  let bytes = 0;
  let files = 0;
  const names: string[] = [];
  (function walk(d: string) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(p)) {
        bytes += statSync(p).size;
        files++;
        names.push(p);
      }
    }
  })(dir);
  return { bytes, files, names };
}

async function pagefindOn(
  pages: string[],
  root: string,
  out: string,
): Promise<{ pages: number; seconds: number; bytes: number; error?: string }> {
  const pagefind = await import('pagefind');
  const { readFileSync } = await import('node:fs');
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    for (const p of pages) {
      const r = await index.addHTMLFile({ sourcePath: p.slice(root.length + 1), content: readFileSync(p, 'utf8') });
      if (r.errors.length) throw new Error(r.errors.join('; '));
    }
    const w = await index.writeFiles({ outputPath: out });
    if (w.errors.length) throw new Error(w.errors.join('; '));
    const seconds = secs(t0);
    await pagefind.close();
    return { pages: pages.length, seconds, bytes: sizeOf(out).bytes };
  } catch (e) {
    await pagefind.close().catch(() => {});
    return { pages: pages.length, seconds: secs(t0), bytes: 0, error: (e as Error).message };
  }
}

async function main() {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'octavo-site-bench-'));
  const db = join(dir, 'bench.db');
  const site = join(dir, 'site');
  for (const f of [db, `${db}-wal`, `${db}-shm`, site, join(dir, 'pagefind')]) rmSync(f, { recursive: true, force: true });
  log(`Octavo static site benchmark: ${N.toLocaleString('en')} works, in ${dir}`);

  let t0 = performance.now();
  const pools = loadPools(CORPUS);
  const archive = await openArchive(db);
  let batch: Work[] = [seedWork()];
  for (const w of benchWorkStream(N - 1, pools, seedWork())) {
    batch.push(w);
    if (batch.length === 1000) {
      await archive.store.upsertWorks(batch);
      batch = [];
    }
  }
  if (batch.length) await archive.store.upsertWorks(batch);
  log(`archive loaded: ${(await archive.store.countWorks()).toLocaleString('en')} works (${secs(t0).toFixed(1)} s)`);

  t0 = performance.now();
  let last = 0;
  const s = await buildSite(archive, {
    outDir: site,
    onProgress: (done, total) => {
      if (performance.now() - last > 15_000) {
        last = performance.now();
        log(`  ${done.toLocaleString('en')}/${total.toLocaleString('en')} pages, ${secs(t0).toFixed(0)} s`);
      }
    },
  });
  const buildS = secs(t0);
  const pagesPerS = s.pages / buildS;
  log(
    `octavo build: ${s.pages.toLocaleString('en')} pages (${s.works.toLocaleString('en')} works, ${s.collections.toLocaleString('en')} collections, ${s.authors.toLocaleString('en')} people), ${s.exports.toLocaleString('en')} exports, ${s.written.toLocaleString('en')} files in ${buildS.toFixed(1)} s: ${pagesPerS.toFixed(0)} pages/s`,
  );
  log(`site ${mb(s.bytes).toFixed(1)} MB; search index ${mb(s.indexBytes).toFixed(1)} MB`);
  log(
    `of which: ${Object.entries(s.timings)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(
        ', ',
      )} (the search index alone: ${(s.works / (s.timings['search index'] ?? 1)).toFixed(0)} works/s); the rest is rendering and writing pages`,
  );

  // A rebuild of the unchanged archive: every page rendered again, nothing written.
  if (process.env.BENCH_REBUILD !== '0') {
    t0 = performance.now();
    const again = await buildSite(archive, { outDir: site });
    log(
      `rebuild of the unchanged archive: ${again.written} files written, ${again.unchanged.toLocaleString('en')} unchanged, ${secs(t0).toFixed(1)} s`,
    );
  }
  await archive.close();

  const search = staticSearch(site);
  const queries = ['Шаумян', '"working class"', 'revolution author:lenin year:1905..1920'];
  const fetched: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const r = await search(q);
    fetched.push(r.bytes);
    const pieces = Object.entries(r.byPiece)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`)
      .join(', ');
    log(
      `  ${q}: ${r.res.total.toLocaleString('en')} works, ${r.files} files, ${(r.bytes / 1024).toFixed(1)} KB read (${pieces} KB), ${(performance.now() - t).toFixed(0)} ms in Node`,
    );
  }
  const queryKb = Math.max(...fetched) / 1024;

  let pf = { pages: 0, seconds: 0, bytes: 0 } as Awaited<ReturnType<typeof pagefindOn>>;
  if (process.env.BENCH_PAGEFIND !== '0') {
    const pages = sizeOf(site, (p) => p.endsWith('.html')).names;
    let subset = pages;
    for (;;) {
      rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
      pf = await pagefindOn(subset, site, join(dir, 'pagefind'));
      if (!pf.error) break;
      log(`pagefind failed on ${subset.length.toLocaleString('en')} pages after ${pf.seconds.toFixed(1)} s: ${pf.error.slice(0, 200)}`);
      if (subset.length < 1000) break;
      subset = subset.slice(0, Math.floor(subset.length / 2));
    }
    log(
      `pagefind 1.6: ${pf.pages.toLocaleString('en')} pages in ${pf.seconds.toFixed(1)} s (${(pf.pages / pf.seconds).toFixed(0)} pages/s), index ${mb(pf.bytes).toFixed(1)} MB`,
    );
  }
  log(
    `RESULT works=${N} build_s=${buildS.toFixed(1)} pages_per_s=${pagesPerS.toFixed(0)} site_mb=${mb(s.bytes).toFixed(1)} index_mb=${mb(s.indexBytes).toFixed(1)} query_kb=${queryKb.toFixed(0)} pagefind_pages=${pf.error ? 0 : pf.pages} pagefind_pages_per_s=${pf.seconds && !pf.error ? (pf.pages / pf.seconds).toFixed(0) : 0} pagefind_index_mb=${mb(pf.bytes).toFixed(1)}`,
  );
}

await main();
