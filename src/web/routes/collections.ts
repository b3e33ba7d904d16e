// /collections/<path> — a book, a volume, a year of letters: its title page, its contents resolved to
// the works the archive holds (src/archive/books.ts), other works filed there, then sub-collections.
import { Hono } from 'hono';
import { withAncestors } from '../collections.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { humanize } from '../../render/html/format.js';
import { renderCollectionPage, renderCollectionsIndex } from '../../render/html/pages/collection.js';
import { bookOf, contentsOf } from '../../archive/books.js';
import { bookFormatFor } from '../formats.js';

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
    // /collections/<path>.epub, .pdf, .txt…: the whole book in that format, when no collection has that very name.
    const asked = bookFormatFor(key);
    if (asked && !(await d.store.getCollection(path))) {
      const book = await bookOf(d.store, asked.path);
      if (!book?.works.length) throw notFound();
      return c.body(await asked.format.render(book), 200, { 'Content-Type': asked.format.type });
    }
    const [contents, listed, total, sample] = await Promise.all([
      contentsOf(d.store, path),
      d.store.listCollections(),
      d.store.countWorks({ collection: path }),
      d.store.listWorks({ collection: path, limit: 1 }),
    ]);
    const all = await withAncestors(d.store, listed, path, 1);
    const below = all.filter((s) => s.path.length > path.length && path.every((seg, i) => s.path[i] === seg));
    const self = all.find((s) => s.path.join('/') === key);
    if (!contents.record && !self && !below.length && total === 0) throw notFound();
    // Under a collection with sub-collections and very many works, list the sub-collections only.
    if (below.length && total > MAX_LISTED) contents.others = [];

    // Titles of this collection and its ancestors: records first, then what works call them.
    const titles = new Map<string, string>();
    for (const w of [...sample, ...contents.others, ...contents.entries.flatMap((e) => (e.work ? [e.work] : []))]) {
      for (const r of w.collections) {
        r.titles?.forEach((t, i) => {
          if (t && !titles.has(r.path.slice(0, i + 1).join('/'))) titles.set(r.path.slice(0, i + 1).join('/'), t);
        });
      }
    }
    for (const s of all) if (s.title) titles.set(s.path.join('/'), s.title);
    const title = contents.record?.title ?? titles.get(key) ?? humanize(path[path.length - 1]!);

    return c.html(renderCollectionPage({ path, title, ancestorTitles: titles, contents, total, collections: all, assets: d.assets }));
  });
  return app;
}
