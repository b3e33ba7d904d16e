// The reading app: server-rendered pages over an archive (its store and search), working without JavaScript.
// Routes are sub-apps; every response carries the security headers; errors render as pages.
import { Hono } from 'hono';
import { assetUrls } from '../render/html/assets.js';
import type { Handlers } from '../render/html/handlers.js';
import type { Archive } from '../archive/open.js';
import { loadDefaultRegister, type PeopleRegister } from '../model/register.js';
import type { Deps } from './deps.js';
import { consoleLogger, errorHandler, notFoundHandler, type Logger } from './errors.js';
import { defaultFormats, type ExportFormat } from './formats.js';
import { peopleIndex } from './people.js';
import { assetRoutes } from './routes/assets.js';
import { authorRoutes } from './routes/authors.js';
import { collectionRoutes } from './routes/collections.js';
import { homeRoutes } from './routes/home.js';
import { workRoutes } from './routes/works.js';
import { securityHeaders } from './security.js';
import { authFor } from '../archive/tokens.js';
import { apiWorkRoutes } from './routes/api-works.js';
import { historyRoutes } from './routes/history.js';
import { siteInfo } from '../archive/site-info.js';
import { oaiRoutes } from './routes/oai.js';
import { searchRoutes } from './routes/search.js';
import { cmifRoutes } from './routes/cmif.js';
import { discoveryRoutes } from './routes/discovery.js';
import type { Limits } from './limits.js';
import type { ParsePool } from '../archive/parse-pool.js';

export interface AppOptions {
  /** Formats served as /works/<id><ext> and linked under Other Formats; defaults to .txt, .md, .json. */
  formats?: ExportFormat[];
  /** Replacement HTML handlers for block, inline or mark types. */
  handlers?: Handlers;
  /** Where server errors are reported; defaults to console.error. */
  log?: Logger;
  /** Public root of the site (OAI-PMH identifiers, CMIF links); defaults to $OCTAVO_BASE_URL or http://localhost:8080. */
  baseUrl?: string;
  /** Limits on requests (body size, rates, trusted proxies); defaults in src/web/limits.ts and the environment. */
  limits?: Partial<Limits>;
  /** The worker pool parsing uploaded source files; defaults to the process's (src/archive/parse-pool.ts). */
  parser?: ParsePool;
}

export function createApp(archive: Pick<Archive, 'store' | 'search'> & { register?: PeopleRegister }, opts: AppOptions = {}): Hono {
  const { store } = archive;
  const assets = assetUrls();
  const deps: Deps = {
    store,
    assets,
    formats: opts.formats ?? defaultFormats,
    people: peopleIndex(store),
    register: archive.register ?? loadDefaultRegister(),
    baseUrl: siteInfo(opts.baseUrl).baseUrl,
    ...(opts.handlers ? { handlers: opts.handlers } : {}),
  };
  const app = new Hono();
  app.use('*', securityHeaders());
  // One address per page: "/authors/" redirects to "/authors".
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
      // Leading slashes collapse too: "//evil.example/" must not become a protocol-relative Location.
      const path = `/${url.pathname.replace(/^\/+|\/+$/g, '')}`;
      return c.redirect(`${path}${url.search}`, 301);
    }
    await next();
  });
  app.route('/', homeRoutes(deps));
  // Writes and history first: /works/<id>/history must not be read as a work id.
  const auth = authFor(store);
  const limits = opts.limits ? { limits: opts.limits } : {};
  app.route('/api', apiWorkRoutes(store, auth, { ...limits, ...(opts.parser ? { parser: opts.parser } : {}) }));
  app.route('/works', historyRoutes(store, auth, limits));
  app.route('/works', workRoutes(deps));
  app.route('/collections', collectionRoutes(deps));
  app.route('/authors', authorRoutes(deps));
  app.route('/assets', assetRoutes());
  const site = siteInfo(opts.baseUrl);
  app.route('/', searchRoutes(archive.search, { assets }));
  app.route('/', oaiRoutes(store, { baseUrl: site.baseUrl, repositoryName: site.name, adminEmail: site.adminEmail }));
  app.route('/', cmifRoutes(store, site));
  app.route('/', discoveryRoutes(store, site));
  app.notFound(notFoundHandler(assets, app));
  app.onError(errorHandler(assets, opts.log ?? consoleLogger));
  return app;
}
