// npm run bench:search — builds a 100,000-work archive from the real corpus, then runs a fixed mix
// of queries through Octavo's search (ranking + facets + snippets), through hand-written SQL that
// computes the same top-20 and facet counts on the same database, and through MiniSearch on the
// same documents. Prints latency percentiles, index size and build time; the last line is RESULT.
// Environment: BENCH_WORKS (default 100000), BENCH_DIR (default a temp dir), BENCH_MINISEARCH=0 to skip it.
import type Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchWorks, benchWorkStream, loadPools, rawTextChars, rng, type Pools } from '../scripts/search-bench-archive.js';
import { loadDefaultRegister } from '../src/model/register.js';
import type { Work } from '../src/model/work.js';
import { bodyText, headerText, notesText } from '../src/model/text.js';
import { parseQuery } from '../src/search/query.js';
import { explainQuery, type Explained } from '../src/search/sqlite/explain.js';
import { BM25 } from '../src/search/sqlite/fts.js';
import { rebuildIndex } from '../src/search/sqlite/indexer.js';
import { termOf } from '../src/search/text.js';
import { openArchive } from '../src/archive/open.js';
import type { SqliteStore } from '../src/store/sqlite/index.js';
import type { SearchResponse } from '../src/model/search.js';
import { CORPUS, seedWork } from '../test/support/seed.js';

const N = Number(process.env.BENCH_WORKS ?? 100_000);
const RUNS = 3;
const log = (s: string) => process.stdout.write(`${s}\n`);
const secs = (t0: number) => (performance.now() - t0) / 1000;

// ---- the query mix ------------------------------------------------------------------------------

function queryMix(pools: Pools, sample: Work[]): { kind: string; q: string }[] {
  const r = rng(1917);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const freq = new Map<string, number>();
  for (const p of pools.en) for (const w of p.toLowerCase().match(/\p{L}{5,}/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  // Function words are not what scholars search for; they are left out of the word bands.
  const STOP = new Set(
    (
      'which their there would these other about could should where those being after under every while shall since ' +
      'still through before between without against during might whose until though whole first great itself having thing things ' +
      'point order years place never often again always another become became within because therefore however whether rather ' +
      'upon only them they then than that this with from were have been into such more most some what when will your also very'
    ).split(' '),
  );
  const byFreq = [...freq]
    .filter(([w, n]) => n >= 2 && !STOP.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const band = (from: number, to: number, n: number) =>
    Array.from({ length: n }, () => byFreq[Math.floor(byFreq.length * (from + (to - from) * r()))]!);
  const out: { kind: string; q: string }[] = [];
  for (const w of [...band(0, 0.01, 20), ...band(0.01, 0.2, 25), ...band(0.2, 1, 15)]) out.push({ kind: 'word', q: w });
  for (let i = 0; i < 40; i++) {
    const words = pick(pools.en)
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}]/gu, ''))
      .filter((w) => w.length >= 3);
    const at = Math.floor(r() * Math.max(1, words.length - 3));
    out.push({ kind: 'phrase', q: `"${words.slice(at, at + 2 + (i % 2)).join(' ')}"` });
  }
  const authors = [...new Set(sample.map((w) => w.authors[0]!.id))];
  const recipients = [...new Set(sample.flatMap((w) => w.recipients.map((x) => x.id)))];
  const placesIn = [...new Set(sample.map((w) => w.written!.place!.id))];
  for (let i = 0; i < 30; i++) {
    const w = pick(band(0, 0.2, 5));
    const y = 1840 + Math.floor(r() * 100);
    const f = [`author:${pick(authors)}`, `year:${y}`, 'kind:letter', `place:${pick(placesIn)}`, `date:${y}-03..${y + 1}-06`, 'lang:de'][
      i % 6
    ]!;
    out.push({ kind: 'filter', q: `${w} ${f}` });
  }
  for (let i = 0; i < 10; i++)
    out.push({
      kind: 'filter-only',
      q: i % 2 ? `recipient:${pick(recipients)} year:${1840 + i * 9}..${1850 + i * 9}` : `author:${pick(authors)} kind:letter`,
    });
  for (const q of [
    'Ленин',
    'Маркс',
    'Энгельс',
    'Шаумян',
    'Ульянов',
    'Каутский',
    'Плеханов',
    'Троцкий',
    'революция',
    'партия',
    'рабочие',
    'Москва',
    'Баку',
    'Лондон',
    'Берлин',
    'Ленин Маркс',
    '"Карл Маркс"',
    'Шаумян year:1918',
    'пролетариат',
    'Бебель',
    'Либкнехт',
    'Лафарг',
    'Энгельс kind:letter',
    'буржуазия',
    'Зорге',
  ])
    out.push({ kind: 'cyrillic', q });
  const rare = band(0.02, 0.6, 60)
    .filter((w) => w.length >= 7)
    .slice(0, 30);
  rare.forEach((w, i) => {
    const k = 1 + Math.floor(r() * (w.length - 2));
    const typo =
      i % 3 === 0
        ? w.slice(0, k) + w.slice(k + 1)
        : i % 3 === 1
          ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
          : `${w.slice(0, k)}e${w.slice(k + 1)}`;
    out.push({ kind: 'misspelling', q: typo });
  });
  for (let i = 0; i < 15; i++) {
    const [a, b] = [pick(band(0, 0.1, 3)), pick(band(0.01, 0.3, 3))];
    out.push({
      kind: 'boolean',
      q: [`${a} OR ${b}`, `${a} -${b}`, `${a.slice(0, 5)}*`, `(${a} OR ${b}) ${pick(band(0, 0.05, 2))}`, `${b} NOT ${a}`][i % 5]!,
    });
  }
  return out;
}

