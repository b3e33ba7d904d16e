// Parsing uploaded files off the event loop: a few worker threads run the importers, so a file that is
// slow or costly to parse never holds up the requests of others. Each parse has a wall-time limit and
// each worker a heap limit; a worker that goes past either is terminated (a fresh one starts when the
// next file comes), and the caller gets a refusal that names the file and what happened. Workers start
// on first use, keep the process alive only while they parse (an idle one is unref'd), and run the compiled
// parse-worker.js from dist/ — or, under vitest or tsx, parse-worker.ts through tsx.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadDefaultRegister, type PeopleRegister } from '../model/register.js';
import type { ImportOutcome, SourceFile } from '../ingest/types.js';
import type { ParseJob, WorkerData, WorkerReply } from './parse-worker.js';

export interface ParseLimits {
  /** Longest one file may take to parse, in ms (OCTAVO_PARSE_TIMEOUT_MS, default 10,000). */
  timeoutMs: number;
  /** Heap a parsing worker may use, in MB (OCTAVO_PARSE_MEMORY_MB, default 512). */
  memoryMb: number;
  /** Deepest nesting of elements, quotes, lists the importers accept (default 2,000). */
  maxDepth: number;
  /** Worker threads parsing at once (OCTAVO_PARSE_WORKERS, default the cores, 2 to 4). */
  workers: number;
  /** Files waiting for a worker before further ones are refused as busy (default 8 per worker). */
  maxQueue: number;
}

/** Why a file was not parsed: too slow, too much memory, the worker died, or every worker is busy. */
export interface ParseRefusal {
  reason: 'timeout' | 'memory' | 'crashed' | 'busy';
  /** A sentence naming the file, e.g. "a.xml: took longer than 10 s to parse; nothing was imported". */
  message: string;
}

export type ParseResult = { outcome: ImportOutcome; refused?: never } | { refused: ParseRefusal; outcome?: never };

export interface ParsePool {
  readonly limits: ParseLimits;
  /** Parse one file with the importer `format` names, or the one detection picks. Never rejects. */
  parse(file: SourceFile, format?: string): Promise<ParseResult>;
  /** Stop every worker; files still parsing are refused. */
  close(): Promise<void>;
}

const positive = (v: string | undefined): number | undefined => {
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
};

