// Pages of the static build rendered in worker threads, each with its own connection to the archive
// (src/site/render-worker.ts), while the main thread writes exports and the search index. Workers
// start from the compiled .js, or from the .ts source through tsx (as the parse pool does).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderWorkerData } from './render-worker.js';

export interface Rendered {
  status: number;
  body: string;
}

export interface RenderPool {
  render(path: string): Promise<Rendered>;
  close(): Promise<void>;
}

function workerEntry(): { entry: URL | string; eval: boolean } {
  const self = import.meta.url;
  if (!/\.ts$/.test(new URL(self).pathname)) return { entry: new URL('./render-worker.js', self), eval: false };
  const require = createRequire(self);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const target = new URL('./render-worker.ts', self).href;
  return { entry: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, eval: true };
}

/** `size` workers over the archive at `location`; each page goes to the worker with the fewest waiting. */
export async function renderPool(location: string, baseUrl: string, size: number): Promise<RenderPool> {
  const how = workerEntry();
  const data: RenderWorkerData = { location, baseUrl };
  const waiting = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void; path: string }>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, (_, i) => {
      const w = new Worker(how.entry, { eval: how.eval, workerData: data });
      workers.push(w);
      load.push(0);
      return new Promise<void>((ready, failed) => {
        w.once('error', failed);
        w.on('message', (m: RenderReply | 'ready') => {
          if (m === 'ready') return ready();
          const job = waiting.get(m.id);
          if (!job) return;
          waiting.delete(m.id);
          load[i]!--;
          if (m.error !== undefined) job.reject(new Error(`${job.path}: ${m.error}`));
          else job.resolve({ status: m.status, body: m.body ?? '' });
        });
      });
    }),
  );
  return {
    render(path) {
      const id = next++;
      let k = 0;
      for (let i = 1; i < load.length; i++) if (load[i]! < load[k]!) k = i;
      load[k]!++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, path });
        workers[k]!.postMessage({ id, path });
      });
    },
    async close() {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((done) => {
              w.once('exit', () => done());
              w.postMessage('close');
              setTimeout(() => void w.terminate(), 5000).unref();
            }),
        ),
      );
    },
  };
}
