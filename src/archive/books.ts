// Books, volumes and their members as readers meet them: a collection's contents resolved to the
// works and sub-collections the archive holds (by where each entry points, whatever order things were
// imported in), a work with what it inherits from its books' title pages, and its neighbours in
// contents order. Everything is resolved when read: the stored records stay as their sources gave them.
import { ancestorPaths, inheritFrom, type ResolvedWork } from '../model/inherit.js';
import { hrefKeys, sourceKeys, workKey } from '../model/sources.js';
import type { Contents, ContentsEntry } from '../model/contents.js';
import { pathKey, type WorkSummary } from '../model/summary.js';
import type { Collection, Work } from '../model/work.js';
import type { Store } from '../store/store.js';

/** Parts within parts are resolved this deep; deeper ones are linked, not expanded. */
const MAX_DEPTH = 4;

function absolute(href: string, base: string | undefined): string | undefined {
  if (/^https?:\/\//i.test(href)) return href;
  if (!base) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * A collection's contents, resolved. `seen` guards against index pages that list each other. A
 * collection without an index page has no entries: its works are all "others".
 */
export async function contentsOf(
  store: Store,
  path: string[],
  depth = 0,
  seen = new Set<string>(),
  /** others: false leaves out the works no entry names; parts: false does not open sub-indexes. */
  opts: { others?: boolean; parts?: boolean } = {},
): Promise<Contents> {
  const key = pathKey(path);
  seen.add(key);
  const record = await store.getCollection(path);
  const members = record?.members ?? [];
  const keysOf = members.map((m) => (m.href ? hrefKeys(m.href, record!.provenance) : []));
  const matches = await store.findSources(keysOf.flat());
  const byKey = new Map<string, (typeof matches)[number]>();
  for (const m of matches) if (!byKey.has(m.key) || m.workId) byKey.set(m.key, m); // a work wins over a folder's index
  const workIds = new Set<string>();
  const targets = members.map((m, i) => {
    const hit = keysOf[i]!.map((k) => byKey.get(k)).find(Boolean);
    const workId = m.workId ?? hit?.workId;
    if (workId) workIds.add(workId);
    return { workId, part: hit?.collectionPath };
  });
  const summaries = new Map((await store.listWorks({ ids: [...workIds] })).map((w) => [w.id, w]));
  const entries: ContentsEntry[] = [];
  let held = 0;
  let total = 0;
  for (const [i, m] of members.entries()) {
    const t = targets[i]!;
    const fragment = m.href?.match(/#(.+)$/)?.[1];
    const sourceHref = m.href ? absolute(m.href, record!.provenance.url) : undefined;
    const e: ContentsEntry = {
      title: m.title,
      ...(m.note ? { note: m.note } : {}),
      ...(sourceHref ? { sourceHref } : {}),
      ...(fragment ? { fragment } : {}),
    };
    const work = t.workId ? summaries.get(t.workId) : undefined;
    if (work) e.work = work;
    else if (t.part && opts.parts !== false && !seen.has(pathKey(t.part)) && depth < MAX_DEPTH)
      e.part = await contentsOf(store, t.part, depth + 1, seen);
    if (m.href || m.workId) total++;
    if (e.work || e.part) held++;
    entries.push(e);
  }
  const named = new Set(entries.flatMap((e) => (e.work ? [e.work.id] : [])));
  const inParts = (c: Contents): string[] => c.entries.flatMap((e) => [...(e.work ? [e.work.id] : []), ...(e.part ? inParts(e.part) : [])]);
  for (const e of entries) if (e.part) for (const id of inParts(e.part)) named.add(id);
  // The works filed under the collection that no entry names: skipped when the caller needs only the entries.
  const direct =
    opts.others === false
      ? []
      : (await store.listWorks({ collection: path })).filter((w) => w.collections.some((c) => pathKey(c.path) === key));
  return {
    path,
    title: record?.title ?? direct[0]?.collections.find((c) => pathKey(c.path) === key)?.titles?.at(-1) ?? path.at(-1)!,
    ...(record ? { record } : {}),
    entries,
    others: direct.filter((w) => !named.has(w.id)),
    held,
    total,
  };
}

/** The works of a contents list in reading order: entries first (parts expanded in place), then the others. */
export function readingOrder(c: Contents): WorkSummary[] {
  const out: WorkSummary[] = [];
  const seen = new Set<string>();
  const add = (w: WorkSummary) => {
    if (!seen.has(w.id)) {
      seen.add(w.id);
      out.push(w);
    }
  };
  const walk = (x: Contents) => {
    for (const e of x.entries) {
      if (e.work) add(e.work);
      else if (e.part) walk(e.part);
    }
    x.others.forEach(add);
  };
  walk(c);
  return out;
}

/**
 * The collections a work sits in: those its record names, then the index pages that list it (found
 * by where the work came from, so a chapter imported without its breadcrumbs still finds its book).
 */
export async function placesOf(store: Store, work: Work): Promise<string[][]> {
  const listed = await store.findListings([...sourceKeys(work.provenance), workKey(work.id)]);
  const out = work.collections.map((c) => c.path);
  for (const l of listed) if (!out.some((p) => pathKey(p) === pathKey(l.collectionPath))) out.push(l.collectionPath);
  return out;
}

/** The work as read: its own record with what it lacks taken from its books' title pages, nearest first. */
export async function resolvedWork(store: Store, work: Work): Promise<ResolvedWork> {
  const places = await placesOf(store, work);
  const ancestors: Collection[] = [];
  for (const path of ancestorPaths({ collections: places.map((p) => ({ path: p })) })) {
    const c = await store.getCollection(path);
    if (c) ancestors.push(c);
  }
  return inheritFrom(work, ancestors);
}

export interface Neighbour {
  previous?: WorkSummary;
  next?: WorkSummary;
}

/** Previous and next within a collection: in contents order when it has an index page, else by position and date. */
export async function neighboursIn(store: Store, id: string, path: string[]): Promise<Neighbour> {
  // The entries alone first: a volume of thousands of letters need not be listed to step between two
  // of its chapters; the works no entry names are read only for the last entry or one of them.
  const entries = await contentsOf(store, path, 0, new Set(), { others: false });
  if (!entries.record) return store.neighbours(id, path);
  const first = readingOrder(entries);
  const at = first.findIndex((w) => w.id === id);
  if (at >= 0 && at + 1 < first.length) return { ...(at > 0 ? { previous: first[at - 1] } : {}), next: first[at + 1] };
  const order = readingOrder(await contentsOf(store, path));
  const i = order.findIndex((w) => w.id === id);
  if (i < 0) return store.neighbours(id, path);
  return { ...(i > 0 ? { previous: order[i - 1] } : {}), ...(i + 1 < order.length ? { next: order[i + 1] } : {}) };
}

/** The previous and next letter between the same two correspondents (either way round), by date. */
export async function letterNeighbours(store: Store, work: Work): Promise<Neighbour> {
  if ((work.kind !== 'letter' && work.kind !== 'telegram') || !work.authors[0] || !work.recipients[0]) return {};
  const n = await store.correspondenceNeighbours(work.id, work.authors[0].id, work.recipients[0].id);
  return { ...(n.previous ? { previous: n.previous } : {}), ...(n.next ? { next: n.next } : {}) };
}

/** A whole collection as the book exports take it: contents resolved, members read in contents order. */
export async function bookOf(
  store: Store,
  path: string[],
): Promise<{ path: string[]; title: string; record?: Collection; contents: Contents; works: ResolvedWork[] } | undefined> {
  const contents = await contentsOf(store, path);
  const order = readingOrder(contents);
  if (!contents.record && !order.length) return undefined;
  const works: ResolvedWork[] = [];
  for (const s of order) {
    const w = await store.getWork(s.id);
    if (w) works.push(await resolvedWork(store, w));
  }
  return { path, title: contents.title, ...(contents.record ? { record: contents.record } : {}), contents, works };
}