/** The limits from the environment, with the defaults for what it does not set. */
export function parseLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ParseLimits {
  const workers = Math.floor(positive(env.OCTAVO_PARSE_WORKERS) ?? Math.min(4, Math.max(2, availableParallelism() - 1)));
  return {
    timeoutMs: positive(env.OCTAVO_PARSE_TIMEOUT_MS) ?? 10_000,
    memoryMb: positive(env.OCTAVO_PARSE_MEMORY_MB) ?? 512,
    maxDepth: 2000,
    workers,
    maxQueue: workers * 8,
  };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;

function refusalMessage(file: string, reason: ParseRefusal['reason'], l: ParseLimits): string {
  switch (reason) {
    case 'timeout':
      return `${file}: took longer than ${seconds(l.timeoutMs)} to parse, so parsing was stopped; nothing was imported`;
    case 'memory':
      return `${file}: needed more than ${l.memoryMb} MB of memory to parse, so parsing was stopped; nothing was imported`;
    case 'busy':
      return `${file}: every parser is busy with other uploads; nothing was imported, try again in a few seconds`;
    default:
      return `${file}: the parser stopped unexpectedly while reading it; nothing was imported`;
  }
}

/** How to start a worker: the compiled .js as it is, the .ts source through tsx's loader. */
function workerEntry(): { entry: URL | string; eval: boolean } {
  const self = import.meta.url;
  if (!/\.ts$/.test(new URL(self).pathname)) return { entry: new URL('./parse-worker.js', self), eval: false };
  // Node 20 does not apply a worker's --import loader hooks to the worker's own entry, so the
  // worker registers tsx itself and then imports the source.
  const require = createRequire(self);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const target = new URL('./parse-worker.ts', self).href;
  return {
    entry: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`,
    eval: true,
  };
}

/** The process's Node options, less those a worker cannot take (the script of `node -e`, `--input-type`). */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const given = process.execArgv;
  for (let i = 0; i < given.length; i++) {
    const a = given[i]!;
    if (a === '--input-type' || ['-e', '--eval', '-p', '--print'].includes(a)) i++;
    else if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}

interface Job {
  id: number;
  file: SourceFile;
  format: string | undefined;
  resolve: (r: ParseResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  /** Why this pool stopped the worker, when it did. */
  stoppedFor?: ParseRefusal['reason'];
  error?: unknown;
}

export interface ParsePoolOptions extends Partial<ParseLimits> {
  /** The people register the importers resolve names with (default: the one shipped). */
  register?: PeopleRegister;
  /** Where a worker that failed for reasons of its own (not a file's time or memory) is reported; default console.error. */
  log?: (message: string, err: unknown) => void;
}

export function createParsePool(o: ParsePoolOptions = {}): ParsePool {
  const { register, log = (m: string, e: unknown) => console.error(m, e), ...given } = o;
  const limits: ParseLimits = { ...parseLimitsFromEnv(), ...given };
  const data: WorkerData = {
    maxDepth: limits.maxDepth,
    ...(register && register !== loadDefaultRegister() ? { register: register.entries } : {}),
  };
  const queue: Job[] = [];
  const idle: Slot[] = [];
  const slots = new Set<Slot>();
  let starting = 0;
  let nextId = 1;
  let closed = false;
  let failedStarts = 0;

  const refuse = (job: Job, reason: ParseRefusal['reason']) => {
    if (job.timer) clearTimeout(job.timer);
    job.resolve({ refused: { reason, message: refusalMessage(job.file.path, reason, limits) } });
  };

  function run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    job.timer = setTimeout(() => {
      slot.stoppedFor = 'timeout';
      void slot.worker.terminate();
    }, limits.timeoutMs);
    // A whole ArrayBuffer moves to the worker without a copy; a view into a larger one is copied first.
    const given = job.file.bytes;
    const whole = given.byteOffset === 0 && given.byteLength === given.buffer.byteLength && given.buffer instanceof ArrayBuffer;
    const bytes = whole ? given : given.slice();
    const msg: ParseJob = { id: job.id, path: job.file.path, bytes, ...(job.format ? { format: job.format } : {}) };
    slot.worker.postMessage(msg, [bytes.buffer as ArrayBuffer]);
  }

  /** An idle worker does not keep the process alive; one with a file to parse (or starting for one) does. */
  function free(slot: Slot): void {
    const job = queue.shift();
    if (job) run(slot, job);
    else {
      idle.push(slot);
      slot.worker.unref();
    }
  }

  function spawn(): void {
    const how = workerEntry();
    const worker = new Worker(how.entry, {
      eval: how.eval,
      execArgv: workerExecArgv(),
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    slots.add(slot);
    starting++;
    worker.on('message', (m: WorkerReply) => {
      if (slot.stoppedFor) return; // being terminated: its answer came too late
      if ('ready' in m) {
        slot.ready = true;
        starting--;
        failedStarts = 0;
        free(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      clearTimeout(job.timer);
      slot.job = undefined;
      job.resolve({ outcome: m.outcome });
      free(slot);
    });
    worker.on('error', (e) => {
      slot.error = e;
      if ((e as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') log('a parse worker failed', e);
    });
    worker.on('exit', () => {
      slots.delete(slot);
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      if (!slot.ready) {
        starting--;
        // A worker that cannot even start (a broken install) would fail again: refuse a waiting
        // file rather than restart forever.
        if (++failedStarts >= 3 && queue.length) refuse(queue.shift()!, 'crashed');
      }
      const job = slot.job;
      slot.job = undefined;
      if (job) {
        const oom = (slot.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        refuse(job, slot.stoppedFor ?? (oom ? 'memory' : 'crashed'));
      }
      if (!closed) grow();
    });
  }

  /** Start workers for waiting files, up to the limit. */
  function grow(): void {
    while (queue.length > starting && slots.size < limits.workers) spawn();
  }

  return {
    limits,
    parse(file, format) {
      return new Promise<ParseResult>((resolve) => {
        const job: Job = { id: nextId++, file, format, resolve };
        if (closed) return refuse(job, 'crashed');
        const slot = idle.pop();
        if (slot) return run(slot, job);
        if (queue.length >= limits.maxQueue) return refuse(job, 'busy');
        queue.push(job);
        grow();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) refuse(job, 'crashed');
      await Promise.all([...slots].map((s) => s.worker.terminate()));
    },
  };
}

let shared: ParsePool | undefined;
/** One pool for the process, with the limits from the environment and the default people register. */
export const sharedParsePool = (): ParsePool => (shared ??= createParsePool());
