// Reads on streaming replicas, writes on the primary. The rule for reading one's own writes: after
// this process commits a write, it notes the primary's WAL position (pg_current_wal_insert_lsn(),
// at or past the commit record); a replica serves this process's reads only once it has replayed that
// far (pg_last_wal_replay_lsn()). Until then reads go to the primary, and the replica's position is
// asked again in the background (at most every REFRESH_MS). Writes that other processes make may
// reach a replica's readers a moment later: that is what a replica is. Replicas take turns
// (round-robin); one that fails to answer is left out for DOWN_MS and the read runs on the primary.
// Sibling processes share their writes' positions through `onWrite` and `wrote` (WritePositions).
import type pg from 'pg';
import type { WritePositions } from '../store.js';

/** How long a replica that failed is left out before it is tried again. */
const DOWN_MS = 5_000;
/** How often a lagging replica's replay position is asked again. */
const REFRESH_MS = 10;

/** A WAL position ("16/B374D848") as a number that orders. */
export function parseLsn(lsn: string | null | undefined): bigint {
  if (!lsn) return 0n;
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo ?? '0'}`);
}

interface Replica {
  pool: pg.Pool;
  /** The replay position last seen on it. */
  replayed: bigint;
  /** A position check in flight, and when the last one started. */
  checking?: Promise<void>;
  checkedAt: number;
  downUntil: number;
}

/**
 * The replica, not the query, failed: no connection (refused, timed out, dropped), the server shutting
 * down or out of resources (SQLSTATE classes 08, 53, 57, 58), or a query cancelled by replay (40001).
 * Anything else (a query's own error, a bug) is thrown as it is, not hidden by a second try.
 */
function replicaFault(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^(08|53|57|58|40001|E[A-Z]+)/.test(code)) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}

/** Where reads go: the replicas that have caught up with this process's writes, else the primary. */
export class ReadRouter implements WritePositions {
  private readonly replicas: Replica[];
  private readonly listeners: ((position: string) => Promise<void> | void)[] = [];
  private lastWrite = 0n;
  private turn = 0;
  /** Reads served, by server (index 0 the primary, then the replicas in order): for tests and stats. */
  readonly served: number[];

  constructor(
    private readonly primary: pg.Pool,
    replicas: pg.Pool[],
  ) {
    this.replicas = replicas.map((pool) => ({ pool, replayed: 0n, checkedAt: 0, downUntil: 0 }));
    this.served = [0, ...replicas.map(() => 0)];
  }

  get replicated(): boolean {
    return this.replicas.length > 0;
  }

  /** A write committed at (or before) this WAL position must be seen by the reads from now on. */
  wrote(lsn: string): void {
    const at = parseLsn(lsn);
    if (at > this.lastWrite) this.lastWrite = at;
  }

  /** This process committed a write at (or before) this position: noted, and told to the listeners. */
  async committed(lsn: string): Promise<void> {
    this.wrote(lsn);
    await Promise.all(this.listeners.map((l) => l(lsn)));
  }

  onWrite(listener: (position: string) => Promise<void> | void): void {
    this.listeners.push(listener);
  }

  /** Run a read on the next replica that may serve it, else on the primary. */
  async read<T>(fn: (db: pg.Pool) => Promise<T>): Promise<T> {
    const r = this.pick();
    if (!r) {
      this.served[0]!++;
      return fn(this.primary);
    }
    try {
      const out = await fn(r.pool);
      this.served[this.replicas.indexOf(r) + 1]!++;
      return out;
    } catch (e) {
      if (!replicaFault(e)) throw e;
      // Down, shutting down, or a query cancelled by replay: the primary answers instead.
      r.downUntil = Date.now() + DOWN_MS;
      this.served[0]!++;
      return fn(this.primary);
    }
  }

  private pick(): Replica | undefined {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.turn + i) % this.replicas.length]!;
      if (r.downUntil > now) continue;
      if (r.replayed >= this.lastWrite) {
        this.turn = (this.turn + i + 1) % this.replicas.length;
        return r;
      }
      this.refresh(r, now);
    }
    return undefined;
  }

  private refresh(r: Replica, now: number): void {
    if (r.checking || now - r.checkedAt < REFRESH_MS) return;
    r.checkedAt = now;
    r.checking = r.pool
      .query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn')
      .then(
        (res) => {
          const at = parseLsn(res.rows[0]?.lsn);
          if (at > r.replayed) r.replayed = at;
        },
        () => {
          r.downUntil = Date.now() + DOWN_MS;
        },
      )
      .finally(() => {
        r.checking = undefined;
      });
  }

  /** Ask every replica where it is now (at opening, so reads can use them at once). */
  async refreshAll(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (r) => {
        r.checkedAt = 0;
        this.refresh(r, Date.now());
        await r.checking;
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => {})));
  }
}
