// The JSON API over works (mounted at /api). Reads are public; writes need a bearer token with the
// editor role and each becomes a revision with the token's name, the time and a message.
//   GET    /works                      list (limit, offset, author, recipient, kind, collection)
//   GET    /works/<id>                 the Work record
//   GET    /works/<id>/revisions[/<n>] the revision log, or one revision with the work as it was
//   POST   /works                      Work JSON ({work, message} or a bare Work), a source file body
//                                      (text/html, text/plain, application/tei+xml, text/markdown) or a
//                                      multipart upload (field "file", one or more; field "message");
//                                      a work from a source file whose id another source already holds
//                                      gets "-2", "-3"… (the rule of `octavo import`)
//   PUT    /works/<id>                 replace one work (Work JSON or a source file giving one work)
//   DELETE /works/<id>                 delete (kept in the revision log; restorable)
//   POST   /works/<id>/restore         {revision: n, message?}: make an old revision current again
// The message may also come as an X-Octavo-Message header (percent-encoded where not ASCII).
// Source files are parsed in the parse pool's worker threads (src/archive/parse-pool.ts), never on the
// event loop, under its time, memory and nesting limits. A deleted work answers 410 with its deletion.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { formatDiagnostic, type Diagnostic } from '../../model/diagnostics.js';
import type { PeopleRegister } from '../../model/register.js';
import { type Collection, Work } from '../../model/work.js';
import type { RevisionMeta, Store, UpsertStatus } from '../../store/store.js';
import type { Auth } from '../../archive/tokens.js';
import { uniqueId } from '../../archive/import.js';
import { createParsePool, type ParsePool, sharedParsePool } from '../../archive/parse-pool.js';
import { principalOf, requireRole } from '../auth.js';
import { clientAddress, limitsWith, RateLimiter, sizeLimit, timeLimit, tooMany, type Limits } from '../limits.js';
import { deletionOf } from '../tombstone.js';
import { securityHeaders } from '../security.js';
import { resolvedWork } from '../../archive/books.js';
import { ownFields, type ResolvedWork } from '../../model/inherit.js';

export interface ApiOptions {
  limits?: Partial<Limits>;
  register?: PeopleRegister;
  /** Where server errors are reported (default console.error). */
  log?: (message: string, err: unknown) => void;
  /** The worker pool that parses source files (default: the process's, limits from the environment). */
  parser?: ParsePool;
}

/** Source media types and the file extension detection sees for them. */
const SOURCE_TYPES: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/plain': '.txt',
  'application/tei+xml': '.xml',
  'application/xml': '.xml',
  'text/xml': '.xml',
  'text/markdown': '.md',
};
const MAX_MESSAGE = 2000;

interface Submission {
  works: Work[];
  collections: Collection[];
  message?: string;
  diagnostics: Diagnostic[];
  /** The works were read from source files (their ids derived, not given). */
  fromSource: boolean;
}

const fail = (
  status: 400 | 404 | 409 | 410 | 413 | 415 | 422 | 503,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => new HTTPException(status, { res: Response.json({ error, message, ...extra }, { status, headers }) });

function cleanMessage(m: unknown): string | undefined {
  if (typeof m !== 'string' || !m.trim()) return undefined;
  return m.trim().slice(0, MAX_MESSAGE);
}

function headerMessage(c: Context): string | undefined {
  const h = c.req.header('X-Octavo-Message');
  if (h === undefined) return undefined;
  try {
    return cleanMessage(decodeURIComponent(h));
  } catch {
    return cleanMessage(h);
  }
}

/** A safe display name for an uploaded file: its base name, or "upload" with the type's extension. */
function uploadName(given: string | undefined, ext: string): string {
  const base = (given ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[^\w.@-]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return base || `upload${ext}`;
}

function parseWork(value: unknown): Work {
  // A record as GET returns it carries what it inherits from its books, marked: those are not its own.
  const own =
    value && typeof value === 'object' && Array.isArray((value as ResolvedWork).inherited) ? ownFields(value as ResolvedWork) : value;
  const r = Work.safeParse(own);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw fail(
      422,
      'invalid_work',
      `the Work record is not valid: ${issues
        .slice(0, 3)
        .map((i) => `${i.path || '(root)'}: ${i.message}`)
        .join('; ')}`,
      { issues },
    );
  }
  return r.data;
}

/** Status and error code of each way the parse pool refuses a file. */
const REFUSALS = {
  timeout: [422, 'parse_timeout'],
  memory: [413, 'parse_memory'],
  crashed: [422, 'parse_failed'],
  busy: [503, 'busy'],
} as const;

/** Parse one uploaded file in the parse pool; refusals and importer errors become 4xx answers naming the file. */
async function importSource(name: string, bytes: Uint8Array, parser: ParsePool): Promise<Omit<Submission, 'message'>> {
  const r = await parser.parse({ path: name, bytes });
  if (r.refused) {
    const [status, error] = REFUSALS[r.refused.reason];
    throw fail(status, error, r.refused.message, { file: name }, status === 503 ? { 'Retry-After': '5' } : {});
  }
  const outcome = r.outcome;
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw fail(422, 'invalid_source', errors.map(formatDiagnostic).join('\n'), { file: name, diagnostics: outcome.diagnostics });
  }
  return { works: outcome.works, collections: outcome.collections, diagnostics: outcome.diagnostics, fromSource: true };
}

