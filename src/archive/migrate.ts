// Copy an archive between stores row for row (works with their timestamps, collections, every
// revision, token hashes), then read both back and check they hold the same rows.
import type { DumpRecord, Store } from '../store/store.js';
import { openArchive } from './open.js';

export interface MigrateSummary {
  works: number;
  collections: number;
  revisions: number;
  tokens: number;
  verified: boolean;
  seconds: number;
}

export interface MigrateOptions {
  /** Called every 1,000 rows. */
  onProgress?: (rows: number) => void;
  /** Compare the two archives row by row after copying (default true). */
  verify?: boolean;
}

function dumpable(s: Store, role: string): Required<Pick<Store, 'dump' | 'load'>> {
  if (!s.dump || !s.load) throw new Error(`the ${role} store cannot be copied (no dump/load)`);
  return { dump: s.dump.bind(s), load: s.load.bind(s) };
}

/** Copy everything from one open store into another, empty one. */
export async function copyStore(from: Store, to: Store, opts: MigrateOptions = {}): Promise<MigrateSummary> {
  const t0 = performance.now();
  const src = dumpable(from, 'source');
  const dst = dumpable(to, 'target');
  const counts = { work: 0, collection: 0, revision: 0, token: 0 };
  async function* counted(): AsyncIterable<DumpRecord> {
    let n = 0;
    for await (const r of src.dump()) {
      counts[r.type]++;
      if (++n % 1000 === 0) opts.onProgress?.(n);
      yield r;
    }
  }
  await dst.load(counted());
  const verified = opts.verify !== false;
  if (verified) await verifySame(src.dump(), dst.dump());
  return {
    works: counts.work,
    collections: counts.collection,
    revisions: counts.revision,
    tokens: counts.token,
    verified,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Throws at the first row that differs between two dumps. */
export async function verifySame(a: AsyncIterable<DumpRecord>, b: AsyncIterable<DumpRecord>): Promise<void> {
  const ia = a[Symbol.asyncIterator]();
  const ib = b[Symbol.asyncIterator]();
  for (let n = 1; ; n++) {
    const [x, y] = await Promise.all([ia.next(), ib.next()]);
    if (x.done && y.done) return;
    const left = x.done ? '(end)' : JSON.stringify(x.value);
    const right = y.done ? '(end)' : JSON.stringify(y.value);
    if (left !== right) {
      await ia.return?.();
      await ib.return?.();
      throw new Error(`the copy differs at row ${n}: ${left.slice(0, 200)} ≠ ${right.slice(0, 200)}`);
    }
  }
}

/** Open both locations, copy, close. */
export async function migrateArchive(from: string, to: string, opts: MigrateOptions = {}): Promise<MigrateSummary> {
  if (from === to) throw new Error('--from and --to name the same archive');
  const src = await openArchive(from);
  try {
    const dst = await openArchive(to);
    try {
      return await copyStore(src.store, dst.store, opts);
    } finally {
      await dst.close();
    }
  } finally {
    await src.close();
  }
}
