// /assets/octavo.css, /assets/octavo.js and /assets/favicon.svg. Links carry the content hash (?v=…): a matching
// request may be cached for a year; any other gets a short lifetime and revalidates by ETag.
import { Hono } from 'hono';
import { siteAssets } from '../../render/html/assets.js';
import { notFound } from '../errors.js';

export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/:name', (c) => {
    const asset = Object.values(siteAssets()).find((a) => a.name === c.req.param('name'));
    if (!asset) throw notFound();
    const etag = `"${asset.hash}"`;
    const cache = c.req.query('v') === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate';
    const headers = { 'Content-Type': asset.type, 'Cache-Control': cache, ETag: etag };
    if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304, headers);
    return c.body(asset.body, 200, headers);
  });
  return app;
}
