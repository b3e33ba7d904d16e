// /collections/<path> — a volume, a year of letters: its contents in order, then sub-collections.
import { Hono } from 'hono';
import { withAncestors } from '../collections.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { humanize } from '../../render/html/format.js';
import { renderCollectionPage, renderCollectionsIndex } from '../../render/html/pages/collection.js';
import type { WorkSummary } from '../../model/summary.js';

/** Above this many works under a collection that has sub-collections, list the sub-collections only. */
const MAX_LISTED = 1000;

export function collectionRoutes(d: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const all = await withAncestors(d.store, await d.store.listCollections(), [], 6);
    return c.html(renderCollectionsIndex({ collections: all, assets: d.assets }));
  });
  app.get('/:path{.+}', async (c) => {
    const path = c.req.param('path').split('/').filter(Boolean);
    if (!path.length) throw notFound();
    const key = path.join('/');
    const [record, listed, total, sample] = await Promise.all([
      d.store.getCollection(path),
      d.store.listCollections(),
      d.store.countWorks({ collection: path }),
      d.store.listWorks({ collection: path, limit: 1 }),
    ]);
    const all = await withAncestors(d.store, listed, path, 1);
    const below = all.filter((s) => s.path.length > path.length && path.every((seg, i) => s.path[i] === seg));
    const self = all.find((s) => s.path.join('/') === key);
    if (!record && !self && !below.length && total === 0) throw notFound();

    // Works filed exactly here, in the store's reading order (position, then date).
    let works: WorkSummary[] = [];
    if (total > 0 && (below.length === 0 || total <= MAX_LISTED)) {
      const listed = await d.store.listWorks({ collection: path, ...(below.length ? {} : { limit: MAX_LISTED }) });
      works = below.length ? listed.filter((w) => w.collections.some((r) => r.path.join('/') === key)) : listed;
    }

    // Members named by the record that are in the archive, whether or not they are filed here.
    const existing = new Set(works.map((w) => w.id));
    const unknown = (record?.members ?? []).map((m) => m.workId).filter((id): id is string => !!id && !existing.has(id));
    const found = await Promise.all(unknown.map(async (id) => ((await d.store.getWork(id)) ? id : undefined)));
    for (const id of found) if (id) existing.add(id);

    // Titles of this collection and its ancestors: records first, then what works call them.
    const titles = new Map<string, string>();
    for (const w of [...sample, ...works]) {
      for (const r of w.collections) {
        r.titles?.forEach((t, i) => {
          if (t && !titles.has(r.path.slice(0, i + 1).join('/'))) titles.set(r.path.slice(0, i + 1).join('/'), t);
        });
      }
    }
    for (const s of all) if (s.title) titles.set(s.path.join('/'), s.title);
    const title = record?.title ?? titles.get(key) ?? humanize(path[path.length - 1]!);

    return c.html(
      renderCollectionPage({
        path,
        title,
        ancestorTitles: titles,
        works,
        total,
        existing,
        collections: all,
        assets: d.assets,
        ...(record ? { record } : {}),
      }),
    );
  });
  return app;
}
