// /works/<id> — the reading page; /works/<id>.txt|.md|.json — the same work in other formats.
// Ids contain slashes (lenin/1918/05/14-shahumyan), so the route takes the whole rest of the path.
// A deleted work answers 410 with a tombstone page (src/web/tombstone.tsx).
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { matchFormat } from '../formats.js';
import { renderWorkPage } from '../../render/html/pages/work.js';
import { citeThis } from '../../render/cite/index.js';
import { deletionOf, renderTombstonePage } from '../tombstone.js';
import { letterNeighbours, neighboursIn, placesOf, resolvedWork } from '../../archive/books.js';

export function workRoutes(d: Deps): Hono {
  const app = new Hono();
  app.get('/:id{.+}', async (c) => {
    const path = c.req.param('id').replace(/\/+$/, '');
    // Citations give the work's address on this site and the day it was read.
    const ctx = { baseUrl: d.baseUrl, accessed: new Date().toISOString().slice(0, 10) };
    // An id may itself contain dots, so the exact id wins over a format suffix.
    const stored = await d.store.getWork(path);
    if (stored) {
      const [work, places] = await Promise.all([resolvedWork(d.store, stored), placesOf(d.store, stored)]);
      // The collection it is read in: the first its record names, else the first index page listing it.
      const first = work.collections[0] ?? (places[0] ? { path: places[0] } : undefined);
      const [neighbours, correspondence, contents, cite] = await Promise.all([
        first ? neighboursIn(d.store, work.id, first.path) : {},
        letterNeighbours(d.store, work),
        first ? d.store.getCollection(first.path) : undefined,
        citeThis(work, ctx),
      ]);
      const html = renderWorkPage({
        work,
        neighbours,
        correspondence,
        ...(first
          ? {
              collection: {
                path: first.path,
                title: contents?.title ?? ('titles' in first ? first.titles?.at(-1) : undefined) ?? first.path.at(-1)!,
              },
            }
          : {}),
        assets: d.assets,
        formats: d.formats.map(({ ext, label, type }) => ({ ext, label, type })),
        ...(d.handlers ? { handlers: d.handlers } : {}),
        cite,
      });
      return c.html(html);
    }
    const asked = matchFormat(path, d.formats);
    const other = asked && (await d.store.getWork(asked.id));
    if (!asked || !other) {
      // A deleted work answers 410 with its tombstone (its format addresses too; JSON ones in JSON).
      let id = path;
      let deletion = await deletionOf(d.store, path);
      if (!deletion && asked) deletion = await deletionOf(d.store, (id = asked.id));
      if (!deletion) throw notFound();
      if (asked && id === asked.id && asked.format.type.includes('json'))
        return c.json(
          { error: 'gone', message: `the work "${id}" was deleted on ${deletion.deletedAt}`, deletedAt: deletion.deletedAt },
          410,
        );
      return c.html(renderTombstonePage({ id, deletion, assets: d.assets }), 410);
    }
    // Every format carries the work as read: with what it inherits from its books, marked in JSON.
    const body = await asked.format.render(await resolvedWork(d.store, other), ctx);
    return c.body(body, 200, { 'Content-Type': asked.format.type });
  });
  return app;
}
