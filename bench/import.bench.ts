// Import speed over the whole real corpus (MIA HTML, MIA text, TEI, CMIF), against two references
// measured in the same run: (a) bare parsing of every file with the same parsers (cheerio, xmldom), no
// model, no store; (b) Octavo's importers without the store. Prints works/s and the ratios.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio/slim';
import { DOMParser } from '@xmldom/xmldom';
import { collectFiles, importPaths } from '../src/archive/import.js';
import { importFile } from '../src/ingest/registry.js';
import { loadDefaultRegister } from '../src/model/register.js';
import { openArchive } from '../src/archive/open.js';

const CORPUS = process.env.OCTAVO_CORPUS ?? join(import.meta.dirname, '..', 'test', 'corpus');
const SEED = join(import.meta.dirname, '..', 'samples', 'seed');
const folders = ['mia-html', 'tei-schnitzler-briefe/editions', 'tei-dehmel-digital', 'tei-correspdesc-examples', 'cmif'].map((f) =>
  join(CORPUS, f),
);
const ctx = { register: loadDefaultRegister() };

const files = await collectFiles([SEED, ...folders]);
const bytes = files.map((f) => readFileSync(f));
const mb = bytes.reduce((n, b) => n + b.length, 0) / 1048576;
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB`);

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, (performance.now() - t0) / 1000];
}

// (a) bare parsing with the same libraries: the floor any importer stands on.
const [, bare] = time(() => {
  for (const [i, b] of bytes.entries()) {
    const text = new TextDecoder('utf-8').decode(b);
    if (/\.x?ml$/i.test(files[i]!)) new DOMParser({ onError: () => {} }).parseFromString(text, 'text/xml');
    else cheerio.load(text).root().text();
  }
});

// (b) Octavo's importers, no store.
const [works, parseOnly] = time(() => files.reduce((n, f, i) => n + importFile({ path: f, bytes: bytes[i]! }, ctx).works.length, 0));

// Per format: which importer dominates.
const perFormat = new Map<string, { files: number; works: number; s: number }>();
for (const [i, f] of files.entries()) {
  const t = performance.now();
  const out = importFile({ path: f, bytes: bytes[i]! }, ctx);
  const fmt = out.works[0]?.provenance.format ?? out.collections[0]?.provenance.format ?? 'failed';
  const e = perFormat.get(fmt) ?? { files: 0, works: 0, s: 0 };
  e.files++;
  e.works += out.works.length;
  e.s += (performance.now() - t) / 1000;
  perFormat.set(fmt, e);
}

// (c) the full import: parse, validate, checksum, store, index — one transaction per file (BENCH_PARALLEL=0:
// parsing on the main thread, between the stores).
const dir = mkdtempSync(join(tmpdir(), 'octavo-bench-import-'));
// Opened as `octavo import` opens it: the search index kept in step with every write.
const archive = await openArchive(join(dir, 'bench.db'));
const { store } = archive;
const t0 = performance.now();
// As `octavo import` runs it: parsing on worker threads, ahead of storing (src/archive/import-parse.ts).
const sum = await importPaths(store, files, ctx, { parallel: process.env.BENCH_PARALLEL !== '0' });
const full = (performance.now() - t0) / 1000;
// (d) re-import of the unchanged corpus: every file must be a no-op.
const t1 = performance.now();
const again = await importPaths(store, files, ctx, { parallel: process.env.BENCH_PARALLEL !== '0' });
const reimport = (performance.now() - t1) / 1000;
await archive.close();
rmSync(dir, { recursive: true, force: true });

const stored = sum.results.reduce((n, r) => n + r.ids.length, 0);
const row = (name: string, s: number, n: number) =>
  console.log(`${name.padEnd(38)} ${s.toFixed(2).padStart(7)} s ${(n / s).toFixed(0).padStart(7)} works/s`);
console.log(`\n${'step'.padEnd(38)} ${'time'.padStart(9)} ${'rate'.padStart(15)}`);
row('(a) bare parse (cheerio / xmldom)', bare, works);
row('(b) Octavo importers, no store', parseOnly, works);
row('(c) full import into SQLite', full, stored);
row('(d) re-import, unchanged', reimport, stored);
console.log('\nimporters alone, by format:');
for (const [fmt, e] of perFormat)
  console.log(
    `  ${fmt.padEnd(10)} ${String(e.files).padStart(4)} files ${String(e.works).padStart(5)} works ${e.s.toFixed(2).padStart(6)} s ${(e.files / e.s).toFixed(0).padStart(5)} files/s`,
  );
console.log(
  `\nfiles: ${sum.files}, works stored: ${stored}, collections: ${sum.collections}, failed files: ${sum.failed}; re-import unchanged: ${again.unchanged}/${sum.files - sum.failed - sum.collections}`,
);
console.log(
  `ratios: importers/bare parse = ${(parseOnly / bare).toFixed(2)}x, full import/importers = ${(full / parseOnly).toFixed(2)}x, full import/bare parse = ${(full / bare).toFixed(2)}x`,
);
console.log(
  `RESULT works=${stored} works_per_s=${(stored / full).toFixed(0)} bare_parse_s=${bare.toFixed(2)} import_s=${full.toFixed(2)} files=${sum.files} failed=${sum.failed} full_over_bare=${(full / bare).toFixed(2)} full_over_parse=${(full / parseOnly).toFixed(2)}`,
);
