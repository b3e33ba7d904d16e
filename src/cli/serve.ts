// `octavo serve`: the reading app over an archive until interrupted. With --workers N (or
// OCTAVO_WORKERS), N processes share the port (node:cluster): each opens the archive itself, which
// SQLite allows (WAL: readers never wait, writers take turns) and PostgreSQL is made for. Recent
// search answers are kept (OCTAVO_SEARCH_CACHE answers per process).
import cluster from 'node:cluster';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { serve } from '../web/serve.js';

/** The answers a server keeps when OCTAVO_SEARCH_CACHE is not set (0 turns the cache off). */
export const SERVE_CACHE_SIZE = 256;

export interface ServeCliOptions {
  db?: string;
  port?: string;
  host?: string;
  /** Processes serving requests (default 1: this process alone). */
  workers?: string;
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
    await runPrimary(location, workers);
    return undefined;
  }
  const archive = await openArchive(location);
  const port = Number(o.port ?? process.env.PORT ?? 8080);
  const server = await serve(archive, { port, hostname: o.host ?? '127.0.0.1' });
  if (cluster.isWorker) process.send!({ listening: server.url });
  else process.stderr.write(`Octavo is serving ${location} at ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await archive.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server.url;
}

/** The primary: brings the search index up to date once, then starts the workers and replaces any that die. */
async function runPrimary(location: string, workers: number): Promise<void> {
  // Opening for writing indexes works the index missed, once, before the workers would all try to.
  await (await openArchive(location)).close();

  let stopping = false;
  const listening = new Set<number>();
  const start = () => {
    const w = cluster.fork();
    w.on('message', (m: { listening?: string }) => {
      if (!m.listening || listening.has(w.id)) return;
      listening.add(w.id);
      if (listening.size === workers)
        process.stderr.write(`Octavo is serving ${location} at ${m.listening} (${workers} worker processes)\n`);
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
