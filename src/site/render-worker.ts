// A worker thread of the static build (src/site/render-pool.ts): opens the archive for reading, builds
// the web app over it and answers each page address it is sent with the app's status and HTML.
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../archive/open.js';
import { createApp } from '../web/app.js';
import { cachingStore } from './cache.js';

export interface RenderWorkerData {
  location: string;
  baseUrl: string;
}
export interface RenderJob {
  id: number;
  path: string;
}
export interface RenderReply {
  id: number;
  status: number;
  body?: string;
  error?: string;
}

const data = workerData as RenderWorkerData;
const archive = await openArchive(data.location, { mode: 'read' });
const store = cachingStore(archive.store);
const app = createApp({ store, search: archive.search, register: archive.register }, { baseUrl: data.baseUrl, log: () => {} });
parentPort!.on('message', async (job: RenderJob | 'close') => {
  if (job === 'close') {
    await archive.close();
    parentPort!.close();
    return;
  }
  try {
    const res = await app.request(job.path);
    parentPort!.postMessage({ id: job.id, status: res.status, body: await res.text() } satisfies RenderReply);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, status: 500, error: (e as Error).message } satisfies RenderReply);
  }
});
parentPort!.postMessage('ready');
