// Parsing the files of a large import on worker threads (the parse pool, ./parse-pool.ts), while the
// main thread stores the files parsed before: an import costs about the larger of parsing and storing
// rather than their sum. The CLI has no time limit on a file, so none is set here; a file a worker
// could not parse (out of memory, crashed) is parsed on the main thread, as it would be without
// workers, so it fails or succeeds with the same messages. Workers stamp provenance with the clock.
import { readFile } from 'node:fs/promises';
import { importFile } from '../ingest/registry.js';
import type { ImportContext, ImportOutcome, SourceFile } from '../ingest/types.js';
import { createParsePool } from './parse-pool.js';

export interface ParallelParser {
  /** Files to have read and parsing at once, ahead of the one being stored. */
  readonly ahead: number;
  /** Parse one file (read from `path`), on a worker when one can. Throws only what parsing on this thread would. */
  parse(path: string, file: SourceFile, format: string | undefined): Promise<ImportOutcome>;
  close(): Promise<void>;
}

/** Longest a timer may wait: in effect, no limit. */
const NO_LIMIT_MS = 2 ** 31 - 1;

export function parallelParser(ctx: ImportContext): ParallelParser {
  const pool = createParsePool({
    register: ctx.register,
    timeoutMs: NO_LIMIT_MS,
    ...(ctx.limits?.maxDepth !== undefined ? { maxDepth: ctx.limits.maxDepth } : {}),
  });
  return {
    ahead: pool.limits.workers * 2,
    async parse(path, file, format) {
      const r = await pool.parse(file, format);
      if (r.outcome) return r.outcome;
      // The bytes went to the worker: read them again.
      return importFile({ path: file.path, bytes: await readFile(path) }, ctx, format);
    },
    close: () => pool.close(),
  };
}