async function readSubmission(c: Context, parser: ParsePool): Promise<Submission> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const message = headerMessage(c) ?? cleanMessage(c.req.query('message'));
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw fail(400, 'bad_json', 'the body is not valid JSON');
    }
    const envelope =
      body && typeof body === 'object' && 'work' in body && !('id' in body) ? (body as { work: unknown; message?: unknown }) : undefined;
    const work = parseWork(envelope ? envelope.work : body);
    return { works: [work], collections: [], message: message ?? cleanMessage(envelope?.message), diagnostics: [], fromSource: false };
  }
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody({ all: true });
    const files = ([] as unknown[]).concat(form.file ?? []).filter((f): f is File => f instanceof File);
    if (!files.length) throw fail(400, 'no_file', 'the upload has no "file" field');
    const out: Submission = {
      works: [],
      collections: [],
      message: message ?? cleanMessage(form.message),
      diagnostics: [],
      fromSource: true,
    };
    for (const f of files) {
      const one = await importSource(uploadName(f.name, '.txt'), new Uint8Array(await f.arrayBuffer()), parser);
      out.works.push(...one.works);
      out.collections.push(...one.collections);
      out.diagnostics.push(...one.diagnostics);
    }
    return out;
  }
  const ext = SOURCE_TYPES[type];
  if (!ext)
    throw fail(
      415,
      'unsupported_type',
      `send application/json, multipart/form-data or a source file (${Object.keys(SOURCE_TYPES).join(', ')})`,
    );
  const name = uploadName(c.req.header('X-Octavo-Filename'), ext);
  return { ...(await importSource(name, new Uint8Array(await c.req.arrayBuffer()), parser)), message };
}

const latestRevision = async (store: Store, id: string) => (await store.listRevisions?.(id))?.at(-1)?.n;

/** Make revision `n` of a work current again (also undeletes). Unchanged when it already is. */
export async function restoreRevision(store: Store, id: string, n: number, meta: RevisionMeta): Promise<UpsertStatus> {
  const rev = await store.getRevision?.(id, n);
  if (!rev) throw fail(404, 'no_revision', `work "${id}" has no revision ${n}`);
  if (!rev.work) throw fail(409, 'deleted_revision', `revision ${n} of "${id}" is a deletion; restore an earlier one`);
  return store.upsertWork(rev.work, { ...meta, message: meta.message ?? `restore revision ${n}` });
}