// ---- the hand-written SQL reference ---------------------------------------------------------------

interface RefResult {
  ids: number[];
  total: number;
  facets: Map<string, number>;
}

function reference(db: Database.Database, x: Explained): RefResult {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const f of x.filters) {
    if ('facet' in f) {
      where.push(
        `docid IN (SELECT docid FROM search_facets WHERE facet = ? AND value IN (${f.values.map(() => '?').join(',') || 'NULL'}))`,
      );
      params.push(f.facet, ...f.values);
    } else {
      where.push('docid IN (SELECT docid FROM search_docs WHERE date_start <= ? AND COALESCE(date_end, date_start) >= ?)');
      params.push(f.to, f.from);
    }
  }
  const cond = where.length ? `AND ${where.join(' AND ')}` : '';
  const m = x.fts
    ? `SELECT rowid AS docid, ${BM25} AS o1, 0 AS o2 FROM search_fts WHERE search_fts MATCH ? ${cond.replace(/docid IN/g, '+rowid IN')}`
    : `SELECT docid, date_start IS NULL AS o1, date_start AS o2 FROM search_docs WHERE 1 ${cond}`;
  const sql = `WITH m AS MATERIALIZED (${m})
    SELECT 'hit' AS k, docid AS v, 0 AS n FROM (SELECT docid FROM m ORDER BY o1, o2, docid LIMIT 20)
    UNION ALL SELECT 'total', NULL, COUNT(*) FROM m
    UNION ALL SELECT f.facet, f.value, COUNT(*) FROM m JOIN search_facets f ON f.docid = m.docid GROUP BY f.facet, f.value`;
  const rows = db
    .prepare(sql)
    .raw()
    .all(...(x.fts ? [x.fts] : []), ...params) as [string, string | number | null, number][];
  const out: RefResult = { ids: [], total: 0, facets: new Map() };
  for (const [k, v, n] of rows) {
    if (k === 'hit') out.ids.push(v as number);
    else if (k === 'total') out.total = n;
    else out.facets.set(`${k}\u0000${v}`, n);
  }
  return out;
}

// ---- MiniSearch, the in-process peer --------------------------------------------------------------

interface MiniDoc {
  id: number;
  title: string;
  body: string;
  notes: string;
  people: string;
  places: string;
  kind: string;
  author: string;
  recipient: string;
  year: string;
  place: string;
  language: string;
}

function miniDoc(w: Work, i: number): MiniDoc {
  return {
    id: i,
    title: w.title,
    body: bodyText(w),
    notes: `${notesText(w)}\n${headerText(w)}`,
    people: [...w.authors, ...w.recipients].map((a) => a.name).join(' '),
    places: w.written?.place?.name ?? '',
    kind: w.kind,
    author: w.authors[0]?.id ?? '',
    recipient: w.recipients[0]?.id ?? '',
    year: w.written?.date?.start.slice(0, 4) ?? '',
    place: w.written?.place?.id ?? '',
    language: w.language,
  };
}

