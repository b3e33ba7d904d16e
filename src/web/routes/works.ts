// /works/<id> — the reading page; /works/<id>.txt|.md|.json — the same work in other formats.
// Ids contain slashes (lenin/1918/05/14-shahumyan), so the route takes the whole rest of the path.
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { matchFormat } from '../formats.js';
import { renderWorkPage } from '../../render/html/pages/work.js';

export function workRoutes(d: Deps): Hono {
  const app = new Hono();
  app.get('/:id{.+}', async (c) => {
    const path = c.req.param('id').replace(/\/+$/, '');
    // An id may itself contain dots, so the exact id wins over a format suffix.
    const work = await d.store.getWork(path);
    if (work) {
      const first = work.collections[0];
      const neighbours = first ? await d.store.neighbours(work.id, first.path) : {};
      const html = renderWorkPage({
        work,
        neighbours,
        assets: d.assets,
        formats: d.formats.map(({ ext, label, type }) => ({ ext, label, type })),
        ...(d.handlers ? { handlers: d.handlers } : {}),
      });
      return c.html(html);
    }
    const asked = matchFormat(path, d.formats);
    const other = asked && (await d.store.getWork(asked.id));
    if (!asked || !other) throw notFound();
    const body = await asked.format.render(other);
    return c.body(body, 200, { 'Content-Type': asked.format.type });
  });
  return app;
}
