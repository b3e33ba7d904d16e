// The output folder of a static build, with a manifest of content hashes (.octavo-build.json): a
// file whose bytes have not changed is not rewritten, and files the last build wrote that this one
// did not are removed. Rebuilding an unchanged archive writes nothing but the manifest.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MANIFEST = '.octavo-build.json';

export interface OutputStats {
  written: number;
  unchanged: number;
  removed: number;
  bytes: number;
}

export class Output {
  readonly stats: OutputStats = { written: 0, unchanged: 0, removed: 0, bytes: 0 };
  private readonly previous: Record<string, string>;
  private readonly current: Record<string, string> = {};
  private readonly dirs = new Set<string>();
  /** Bytes per top-level folder ("works", "search"…), for the summary. */
  readonly bytesByFolder = new Map<string, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    let prev: Record<string, string> = {};
    try {
      const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files?: Record<string, string> };
      if (m && typeof m.files === 'object') prev = m.files;
    } catch {
      // No manifest (a first build) or an unreadable one: every file is written.
    }
    this.previous = prev;
  }

  /** Writes `rel` (a path under the folder, "/"-separated) unless it already holds these bytes. */
  write(rel: string, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
    this.current[rel] = hash;
    this.stats.bytes += bytes.length;
    const top = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
    this.bytesByFolder.set(top, (this.bytesByFolder.get(top) ?? 0) + bytes.length);
    const file = join(this.dir, rel);
    if (this.previous[rel] === hash && existsSync(file)) {
      this.stats.unchanged++;
      return;
    }
    const d = dirname(file);
    if (!this.dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      this.dirs.add(d);
    }
    writeFileSync(file, bytes);
    this.stats.written++;
  }

  has(rel: string): boolean {
    return rel in this.current;
  }

  /** Removes what the last build wrote and this one did not, and saves the manifest. */
  finish(): void {
    for (const rel of Object.keys(this.previous)) {
      if (rel in this.current) continue;
      rmSync(join(this.dir, rel), { force: true });
      this.stats.removed++;
    }
    writeFileSync(join(this.dir, MANIFEST), JSON.stringify({ generator: 'octavo build', files: this.current }));
  }
}
