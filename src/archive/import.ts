// Importing many files into an archive's store: each file is read, parsed and stored on its own, in its own
// transaction (a file of thousands of works in transactions of 500 whole works), so one bad file never stops
// the batch nor leaves half a record behind.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../model/diagnostics.js';
import type { Store, UpsertStatus } from '../store/store.js';
import type { Provenance, Work } from '../model/work.js';
import { importFile } from '../ingest/registry.js';
import { MAX_SOURCE_BYTES } from '../ingest/text-decode.js';
import type { ImportContext, ImportOutcome } from '../ingest/types.js';
import { parallelParser, type ParallelParser } from './import-parse.js';

/** Works stored per transaction when one file holds many. */
const WRITE_BATCH = 500;
const SOURCE_EXT = /\.(html?|txt|xml|tei|md|markdown)$/i;
/** Inside a walked folder: hidden files, dependencies and the folder's own documentation are not sources. */
const SKIP = /(^|\/)(\.[^/]|node_modules\/|PROVENANCE\.md$|README\.md$|LICENSE)/;

/** Files named on the command line, with folders walked recursively, in a stable order. */
export async function collectFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  async function walk(p: string, inside: string | undefined): Promise<void> {
    const s = await stat(p).catch(() => undefined);
    if (!s) {
      out.push(p);
      return;
    } // reported as unreadable later, with its name
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) await walk(join(p, e), inside ?? p);
    } else if (inside === undefined || (SOURCE_EXT.test(p) && !SKIP.test(relative(inside, p)))) out.push(p);
  }
  for (const i of inputs) await walk(i, undefined);
  return [...new Set(out)];
}

export interface FileResult {
  file: string;
  /** 'skipped': a page that holds no work (a removed-page notice, a 404 page), told apart from a failure. */
  status: 'failed' | 'skipped' | UpsertStatus | 'collection';
  ids: string[];
  /** What became of each work, in the order of `ids`. */
  statuses: UpsertStatus[];
  /** Why the file failed or was skipped. */
  error?: string;
  diagnostics: Diagnostic[];
}

export interface BatchSummary {
  files: number;
  /** Files by outcome. */
  imported: number;
  updated: number;
  unchanged: number;
  collections: number;
  skipped: number;
  failed: number;
  /** Works by outcome (a file may hold many: a CMIF file, a book). */
  works: Record<UpsertStatus, number>;
  results: FileResult[];
  seconds: number;
}

export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

export async function importPaths(
  store: Store,
  files: string[],
  ctx: ImportContext,
  opts: {
    format?: string;
    onFile?: (r: FileResult, done: number, total: number) => void;
    /** Parse on worker threads, ahead of storing (./import-parse.ts). */
    parallel?: boolean;
  } = {},
): Promise<BatchSummary> {
  const t0 = performance.now();
  const sum: BatchSummary = {
    files: files.length,
    imported: 0,
    updated: 0,
    unchanged: 0,
    collections: 0,
    skipped: 0,
    failed: 0,
    works: { imported: 0, updated: 0, unchanged: 0 },
    results: [],
    seconds: 0,
  };
  const claimed = new Map<string, Claim>(); // work id → the source that produced it in this batch
  const parser = opts.parallel && files.length > 1 ? parallelParser(ctx) : undefined;
  // With workers, the next files are read and parsed while one is stored; results are stored in order.
  const ahead: Promise<Read>[] = [];
  const next = (i: number) => {
    while (ahead.length < (parser?.ahead ?? 1) && i + ahead.length < files.length)
      ahead.push(readSource(files[i + ahead.length]!, ctx, opts.format, parser));
    return ahead.shift()!;
  };
  for (const [n, path] of files.entries()) {
    const r = await importOne(store, path, await next(n), claimed);
    sum.results.push(r);
    if (r.status === 'failed') sum.failed++;
    else if (r.status === 'skipped') sum.skipped++;
    else if (r.status === 'collection') sum.collections++;
    else sum[r.status]++;
    for (const st of r.statuses) sum.works[st]++;
    opts.onFile?.(r, n + 1, files.length);
  }
  await parser?.close();
  sum.seconds = (performance.now() - t0) / 1000;
  return sum;
}

/** A source read and parsed, or why it could not be. */
type Read = { outcome: ImportOutcome } | { error: string };

