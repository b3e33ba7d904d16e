// /authors — everyone who wrote or received a work; /authors/<id> — their writings and letters.
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { renderAuthorPage, renderAuthorsPage } from '../../render/html/pages/authors.js';

export function authorRoutes(d: Deps): Hono {
  const app = new Hono();
  app.get('/', async (c) => c.html(renderAuthorsPage({ people: await d.people(), assets: d.assets })));
  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const [written, received, collections] = await Promise.all([
      d.store.listWorks({ author: id, order: 'date' }),
      d.store.listWorks({ recipient: id, order: 'date' }),
      d.store.listCollections(),
    ]);
    const name =
      written.flatMap((w) => w.authors).find((a) => a.id === id)?.name ??
      received.flatMap((w) => w.recipients).find((r) => r.id === id)?.name;
    if (name === undefined) throw notFound();
    const person = d.register.get(id);
    const books = new Map(collections.map((x) => [x.path.join('/'), x.title]));
    return c.html(
      renderAuthorPage({
        id,
        name,
        written,
        received,
        books,
        ...(person
          ? {
              person: {
                ...(person.born ? { born: person.born } : {}),
                ...(person.died ? { died: person.died } : {}),
                aliases: person.aliases,
              },
            }
          : {}),
        assets: d.assets,
      }),
    );
  });
  return app;
}
