// /search (the page: a GET form that works without JavaScript, enhanced with instant results by
// /search/assets/search.js) and /api/search (the same answer as JSON). Mount with app.route('/', …).
// The page itself is a template (src/render/html/pages/search.tsx).
import { Hono, type Context } from 'hono';
import { FACET_NAMES, SORTS, type FacetName, type SearchRequest, type SearchSort } from '../../model/search.js';
import { assetUrls, siteAssets } from '../../render/html/assets.js';
import type { AssetUrls } from '../../render/html/layout.js';
import { assetRoutes } from './assets.js';
import { resultsHtml, searchPage } from '../../render/html/pages/search.js';
import { MATCHING_NOTES, QUERY_SYNTAX } from '../../search/help.js';
import type { SearchIndex } from '../../search/search.js';

/** The request a URL asks for: ?q=&page=&sort=&facets=kind,author|none&pageSize=. */
export function requestFromQuery(c: Context): SearchRequest {
  const facets = c.req.query('facets');
  const sort = c.req.query('sort');
  return {
    q: c.req.query('q') ?? '',
    page: Number(c.req.query('page') ?? 1),
    ...(c.req.query('pageSize') ? { pageSize: Number(c.req.query('pageSize')) } : {}),
    ...(sort && (SORTS as readonly string[]).includes(sort) ? { sort: sort as SearchSort } : {}),
    ...(facets === undefined || facets === 'all'
      ? {}
      : {
          facets:
            facets === 'none' || facets === ''
              ? []
              : facets.split(',').filter((f): f is FacetName => (FACET_NAMES as readonly string[]).includes(f)),
        }),
  };
}

export function searchRoutes(search: Pick<SearchIndex, 'search'>, opts: { assets?: AssetUrls } = {}): Hono {
  const app = new Hono();
  app.get('/search', async (c) => {
    const req = requestFromQuery(c);
    const r = await search.search(req);
    const explicitSort = req.sort !== undefined;
    const status = r.error ? 400 : 200;
    if (c.req.query('partial') === '1') return c.html(resultsHtml(r, explicitSort), status);
    const a = siteAssets();
    return c.html(
      searchPage(r, explicitSort, {
        site: opts.assets ?? assetUrls(),
        css: a.searchCss.url,
        js: a.searchJs.url,
        help: { syntax: QUERY_SYNTAX, notes: MATCHING_NOTES },
      }),
      status,
    );
  });
  app.get('/api/search', async (c) => {
    const r = await search.search(requestFromQuery(c));
    return c.json(r, r.error ? 400 : 200);
  });
  app.route(
    '/search/assets',
    assetRoutes((a) => a.url.startsWith('/search/assets/')),
  );
  return app;
}
