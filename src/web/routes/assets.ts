// /assets/octavo.css, /assets/octavo.js and /assets/favicon.svg (and the search page's, under /search/assets/). Links carry the content hash (?v=…): a matching
// request may be cached for a year; any other gets a short lifetime and revalidates by ETag.
import { Hono } from 'hono';
import { siteAssets, type Asset } from '../../render/html/assets.js';
import { notFound } from '../errors.js';

/** Serves the assets `pick` accepts (default: those linked under /assets/). */
export function assetRoutes(pick: (a: Asset) => boolean = (a) => a.url.startsWith('/assets/')): Hono {
  const app = new Hono();
  app.get('/:name', (c) => {
    const asset = Object.values(siteAssets()).find((a) => a.name === c.req.param('name') && pick(a));
    if (!asset) throw notFound();
    const etag = `"${asset.hash}"`;
    const cache = c.req.query('v') === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate';
    const headers = { 'Content-Type': asset.type, 'Cache-Control': cache, ETag: etag };
    if (
      c.req
        .header('If-None-Match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304, headers);
    return c.body(asset.body, 200, headers);
  });
  return app;
}
