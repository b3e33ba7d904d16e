// `octavo build <outdir> [--base-url URL] [--live-url URL] [--with-pdf] [--workers N]`: the archive as a static site
// (src/site/build.ts), with a progress bar on a terminal and a summary at the end.
import { resolve } from 'node:path';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { buildSite } from '../site/build.js';
import { CliError } from './errors.js';

export async function buildCommand(
  outDir: string,
  o: { db?: string; baseUrl?: string; liveUrl?: string; withPdf?: boolean; workers?: string },
): Promise<void> {
  const workers = o.workers === undefined ? undefined : Number(o.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64))
    throw new CliError(`--workers must be a whole number from 0 to 64, not "${o.workers}"`);
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  let bar: { start(total: number, n: number): void; update(n: number): void; stop(): void } | undefined;
  if (process.stderr.isTTY) {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    bar = new SingleBar(
      { format: 'building {bar} {percentage}% | {value}/{total} pages | {duration_formatted}', stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
  }
  let started = false;
  try {
    const s = await buildSite(archive, {
      outDir: resolve(outDir),
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      ...(o.liveUrl ? { liveUrl: o.liveUrl } : {}),
      ...(o.withPdf ? { withPdf: true } : {}),
      ...(workers !== undefined ? { workers } : {}),
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
    bar?.stop();
    const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;
    const n = (x: number, one: string, many = `${one}s`) => `${x.toLocaleString('en')} ${x === 1 ? one : many}`;
    process.stdout.write(
      [
        `Built ${outDir}: ${n(s.pages, 'page')} (${n(s.works, 'work')}, ${n(s.collections, 'collection')}, ${n(s.authors, 'person', 'people')}) and ${n(s.exports, 'export file')} in ${s.seconds.toFixed(1)} s (${Math.round(s.pages / s.seconds).toLocaleString('en')} pages/s)`,
        `${s.written.toLocaleString('en')} files written, ${s.unchanged.toLocaleString('en')} unchanged, ${s.removed.toLocaleString('en')} removed; ${mb(s.bytes)} in all, search index ${mb(s.indexBytes)}`,
        ...(s.skippedFormats.length ? [`left out (they need a browser; --with-pdf writes them): ${s.skippedFormats.join(', ')}`] : []),
        `Open ${resolve(outDir, 'index.html')} in a browser, or serve the folder from any web server.`,
        '',
      ].join('\n'),
    );
  } finally {
    if (started) bar?.stop();
    await archive.close();
  }
}
