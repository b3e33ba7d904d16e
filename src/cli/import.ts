// `octavo import <files or folders…>`: progress on a terminal, a summary at the end, exit 1 if any file failed.
import cliProgress from 'cli-progress';
import { loadDefaultRegister } from '../model/register.js';
import { collectFiles, importPaths, type BatchSummary } from '../ingest/pipeline.js';
import type { Store } from '../store/store.js';

export interface ImportOptions {
  json?: boolean;
  format?: string;
  quiet?: boolean;
}

export async function runImport(store: Store, inputs: string[], opts: ImportOptions): Promise<BatchSummary> {
  const files = await collectFiles(inputs);
  const tty = Boolean(process.stderr.isTTY) && !opts.json && !opts.quiet;
  const bar = tty
    ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} files | {rate} files/s | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(files.length, 0, { file: '', rate: '0' });
  const t0 = performance.now();
  const summary = await importPaths(store, files, { register: loadDefaultRegister(), now: () => new Date().toISOString() }, {
    format: opts.format,
    onFile: (r, done) => bar?.update(done, { file: r.file.slice(-40), rate: (done / ((performance.now() - t0) / 1000)).toFixed(0) }),
  });
  bar?.stop();
  return summary;
}

export function summaryJson(s: BatchSummary) {
  return {
    imported: s.results.filter((r) => r.status !== 'failed').flatMap((r) => r.ids.map((id) => ({ id, file: r.file, status: r.status }))),
    collections: s.results.filter((r) => r.status === 'collection').map((r) => ({ file: r.file })),
    failed: s.results.filter((r) => r.status === 'failed').map((r) => ({ file: r.file, error: r.error ?? 'failed' })),
    counts: { files: s.files, imported: s.imported, updated: s.updated, unchanged: s.unchanged, collections: s.collections, failed: s.failed },
    seconds: Number(s.seconds.toFixed(3)),
  };
}

export function summaryText(s: BatchSummary): string {
  const works = s.results.reduce((n, r) => n + (r.status === 'failed' ? 0 : r.ids.length), 0);
  const lines = [
    `${s.files} files in ${s.seconds.toFixed(1)} s (${(s.files / Math.max(s.seconds, 1e-3)).toFixed(0)} files/s): ` +
      `${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.collections} collection pages, ${s.failed} failed; ${works} works`,
  ];
  for (const r of s.results.filter((x) => x.status === 'failed')) lines.push(`FAILED ${r.error}`);
  const warnings = s.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (warnings) lines.push(`${warnings} warnings (run with --json to see them per file)`);
  return lines.join('\n');
}
