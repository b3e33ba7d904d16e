// An in-memory Store for tests of the layers above the store (web, site). Not a backend: nothing
// persists. It follows src/store/store.ts and the SQLite store's orderings, and passes the shared
// contract suite (src/store/store.contract.ts).
import { Collection, Work } from '../../src/model/work.js';
import { workChecksum } from '../../src/store/checksum.js';
import type {
  ChangeQuery, ChangeRecord, CollectionSummary, ListOptions, Neighbours, RevisionMeta, Store, UpsertStatus, WorkSummary,
} from '../../src/store/store.js';
import { pathKey, summarise } from '../../src/store/summary.js';
import { blockToLines } from '../../src/render/plain.js';
import type { SearchRequest, SearchResponse } from '../../src/search/types.js';

interface Entry { work: Work; checksum: string; updatedAt: string }
interface Change { id: string; updatedAt: string; deleted: boolean; collections: string[] }

const within = (path: string[], prefix: string[]) => prefix.every((seg, i) => path[i] === seg);
const byDate = (a: Work, b: Work) => {
  const da = a.written?.date?.start;
  const db = b.written?.date?.start;
  if (da === undefined || db === undefined) return da === db ? 0 : da === undefined ? 1 : -1;
  return da < db ? -1 : da > db ? 1 : 0;
};
const byId = (a: Work, b: Work) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Position of a work in exactly this collection; undefined sorts last. */
const positionIn = (w: Work, key: string) => {
  const ps = w.collections.filter((c) => pathKey(c.path) === key && c.position !== undefined).map((c) => c.position!);
  return ps.length ? Math.min(...ps) : undefined;
};
const byPosition = (key: string) => (a: Work, b: Work) => {
  const pa = positionIn(a, key);
  const pb = positionIn(b, key);
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
  return pa - pb;
};

