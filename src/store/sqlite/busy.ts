// Writers that wait their turn. SQLite lets one connection write at a time; other processes (a second
// `octavo import`, a server taking API writes) must wait for the lock, not fail with "database is
// locked". Three rules make that so:
//   1. Every write transaction begins IMMEDIATE: it takes the write lock before reading anything, so it
//      can never be refused half-way (a deferred transaction that read first and then wants to write
//      after another connection committed gets SQLITE_BUSY at once, whatever the busy timeout).
//   2. Taking the lock is retried with short, growing, jittered pauses for a bounded time (30 s), after
//      which the error names the archive: "the archive FILE is busy: another process is writing; tried
//      for 30 s". The store's own writes pause asynchronously (a server goes on answering meanwhile);
//      transactions others open on the connection (the search index's catch-up, migrations) pause in place.
//   3. A writer that held the lock for long lets go for a moment before taking it again (see
//      SqliteStore), so the others' attempts, a few milliseconds apart, find it free.
import type Database from 'better-sqlite3';

/** How long a writer keeps trying to get the write lock before giving up. */
export const BUSY_WAIT_MS = 30_000;
/** The connection's busy timeout outside write transactions (readers in WAL mode almost never wait). */
export const READ_BUSY_TIMEOUT_MS = 5_000;
/** The busy timeout while taking the write lock: short, so the retry loop keeps control of the pauses. */
const LOCK_BUSY_TIMEOUT_MS = 20;

/** The archive stayed locked by other writers for longer than we were willing to wait. */
export class ArchiveBusyError extends Error {
  constructor(file: string, waitedMs: number) {
    super(`the archive ${file} is busy: another process is writing; tried for ${Math.round(waitedMs / 1000)} s`);
    this.name = 'ArchiveBusyError';
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), and SQLITE_LOCKED. */
export const isBusy = (e: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown })?.code ?? ''));

/** The pause before attempt `n` (0-based): 2, 4, 8, 15 ms…, jittered, so two waiters do not poll in step. */
const pause = (n: number) => Math.min(15, 2 ** (n + 1)) * (0.5 + Math.random() / 2);

const sleepAsync = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const cell = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number) => void Atomics.wait(cell, 0, 0, ms);

/** Run `attempt` with the short lock timeout, putting the connection's usual one back afterwards. */
function withLockTimeout<T>(db: Database.Database, attempt: () => T): T {
  db.pragma(`busy_timeout = ${LOCK_BUSY_TIMEOUT_MS}`);
  try {
    return attempt();
  } finally {
    db.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
  }
}

export interface BusyPolicy {
  /** The archive's file, for the message. */
  file: string;
  /** Total wait before giving up (default BUSY_WAIT_MS). */
  waitMs?: number;
}

/** Retry `attempt` while the write lock is taken, pausing without blocking the event loop. */
export async function retryBusy<T>(db: Database.Database, policy: BusyPolicy, attempt: () => T): Promise<T> {
  const limit = policy.waitMs ?? BUSY_WAIT_MS;
  const t0 = Date.now();
  for (let n = 0; ; n++) {
    try {
      return withLockTimeout(db, attempt);
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - t0;
      if (waited >= limit) throw new ArchiveBusyError(policy.file, limit);
      await sleepAsync(Math.min(pause(n), limit - waited));
    }
  }
}

/** The same, pausing in place: for synchronous callers (migrations, the search index's catch-up). */
export function retryBusySync<T>(db: Database.Database, policy: BusyPolicy, attempt: () => T): T {
  const limit = policy.waitMs ?? BUSY_WAIT_MS;
  const t0 = Date.now();
  for (let n = 0; ; n++) {
    try {
      return withLockTimeout(db, attempt);
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - t0;
      if (waited >= limit) throw new ArchiveBusyError(policy.file, limit);
      sleepSync(Math.min(pause(n), limit - waited));
    }
  }
}

type TransactionFn = Database.Database['transaction'];

/**
 * Make every `db.transaction(fn)` of this connection, whoever calls it (the store, the search index,
 * migrations), begin IMMEDIATE and wait its turn: the returned function runs `fn.immediate()`,
 * retried while the lock is taken. Nested calls (a savepoint inside a running transaction) run as
 * they are. Returns the original `transaction`, for callers that retry asynchronously themselves.
 */
export function immediateTransactions(db: Database.Database, policy: BusyPolicy): TransactionFn {
  const original = db.transaction.bind(db) as TransactionFn;
  const patched = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    const run = (...args: unknown[]) => (db.inTransaction ? tx(...args) : retryBusySync(db, policy, () => tx.immediate(...args)));
    return Object.assign(run, { default: run, deferred: tx.deferred, immediate: run, exclusive: tx.exclusive, database: db });
  }) as unknown as TransactionFn;
  db.transaction = patched;
  return original;
}
