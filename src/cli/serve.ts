// `octavo serve`: the reading app over an archive until interrupted. With --workers N (or
// OCTAVO_WORKERS), N processes share the port (node:cluster): each opens the archive itself, which
// SQLite allows (WAL: readers never wait, writers take turns) and PostgreSQL is made for. Recent
// search answers are kept (OCTAVO_SEARCH_CACHE answers per process). With --replica URL (PostgreSQL),
// reads go to streaming replicas and writes to the primary (--db); each process reads its own writes, and
// workers tell each other (through the primary process) where their writes are, so a client reads back
// what it wrote whichever worker serves it next.
import cluster, { type Worker } from 'node:cluster';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import type { WritePositions } from '../store/store.js';
import { serve } from '../web/serve.js';

/** The answers a server keeps when OCTAVO_SEARCH_CACHE is not set (0 turns the cache off). */
export const SERVE_CACHE_SIZE = 256;

export interface ServeCliOptions {
  db?: string;
  port?: string;
  host?: string;
  /** Processes serving requests (default 1: this process alone). */
  workers?: string;
  /** PostgreSQL streaming replicas to read from. */
  replica?: string[];
}

export function workerCount(o: ServeCliOptions): number {
  const n = Math.floor(Number(o.workers ?? process.env.OCTAVO_WORKERS ?? 1));
  return Number.isFinite(n) && n > 1 ? n : 1;
}

/** Serves until SIGINT/SIGTERM; resolves with the address once listening (in a single process). */
export async function serveCommand(o: ServeCliOptions): Promise<string | undefined> {
  const location = archiveLocation(o.db);
  // A server answers the same searches again and again: keep recent answers (per index version)
  // unless told otherwise. Workers inherit the setting.
  process.env.OCTAVO_SEARCH_CACHE ??= String(SERVE_CACHE_SIZE);
  const workers = workerCount(o);
  if (workers > 1 && cluster.isPrimary) {
    await runPrimary(location, workers, o.replica?.length ? o.replica : undefined);
    return undefined;
  }
  const archive = await openArchive(location, o.replica?.length ? { replicas: o.replica } : {});
  const port = Number(o.port ?? process.env.PORT ?? 8080);
  const server = await serve(archive, { port, hostname: o.host ?? '127.0.0.1' });
  if (cluster.isWorker) {
    shareWrites(archive.store.writePositions);
    process.send!({ listening: server.url });
  } else process.stderr.write(`Octavo is serving ${location}${readsFrom(o)} at ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await archive.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server.url;
}

const readsFrom = (o: ServeCliOptions) =>
  o.replica?.length ? ` (reads from ${o.replica.length} replica${o.replica.length > 1 ? 's' : ''})` : '';

/** Messages between workers and the primary about writes' positions. */
interface WriteMessage {
  /** worker → primary: I wrote up to here (`id`: answer me once the others know). primary → worker: another wrote up to here. */
  wrote?: string;
  id?: number;
  /** primary → worker: the others know of your write `told`. */
  told?: number;
  /** worker → primary: noted the position of relay `heard`. */
  heard?: number;
}

/** A worker's part: each write completes once every other worker knows its position (or after 2 s). */
function shareWrites(positions: WritePositions | undefined): void {
  if (!positions) return;
  let next = 0;
  const waiting = new Map<number, () => void>();
  positions.onWrite(
    (wrote) =>
      new Promise<void>((done) => {
        const id = ++next;
        const timer = setTimeout(() => waiting.get(id)?.(), 2_000);
        waiting.set(id, () => {
          clearTimeout(timer);
          waiting.delete(id);
          done();
        });
        process.send!({ wrote, id } satisfies WriteMessage);
      }),
  );
  process.on('message', (m: WriteMessage) => {
    if (m.told !== undefined) waiting.get(m.told)?.();
    else if (m.wrote && m.heard !== undefined) {
      positions.wrote(m.wrote);
      process.send!({ heard: m.heard } satisfies WriteMessage);
    }
  });
}

/** The primary's part: relays a worker's write position to the others and tells it when they all have it. */
function relayWrites(): (from: Worker, m: WriteMessage) => void {
  let next = 0;
  const pending = new Map<number, { left: number; writer: Worker; id: number }>();
  const settle = (relay: number) => {
    const p = pending.get(relay);
    if (!p || --p.left > 0) return;
    pending.delete(relay);
    if (p.writer.isConnected()) p.writer.send({ told: p.id } satisfies WriteMessage);
  };
  return (from, m) => {
    if (m.heard !== undefined) return settle(m.heard);
    if (!m.wrote || m.id === undefined) return;
    const others = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w !== from && w.isConnected());
    const relay = ++next;
    pending.set(relay, { left: others.length + 1, writer: from, id: m.id });
    for (const w of others) w.send({ wrote: m.wrote, heard: relay } satisfies WriteMessage);
    settle(relay);
  };
}

/** The primary: brings the search index up to date once, then starts the workers and replaces any that die. */
async function runPrimary(location: string, workers: number, replicas: string[] | undefined): Promise<void> {
  // Opening for writing indexes works the index missed, once, before the workers would all try to.
  await (await openArchive(location)).close();
  const relay = relayWrites();

  let stopping = false;
  const listening = new Set<number>();
  const start = () => {
    const w = cluster.fork();
    w.on('message', (m: { listening?: string } & WriteMessage) => {
      relay(w, m);
      if (!m.listening || listening.has(w.id)) return;
      listening.add(w.id);
      if (listening.size === workers) {
        const reads = replicas ? `, reading from ${replicas.length} replica${replicas.length > 1 ? 's' : ''}` : '';
        process.stderr.write(`Octavo is serving ${location} at ${m.listening} (${workers} worker processes${reads})\n`);
      }
    });
    w.on('exit', (code, signal) => {
      const served = listening.delete(w.id);
      if (stopping) return;
      if (!served) {
        // It died before listening (a port in use, an archive it cannot open): more would die the same way.
        process.stderr.write(`a worker failed to start (${signal ?? code}); stopping\n`);
        stop(1);
        return;
      }
      process.stderr.write(`a worker stopped (${signal ?? code}); starting another\n`);
      start();
    });
  };
  const stop = (code = 0) => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (!alive.length) process.exit(code);
    let left = alive.length;
    for (const w of alive) {
      w!.once('exit', () => {
        if (--left === 0) process.exit(code);
      });
      w!.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', () => stop());
  process.once('SIGTERM', () => stop());
  for (let i = 0; i < workers; i++) start();
}