export function apiWorkRoutes(store: Store, auth: Auth, opts: ApiOptions = {}): Hono {
  const limits = limitsWith(opts.limits);
  const parser = opts.parser ?? (opts.register ? createParsePool({ register: opts.register }) : sharedParsePool());
  const address = (c: Context) => clientAddress(c, limits.trustProxy);
  const writes = new RateLimiter(limits.writesPerMinute, limits.writeBurst);
  const failures = new RateLimiter(limits.authFailuresPerMinute, limits.authFailuresPerMinute);
  const api = new Hono();

  api.use('*', securityHeaders());
  api.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', c.req.method === 'GET' ? 'no-cache' : 'no-store');
  });
  const read = timeLimit(limits.requestTimeoutMs);
  const write = [
    // Failed attempts are counted per address, and past the limit answered 429 instead of 401; a
    // valid token is let through all the same (others' failures from a shared address never lock it out).
    requireRole(auth, 'editor', (c) => {
      const wait = failures.blocked(address(c));
      if (wait) return tooMany(c, wait);
      failures.take(address(c));
      return undefined;
    }),
    async (c: Context, next: () => Promise<void>) => {
      const wait = writes.take(principalOf(c).name);
      if (wait) return tooMany(c, wait);
      await next();
    },
    sizeLimit(limits.maxBodyBytes),
  ] as const;
  const meta = (c: Context, message: string | undefined): RevisionMeta => ({
    author: principalOf(c).name,
    ...(message ? { message } : {}),
  });
  // Each suffix route has its own pattern: Hono does not keep registration order between routes
  // sharing one regex parameter (`:id{.+}/revisions` would lose to `:id{.+}`).
  const idOf = (c: Context, suffix = /$/) => c.req.param('id')!.replace(suffix, '').replace(/\/+$/, '');
  const REVISION = /\/revisions\/([0-9]+)$/;
  /** 410 with the time of deletion for a work that was deleted, else 404. */
  const missing = async (id: string) => {
    const gone = await deletionOf(store, id);
    return gone
      ? fail(410, 'gone', `the work "${id}" was deleted on ${gone.deletedAt}`, { id, deletedAt: gone.deletedAt })
      : fail(404, 'not_found', `no work with id "${id}"`);
  };
  /**
   * Works read from source files keep their derived ids unless another source holds one: then "-2",
   * "-3"… as `octavo import` does (the same file name, or the same bytes, is the same source and
   * updates it; a CMIF register entry never replaces a full text).
   */
  const ownIds = async (works: Work[]) => {
    const claimed = new Map();
    const out: Work[] = [];
    for (const w of works) {
      const id = await uniqueId(store, w, w.provenance.file, claimed);
      if (id) out.push(id === w.id ? w : { ...w, id });
    }
    return out;
  };

  api.get('/works', read, async (c) => {
    const num = (k: string, max: number, dflt: number) => Math.min(max, Math.max(0, Number.parseInt(c.req.query(k) ?? '', 10) || dflt));
    const filter = {
      ...(c.req.query('author') ? { author: c.req.query('author') } : {}),
      ...(c.req.query('recipient') ? { recipient: c.req.query('recipient') } : {}),
      ...(c.req.query('kind') ? { kind: c.req.query('kind') } : {}),
      ...(c.req.query('collection') ? { collection: c.req.query('collection')!.split('/').filter(Boolean) } : {}),
    };
    const [total, works] = await Promise.all([
      store.countWorks(filter),
      store.listWorks({ ...filter, order: 'date', limit: num('limit', 1000, 100), offset: num('offset', 1e9, 0) }),
    ]);
    return c.json({ total, works });
  });

  api.get('/works/:id{.+/revisions/[0-9]+}', read, async (c) => {
    const rev = await store.getRevision?.(idOf(c, REVISION), Number(REVISION.exec(c.req.param('id'))![1]));
    if (!rev) throw fail(404, 'not_found', 'no such revision');
    return c.json(rev);
  });

  api.get('/works/:id{.+/revisions}', read, async (c) => {
    const id = idOf(c, /\/revisions$/);
    const revisions = (await store.listRevisions?.(id)) ?? [];
    if (!revisions.length) throw fail(404, 'not_found', 'no revisions for this id');
    return c.json({ id, revisions });
  });

  api.get('/works/:id{.+}', read, async (c) => {
    const work = await store.getWork(idOf(c));
    if (!work) throw await missing(idOf(c));
    return c.json(await resolvedWork(store, work));
  });

  api.post('/works/:id{.+/restore}', ...write, async (c) => {
    let body: { revision?: unknown; message?: unknown } = {};
    if ((c.req.header('Content-Type') ?? '').includes('json'))
      body = await c.req.json().catch(() => {
        throw fail(400, 'bad_json', 'the body is not valid JSON');
      });
    const n = Number(body.revision ?? c.req.query('revision'));
    if (!Number.isInteger(n) || n < 1) throw fail(400, 'bad_revision', 'give {"revision": n} with n ≥ 1');
    const id = idOf(c, /\/restore$/);
    const status = await restoreRevision(store, id, n, meta(c, headerMessage(c) ?? cleanMessage(body.message)));
    return c.json({ id, status, revision: await latestRevision(store, id) });
  });

  api.post('/works', ...write, async (c) => {
    const sub = await readSubmission(c, parser);
    if (sub.fromSource) sub.works = await ownIds(sub.works);
    const statuses = sub.works.length ? await store.upsertWorks(sub.works, meta(c, sub.message)) : [];
    for (const col of sub.collections) await store.upsertCollection(col);
    const works = await Promise.all(
      sub.works.map(async (w, i) => ({ id: w.id, status: statuses[i], revision: await latestRevision(store, w.id) })),
    );
    const created = statuses.includes('imported');
    if (created && works.length === 1) c.header('Location', `/api/works/${works[0]!.id}`);
    const warnings = sub.diagnostics.filter((d) => d.severity === 'warning');
    return c.json({ works, collections: sub.collections.map((x) => x.path.join('/')), warnings }, created ? 201 : 200);
  });

  api.put('/works/:id{.+}', ...write, async (c) => {
    const id = idOf(c);
    const sub = await readSubmission(c, parser);
    if (sub.works.length !== 1) throw fail(422, 'not_one_work', `PUT takes exactly one work; this body gives ${sub.works.length}`);
    const given = sub.works[0]!;
    const isJson = (c.req.header('Content-Type') ?? '').includes('json');
    if (isJson && given.id !== id) throw fail(400, 'id_mismatch', `the body's id "${given.id}" is not the URL's "${id}"`);
    const work = parseWork({ ...given, id });
    const status = await store.upsertWork(work, meta(c, sub.message));
    return c.json({ id, status, revision: await latestRevision(store, id) }, status === 'imported' ? 201 : 200);
  });

  api.delete('/works/:id{.+}', ...write, async (c) => {
    const id = idOf(c);
    if (!(await store.deleteWork(id, meta(c, headerMessage(c) ?? cleanMessage(c.req.query('message')))))) throw await missing(id);
    return c.json({ id, deleted: true, revision: await latestRevision(store, id) });
  });

  api.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) return err.getResponse();
    if (err instanceof HTTPException && err.status === 503) return err.getResponse();
    (opts.log ?? console.error)(`${c.req.method} ${c.req.path} failed`, err);
    return c.json({ error: 'server_error', message: 'the request failed; it has been logged' }, 500);
  });
  return api;
}