export class MemoryStore implements Store {
  readonly capabilities = { concurrentWriters: false };
  private readonly works = new Map<string, Entry>();
  private readonly collections = new Map<string, { c: Collection; json: string }>();
  private readonly changes: Change[] = [];
  private lastStamp = '';
  /** Revision messages in order, so tests can check what a writer passed. */
  readonly log: { id: string; meta?: RevisionMeta }[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Strictly increasing ISO timestamps, so (updatedAt, id) order is the write order. */
  private stamp(): string {
    let t = this.clock().toISOString();
    if (t <= this.lastStamp) t = new Date(Date.parse(this.lastStamp) + 1).toISOString();
    return (this.lastStamp = t);
  }

  private write(work: Work, meta?: RevisionMeta): UpsertStatus {
    const checksum = workChecksum(work);
    const old = this.works.get(work.id);
    if (old?.checksum === checksum) return 'unchanged';
    const updatedAt = this.stamp();
    this.works.set(work.id, { work: structuredClone(work), checksum, updatedAt });
    this.changes.push({ id: work.id, updatedAt, deleted: false, collections: work.collections.map((c) => pathKey(c.path)) });
    this.log.push({ id: work.id, ...(meta ? { meta } : {}) });
    return old ? 'updated' : 'imported';
  }

  async upsertWork(work: Work, meta?: RevisionMeta): Promise<UpsertStatus> {
    return this.write(Work.parse(work), meta);
  }

  async upsertWorks(works: Work[], meta?: RevisionMeta): Promise<UpsertStatus[]> {
    const valid = works.map((w) => Work.parse(w)); // all valid, or nothing is written
    return valid.map((w) => this.write(w, meta));
  }

  async getWork(id: string): Promise<Work | undefined> {
    const e = this.works.get(id);
    return e ? structuredClone(e.work) : undefined;
  }

  async deleteWork(id: string, meta?: RevisionMeta): Promise<boolean> {
    const e = this.works.get(id);
    if (!e) return false;
    this.works.delete(id);
    this.changes.push({ id, updatedAt: this.stamp(), deleted: true, collections: e.work.collections.map((c) => pathKey(c.path)) });
    this.log.push({ id, ...(meta ? { meta } : {}) });
    return true;
  }

  private filtered(opts: ListOptions = {}): Entry[] {
    return [...this.works.values()].filter(({ work }) =>
      (!opts.author || work.authors.some((a) => a.id === opts.author)) &&
      (!opts.recipient || work.recipients.some((r) => r.id === opts.recipient)) &&
      (!opts.kind || work.kind === opts.kind) &&
      (!opts.collection?.length || work.collections.some((c) => within(c.path, opts.collection!))));
  }

  async listWorks(opts: ListOptions = {}): Promise<WorkSummary[]> {
    const rows = this.filtered(opts);
    const order = opts.order ?? 'date';
    const key = opts.collection?.length ? pathKey(opts.collection) : undefined;
    rows.sort((a, b) => {
      if (order === 'recent') return b.updatedAt.localeCompare(a.updatedAt) || byId(a.work, b.work);
      if (order === 'title') return a.work.title.toLowerCase().localeCompare(b.work.title.toLowerCase()) || byId(a.work, b.work);
      return (key ? byPosition(key)(a.work, b.work) : 0) || byDate(a.work, b.work) || byId(a.work, b.work);
    });
    const offset = opts.offset ?? 0;
    return rows
      .slice(offset, opts.limit === undefined ? undefined : offset + opts.limit)
      .map((e) => summarise(structuredClone(e.work), e.updatedAt));
  }

  async countWorks(opts?: ListOptions): Promise<number> {
    return this.filtered(opts).length;
  }

  async upsertCollection(c: Collection): Promise<UpsertStatus> {
    const valid = Collection.parse(c);
    const { importedAt: _t, ...provenance } = valid.provenance;
    const json = JSON.stringify({ ...valid, provenance });
    const old = this.collections.get(pathKey(valid.path));
    if (old?.json === json) return 'unchanged';
    this.collections.set(pathKey(valid.path), { c: structuredClone(valid), json });
    return old ? 'updated' : 'imported';
  }

  async getCollection(path: string[]): Promise<Collection | undefined> {
    const e = this.collections.get(pathKey(path));
    return e ? structuredClone(e.c) : undefined;
  }

  /** Like the SQLite store: every path a record or a work names, counted by works filed exactly there. */
  async listCollections(): Promise<CollectionSummary[]> {
    const found = new Map<string, CollectionSummary>();
    for (const { work } of this.works.values()) {
      for (const ref of work.collections) {
        const k = pathKey(ref.path);
        const s = found.get(k) ?? { path: ref.path, title: ref.titles?.[ref.path.length - 1] ?? ref.path[ref.path.length - 1]!, count: 0 };
        found.set(k, s);
      }
    }
    for (const s of found.values()) {
      s.count = [...this.works.values()].filter(({ work }) => work.collections.some((c) => pathKey(c.path) === pathKey(s.path))).length;
    }
    for (const { c } of this.collections.values()) {
      const s = found.get(pathKey(c.path));
      found.set(pathKey(c.path), { path: c.path, title: c.title, count: s?.count || c.members.length });
    }
    return [...found.values()].sort((a, b) => (pathKey(a.path) < pathKey(b.path) ? -1 : 1));
  }

  async neighbours(id: string, collection: string[]): Promise<Neighbours> {
    const key = pathKey(collection);
    const members = [...this.works.values()].filter(({ work }) => work.collections.some((c) => pathKey(c.path) === key));
    members.sort((a, b) => byPosition(key)(a.work, b.work) || byDate(a.work, b.work) || byId(a.work, b.work));
    const i = members.findIndex((e) => e.work.id === id);
    if (i < 0) return {};
    const at = (j: number) => (members[j] ? summarise(structuredClone(members[j].work), members[j].updatedAt) : undefined);
    const previous = at(i - 1);
    const next = at(i + 1);
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  }

  async listChanges(q: ChangeQuery): Promise<ChangeRecord[]> {
    // The latest change per id: a live work's last write, or its deletion.
    const latest = new Map<string, Change>();
    for (const ch of this.changes) latest.set(ch.id, ch);
    const lastLive = new Map<string, string[]>();
    for (const ch of this.changes) if (!ch.deleted) lastLive.set(ch.id, ch.collections);
    return [...latest.values()]
      .map((ch) => ({ ...ch, collections: ch.deleted ? lastLive.get(ch.id) ?? ch.collections : ch.collections }))
      .filter((ch) =>
        (!q.from || ch.updatedAt >= q.from) && (!q.until || ch.updatedAt <= q.until) &&
        (!q.after || ch.updatedAt > q.after.updatedAt || (ch.updatedAt === q.after.updatedAt && ch.id > q.after.id)) &&
        (!q.collection || ch.collections.some((c) => c === q.collection || c.startsWith(`${q.collection}/`))))
      .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1))
      .slice(0, q.limit);
  }

  async earliestChange(): Promise<string | undefined> {
    return this.changes[0]?.updatedAt;
  }

  /**
   * Naive search for tests of the layers above: every word of `q` (query syntax is not parsed)
   * must occur, case-insensitively, in the title or text. No stemming, no facets.
   */
  async search(req: SearchRequest): Promise<SearchResponse> {
    const t0 = performance.now();
    const words = req.q.toLowerCase().split(/\s+/).filter(Boolean);
    const pageSize = Math.min(Math.max(req.pageSize ?? 20, 1), 100);
    const page = Math.max(req.page ?? 1, 1);
    const sort = req.sort ?? (words.length ? 'relevance' : 'date');
    const esc = (x: string) => x.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const scored = words.length === 0 ? [] : [...this.works.values()].flatMap((e) => {
      const text = [e.work.title, ...e.work.body.flatMap((b) => blockToLines(b))].join('\n').toLowerCase();
      const counts = words.map((w) => text.split(w).length - 1);
      return counts.every((n) => n > 0) ? [{ e, score: counts.reduce((a, b) => a + b, 0) }] : [];
    });
    scored.sort((a, b) => (sort === 'relevance' ? b.score - a.score : 0) ||
      (sort === 'date-desc' ? -byDate(a.e.work, b.e.work) : byDate(a.e.work, b.e.work)) || byId(a.e.work, b.e.work));
    const hits = scored.slice((page - 1) * pageSize, page * pageSize).map(({ e, score }) => {
      const s = summarise(e.work, e.updatedAt);
      return {
        id: s.id, kind: s.kind, title: s.title, titleHtml: esc(s.title), language: s.language,
        ...(s.date ? { date: s.date } : {}), ...(s.dateText ? { dateText: s.dateText } : {}),
        authors: s.authors, recipients: s.recipients, snippets: [], score,
      };
    });
    return {
      q: req.q, total: scored.length, page, pageSize, pages: Math.ceil(scored.length / pageSize), sort, hits,
      facets: [], expansions: words.map((word) => ({ word, terms: [word], aliases: [], variants: [] })),
      tookMs: performance.now() - t0,
    };
  }

  async close(): Promise<void> {}
}

export async function memoryStore(works: Work[] = [], collections: Collection[] = []): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.upsertWorks(works);
  for (const c of collections) await store.upsertCollection(c);
  return store;
}

/**
 * A copy of `base` under another id, filed in `collection` at `position`: neighbours for
 * previous/next tests. The copy keeps the base's header but gets its own short text and no notes.
 */
export function workVariant(
  base: Work,
  o: { id: string; title: string; day: string; collection: string[]; titles?: string[]; position?: number },
  patch: Partial<Work> = {},
): Work {
  const [y, m, d] = o.day.split('-');
  return {
    ...structuredClone(base),
    id: o.id,
    title: o.title,
    written: { date: { text: `${d}.${m}.${y}`, iso: o.day, precision: 'day', start: o.day, end: o.day } },
    body: [{ type: 'paragraph', content: [{ type: 'text', text: `Text of ${o.title}.` }] }],
    notes: [],
    collections: [{ path: o.collection, ...(o.titles ? { titles: o.titles } : {}), ...(o.position !== undefined ? { position: o.position } : {}) }],
    ...patch,
  };
}
