// `octavo serve`: the reading app over an archive until interrupted. With --workers N (or
// OCTAVO_WORKERS), N processes share the port (node:cluster): each opens the archive itself, which
// SQLite allows (WAL: readers never wait, writers take turns) and PostgreSQL is made for. Recent
// search answers are kept (OCTAVO_SEARCH_CACHE, see ../search/sqlite/answers.ts).
import cluster from 'node:cluster';
import { SERVE_CACHE_SIZE } from '../search/sqlite/answers.js';
import { catchUp } from '../search/sqlite/indexer.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { serve } from '../web/serve.js';
import { openStore } from './db.js';

export interface ServeCliOptions {
  port?: string;
  host?: string;
  /** Processes serving requests (default 1: this process alone). */
  workers?: string;
}

export function workerCount(o: ServeCliOptions): number {
  const n = Math.floor(Number(o.workers ?? process.env.OCTAVO_WORKERS ?? 1));
  return Number.isFinite(n) && n > 1 ? n : 1;
}

export async function runServe(location: string, o: ServeCliOptions): Promise<void> {
  // A server answers the same searches again and again: keep recent answers (per index version)
  // unless told otherwise. Workers inherit the setting.
  process.env.OCTAVO_SEARCH_CACHE ??= String(SERVE_CACHE_SIZE);
  const workers = workerCount(o);
  if (workers > 1 && cluster.isPrimary) return runPrimary(location, o, workers);
  const store = await openStore(location);
  const port = Number(o.port ?? process.env.PORT ?? 8080);
  const server = await serve(store, { port, hostname: o.host ?? '127.0.0.1' });
  if (cluster.isWorker) process.send!({ listening: server.url });
  else process.stderr.write(`Octavo is serving ${location} at ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The primary: brings the search index up to date once, then starts the workers and replaces any that die. */
async function runPrimary(location: string, o: ServeCliOptions, workers: number): Promise<void> {
  const store = await openStore(location);
  // Workers would otherwise all try to index missed works at their first search, one after another.
  if (store instanceof SqliteStore && !store.db.readonly) catchUp(store.db);
  await store.close();

  let stopping = false;
  const listening = new Set<number>();
  const start = () => {
    const w = cluster.fork();
    w.on('message', (m: { listening?: string }) => {
      if (!m.listening || listening.has(w.id)) return;
      listening.add(w.id);
      if (listening.size === workers) process.stderr.write(`Octavo is serving ${location} at ${m.listening} (${workers} worker processes)\n`);
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
      w!.once('exit', () => { if (--left === 0) process.exit(code); });
      w!.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', () => stop());
  process.once('SIGTERM', () => stop());
  for (let i = 0; i < workers; i++) start();
}
