// /cmif.xml: the archive's letters as one CMIF file for correspSearch (?collection=lenin/letters narrows it).
import { Hono } from 'hono';
import { archiveCmif } from '../../archive/cmif.js';
import type { Store } from '../../store/store.js';
import type { SiteInfo } from '../../archive/site-info.js';

export function cmifRoutes(store: Store, site: SiteInfo): Hono {
  const app = new Hono();
  app.get('/cmif.xml', async (c) => {
    const collection = c.req.query('collection')?.split('/').filter(Boolean);
    const { xml } = await archiveCmif(store, {
      baseUrl: site.baseUrl,
      title: site.name,
      publisher: site.publisher,
      editor: site.name,
      editorEmail: site.adminEmail,
      ...(collection?.length ? { collection } : {}),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });
  return app;
}