async function readSource(path: string, ctx: ImportContext, format: string | undefined, parser?: ParallelParser): Promise<Read> {
  const file = displayPath(path);
  try {
    const s = await stat(path);
    if (!s.isFile()) return { error: `${file}: not a regular file` };
    if (s.size > MAX_SOURCE_BYTES)
      return {
        error: `${file}: the file is ${(s.size / 1048576).toFixed(1)} MB; sources over ${MAX_SOURCE_BYTES / 1048576} MB are refused`,
      };
    const bytes = await readFile(path);
    return { outcome: parser ? await parser.parse(path, { path: file, bytes }, format) : importFile({ path: file, bytes }, ctx, format) };
  } catch (e) {
    return { error: `${file}: ${(e as Error).message}` };
  }
}

async function importOne(store: Store, path: string, read: Read, claimed: Map<string, Claim>): Promise<FileResult> {
  const file = displayPath(path);
  // Records remember every absolute path they were read from: contents entries find them by it.
  const withPath = <T extends { provenance: Provenance }>(r: T): T => ({ ...r, provenance: { ...r.provenance, paths: [resolve(path)] } });
  const fail = (error: string, diagnostics: Diagnostic[] = []): FileResult => ({
    file,
    status: 'failed',
    ids: [],
    statuses: [],
    error,
    diagnostics,
  });
  if ('error' in read) return fail(read.error);
  const { outcome } = read;
  try {
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length && errors.every((d) => d.code === 'not-a-document')) {
      return {
        file,
        status: 'skipped',
        ids: [],
        statuses: [],
        error: errors.map(formatDiagnostic).join('\n'),
        diagnostics: outcome.diagnostics,
      };
    }
    if (errors.length) return fail(errors.map(formatDiagnostic).join('\n'), outcome.diagnostics);
    const works: Work[] = [];
    for (const w of outcome.works) {
      const id = await uniqueId(store, w, file, claimed);
      if (id) works.push(withPath({ ...w, id }));
    }
    const statuses: UpsertStatus[] = [];
    try {
      // A large file (a CMIF register of thousands of letters) is stored in batches, each a transaction of
      // whole works, so other writers of the same archive get their turn in between.
      for (let i = 0; i < works.length; i += WRITE_BATCH) statuses.push(...(await store.upsertWorks(works.slice(i, i + WRITE_BATCH))));
    } catch (e) {
      const stored = statuses.length ? `; ${statuses.length} of its ${works.length} works were stored before that` : '';
      return fail(`${file}: ${(e as Error).message}${stored}`);
    }
    for (const c of outcome.collections) await store.upsertCollection(withPath(c));
    const status: FileResult['status'] =
      outcome.works.length === 0
        ? 'collection'
        : works.length === 0
          ? 'unchanged'
          : statuses.includes('imported')
            ? 'imported'
            : statuses.includes('updated')
              ? 'updated'
              : 'unchanged';
    return { file, status, ids: works.map((w) => w.id), statuses, diagnostics: outcome.diagnostics };
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`);
  }
}

const isRegisterEntry = (format: string | undefined) => format === 'cmif';

/** The source a work id was given to: its file, format and the checksum of its bytes. */
interface Claim {
  file: string;
  format: string;
  checksum: string;
}

/**
 * Two different sources must not overwrite each other's work: later ones get "-2", "-3"...
 * A CMIF register entry (metadata only) and the full text of the same letter share one id: the full
 * text replaces the entry, and an entry never replaces a full text (undefined = skip it).
 */
export async function uniqueId(store: Store, work: Work, file: string, claimed: Map<string, Claim>): Promise<string | undefined> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? work.id : `${work.id}-${n}`;
    const existing = claimed.get(candidate) ?? (await store.getWork(candidate))?.provenance;
    const mine: Claim = { file, format: work.provenance.format, checksum: work.provenance.checksum };
    // The same source: the same file, or the same bytes read from another path (a copy of the archive).
    if (!existing || existing.file === file || existing.checksum === mine.checksum) {
      claimed.set(candidate, mine);
      return candidate;
    }
    if (isRegisterEntry(mine.format) && !isRegisterEntry(existing.format)) return undefined;
    if (!isRegisterEntry(mine.format) && isRegisterEntry(existing.format)) {
      claimed.set(candidate, mine);
      return candidate;
    }
  }
}
