// / — what the archive holds: counts, collections, latest additions.
import { Hono } from 'hono';
import { withAncestors } from '../collections.js';
import type { Deps } from '../deps.js';
import { renderHomePage } from '../../render/html/pages/home.js';

export function homeRoutes(d: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const [works, letters, people, collections, recent] = await Promise.all([
      d.store.countWorks(),
      d.store.countWorks({ kind: 'letter' }),
      d.people(),
      d.store.listCollections(),
      d.store.listWorks({ order: 'recent', limit: 12 }),
    ]);
    const authors = people.filter((p) => p.written > 0).length;
    const tree = await withAncestors(d.store, collections, [], 2);
    return c.html(renderHomePage({ counts: { works, authors, letters }, collections: tree, recent, assets: d.assets }));
  });
  return app;
}