function miniQuery(ms: MiniSearch<MiniDoc>, q: string): number {
  const filters: ((d: Record<string, unknown>) => boolean)[] = [];
  let text = q;
  for (const m of q.matchAll(/(\w+):("[^"]*"|\S+)/g)) {
    const [field, value] = [m[1]!, m[2]!.replace(/"/g, '')];
    const key = field === 'lang' ? 'language' : field;
    if (field === 'year' || field === 'date') {
      const [a, b] = value.split('..');
      filters.push((d) => String(d.year) >= a!.slice(0, 4) && String(d.year) <= (b ?? a)!.slice(0, 4));
    } else filters.push((d) => d[key] === value);
    text = text.replace(m[0], ' ');
  }
  const words = text
    .replace(/["()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(AND|OR|NOT)$/.test(w) && !w.startsWith('-'));
  const results = ms.search(words.join(' ') || MiniSearch.wildcard, {
    combineWith: /\bOR\b/.test(text) ? 'OR' : 'AND',
    prefix: (t) => q.includes(`${t}*`),
    fuzzy: (t) => (t.length >= 5 ? 0.2 : false),
    boost: { title: 8, people: 4, places: 2, notes: 0.5 },
    filter: filters.length ? (r) => filters.every((f) => f(r)) : undefined,
  });
  const facets = new Map<string, number>();
  for (const r of results)
    for (const f of ['kind', 'author', 'recipient', 'year', 'place', 'language'])
      facets.set(`${f}:${r[f]}`, (facets.get(`${f}:${r[f]}`) ?? 0) + 1);
  return results.length;
}

// ---- measuring ------------------------------------------------------------------------------------

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (x: number) => x.toFixed(2).padStart(8);

function sameAnswer(db: Database.Database, res: SearchResponse, ref: RefResult): string | undefined {
  const ids = res.hits.map((h) => db.prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(h.id) as number);
  if (res.total !== ref.total) return `total ${res.total} ≠ ${ref.total}`;
  if (ids.join() !== ref.ids.join()) return 'top-20 differs';
  for (const f of res.facets) {
    const name = f.name;
    let distinct = 0;
    for (const key of ref.facets.keys()) if (key.startsWith(`${name}\u0000`)) distinct++;
    if (distinct !== f.distinct) return `${name}: ${f.distinct} values ≠ ${distinct}`;
    for (const v of f.values)
      if (ref.facets.get(`${name}\u0000${v.value}`) !== v.count)
        return `${name}=${v.value}: ${v.count} ≠ ${ref.facets.get(`${name}\u0000${v.value}`)}`;
  }
  return undefined;
}

async function main() {
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'octavo-search-bench-'));
  const file = join(dir, 'bench.db');
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  log(`Octavo search benchmark: ${N.toLocaleString('en')} works, database ${file}`);

  let t0 = performance.now();
  const pools = loadPools(CORPUS);
  // The works are generated as a stream (deterministic), so the archive never sits in memory whole.
  const works = () =>
    (function* () {
      yield seedWork();
      yield* benchWorkStream(N - 1, pools, seedWork());
    })();
  let rawMb = 0;
  for (const w of works()) rawMb += rawTextChars(w) / 1e6;
  log(
    `corpus: ${pools.en.length} English and ${pools.de.length} German paragraphs, ${pools.people.length} people, ${pools.places.length} places → ${N} works, ${rawMb.toFixed(1)} MB of text (${secs(t0).toFixed(1)} s)`,
  );

  const archive = await openArchive(file);
  const store = archive.store as SqliteStore;
  const db = store.db;
  db.pragma('cache_size = -400000');
  let loadS = 0;
  let buildS = 0;
  if (!reuse) {
    t0 = performance.now();
    let batch: Work[] = [];
    for (const w of works()) {
      batch.push(w);
      if (batch.length === 1000) {
        await store.upsertWorks(batch);
        batch = [];
      }
    }
    if (batch.length) await store.upsertWorks(batch);
    loadS = secs(t0);
    // The index alone, rebuilt from the stored works (what "octavo reindex" would do).
    t0 = performance.now();
    rebuildIndex(db, loadDefaultRegister());
    buildS = secs(t0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
  }
  const dbMb = statSync(file).size / 1e6;
  const indexMb =
    (db
      .prepare("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'")
      .pluck()
      .get() as number) / 1e6;
  log(
    `archive load (store + index, 1000 works per transaction): ${loadS.toFixed(1)} s; search index rebuilt alone: ${buildS.toFixed(1)} s`,
  );
  log(
    `database ${dbMb.toFixed(1)} MB (${(dbMb / rawMb).toFixed(2)}× text; works and revisions keep the JSON twice), search index ${indexMb.toFixed(1)} MB (${(indexMb / rawMb).toFixed(2)}× text)`,
  );

  const mix = queryMix(pools, benchWorks(2001, pools, seedWork()).slice(1));
  for (const m of mix) parseQuery(m.q); // the mix must be valid
  const plans = mix.map((m) => explainQuery(db, m.q));
  if (plans.some((p) => !p.flat)) throw new Error('the query mix must be expressible as flat SQL');
  const slowest: { q: string; ms: number; total: number }[] = [];
  let mismatches = 0;
  const lat = { octavo: [] as number[], reference: [] as number[] };
  const byKind = new Map<string, { octavo: number[]; reference: number[] }>();
  for (let run = 0; run <= RUNS; run++) {
    for (let i = 0; i < mix.length; i++) {
      let t = performance.now();
      const res = await archive.search.search({ q: mix[i]!.q, pageSize: 20 });
      const to = performance.now() - t;
      t = performance.now();
      const ref = reference(db, plans[i]!);
      const tr = performance.now() - t;
      if (res.error) throw new Error(`${mix[i]!.q}: ${res.error.message}`);
      if (run === 0) {
        const why = sameAnswer(db, res, ref);
        if (why) {
          mismatches++;
          log(`  differs: ${mix[i]!.q}: ${why}`);
        }
        continue; // warm-up pass
      }
      slowest.push({ q: mix[i]!.q, ms: to, total: res.total });
      lat.octavo.push(to);
      lat.reference.push(tr);
      const k = byKind.get(mix[i]!.kind) ?? { octavo: [], reference: [] };
      k.octavo.push(to);
      k.reference.push(tr);
      byKind.set(mix[i]!.kind, k);
    }
  }

  const mini: number[] = [];
  let miniBuild = 0;
  if (process.env.BENCH_MINISEARCH !== '0') {
    t0 = performance.now();
    const ms = new MiniSearch<MiniDoc>({
      fields: ['title', 'body', 'notes', 'people', 'places'],
      storeFields: ['kind', 'author', 'recipient', 'year', 'place', 'language'],
      processTerm: (t) => termOf(t),
    });
    let i = 0;
    for (const w of works()) ms.add(miniDoc(w, i++));
    miniBuild = secs(t0);
    for (let run = 0; run <= RUNS; run++) {
      for (const m of mix) {
        const t = performance.now();
        miniQuery(ms, m.q);
        if (run > 0) mini.push(performance.now() - t);
      }
    }
  }

  log('');
  log(`${mix.length} queries × ${RUNS} runs (after one warm-up run); latency in ms`);
  log('engine                                   p50       p95      mean');
  const row = (name: string, xs: number[]) =>
    log(`${name.padEnd(36)}${fmt(pct(xs, 50))}  ${fmt(pct(xs, 95))}  ${fmt(xs.reduce((a, b) => a + b, 0) / xs.length)}`);
  row('Octavo (rank + facets + snippets)', lat.octavo);
  row('hand-written SQL (top-20 + facets)', lat.reference);
  if (mini.length) row(`MiniSearch 7.2 (in process)`, mini);
  log('');
  log('by query kind (Octavo p50 / p95 vs SQL p50 / p95)');
  for (const [k, v] of byKind)
    log(
      `  ${k.padEnd(13)} n=${String(v.octavo.length / RUNS).padStart(3)}  ${fmt(pct(v.octavo, 50))} ${fmt(pct(v.octavo, 95))}   ${fmt(pct(v.reference, 50))} ${fmt(pct(v.reference, 95))}`,
    );
  log('');
  if (process.env.BENCH_VERBOSE) {
    log('slowest Octavo queries:');
    for (const x of slowest.sort((a, b) => b.ms - a.ms).slice(0, 15))
      log(`  ${x.ms.toFixed(1).padStart(8)} ms  ${String(x.total).padStart(6)} hits  ${x.q}`);
  }
  log(`answers that differ from the SQL reference (top-20, totals, facet counts): ${mismatches} of ${mix.length}`);
  log(
    `ratio p95 Octavo / SQL: ${(pct(lat.octavo, 95) / pct(lat.reference, 95)).toFixed(2)}   p50: ${(pct(lat.octavo, 50) / pct(lat.reference, 50)).toFixed(2)}`,
  );
  if (mini.length) log(`MiniSearch index build ${miniBuild.toFixed(1)} s (in memory; no facets from the index, no snippets, no phrases)`);
  log(
    `build: archive load ${loadS.toFixed(1)} s, search index ${buildS.toFixed(1)} s; index ${indexMb.toFixed(1)} MB for ${rawMb.toFixed(1)} MB of text; database ${dbMb.toFixed(1)} MB`,
  );
  await store.close();
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  log(
    `RESULT works=${N} p50_ms=${pct(lat.octavo, 50).toFixed(2)} p95_ms=${pct(lat.octavo, 95).toFixed(2)} p95_ratio=${(pct(lat.octavo, 95) / pct(lat.reference, 95)).toFixed(2)} index_mb=${indexMb.toFixed(1)} text_mb=${rawMb.toFixed(1)} index_over_text=${(indexMb / rawMb).toFixed(2)} build_s=${buildS.toFixed(1)}`,
  );
}

await main();
