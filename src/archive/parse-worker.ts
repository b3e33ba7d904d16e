// One parsing worker of the parse pool (parse-pool.ts): reads files with the importers, one at a time,
// under the nesting limit it was started with, and answers with what the importer returned.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDefaultRegister, PeopleRegister, type PersonEntry } from '../model/register.js';
import { importFile } from '../ingest/registry.js';
import type { ImportOutcome } from '../ingest/types.js';

/** What the pool starts a worker with. */
export interface WorkerData {
  maxDepth: number;
  /** The people register's entries, when it is not the default one. */
  register?: PersonEntry[];
}

/** One file to parse. */
export interface ParseJob {
  id: number;
  path: string;
  bytes: Uint8Array;
  format?: string;
}

export type WorkerReply = { ready: true } | { id: number; outcome: ImportOutcome };

if (parentPort) {
  // Parsing is background work: on Linux a thread has its own nice value, so this thread yields the
  // cores to the server's event loop when they are scarce (elsewhere it would lower the whole process).
  if (process.platform === 'linux') {
    try {
      setPriority(0, 10);
    } catch {
      // not permitted: parse at the normal priority
    }
  }
  const port = parentPort;
  const data = workerData as WorkerData;
  const register = data.register ? new PeopleRegister(data.register) : loadDefaultRegister();
  const ctx = { register, now: () => new Date().toISOString(), limits: { maxDepth: data.maxDepth } };
  port.on('message', (job: ParseJob) => {
    const outcome = importFile({ path: job.path, bytes: job.bytes }, ctx, job.format);
    port.postMessage({ id: job.id, outcome } satisfies WorkerReply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
