// Errors as pages. Unknown ids and paths get a 404 page (under /api/, JSON); a method a known path
// does not answer gets 405 with an Allow header; anything thrown gets a 500 page that says nothing
// about the cause (the cause goes to the log, never to the reader).
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { renderErrorPage, renderMessagePage } from '../render/html/pages/error.js';
import type { AssetUrls } from '../render/html/layout.js';
import { PdfUnavailableError } from '../archive/pdf.js';

/** Thrown by routes for an unknown id; rendered by `errorHandler` as the 404 page. */
export const notFound = () => new HTTPException(404, { message: 'Not found' });

export type Logger = (message: string, err: unknown) => void;
export const consoleLogger: Logger = (message, err) => console.error(message, err);

function page(c: Context, status: number, assets: AssetUrls) {
  return c.html(renderErrorPage({ status, assets, path: c.req.path }), status as 404);
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** The methods some route of `app` answers at `path` (middleware, which runs for any method, aside). */
export function allowedMethods(app: Hono, path: string): string[] {
  const allowed: string[] = [];
  for (const m of METHODS) {
    const [matches] = app.router.match(m, path);
    if (matches.some(([[, route]]) => route.method === m)) allowed.push(m);
  }
  if (allowed.includes('GET')) allowed.splice(1, 0, 'HEAD');
  return allowed;
}

/** 405 with Allow where the path is known under other methods, else 404 (JSON under /api/). */
export const notFoundHandler =
  (assets: AssetUrls, app?: Hono): NotFoundHandler =>
  (c) => {
    const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
    const allow = app ? allowedMethods(app, c.req.path) : [];
    if (allow.length && !allow.includes(c.req.method)) {
      c.header('Allow', allow.join(', '));
      const message = `${c.req.method} is not allowed here; this address answers ${allow.join(', ')}`;
      if (api) return c.json({ error: 'method_not_allowed', message, allow }, 405);
      return c.html(renderMessagePage({ status: 405, heading: 'Method not allowed', text: `${message}.`, assets }), 405);
    }
    if (api) return c.json({ error: 'not_found', message: `there is no API endpoint at ${c.req.path}` }, 404);
    return page(c, 404, assets);
  };

export const errorHandler =
  (assets: AssetUrls, log: Logger): ErrorHandler =>
  (err, c) => {
    if (err instanceof HTTPException && err.status < 500) return page(c, err.status, assets);
    // A format this server cannot make now (PDF without Chromium): 503 with the reason.
    if (err instanceof PdfUnavailableError) {
      log(`${c.req.method} ${c.req.path}: ${err.message}`, undefined);
      if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
      return c.html(renderMessagePage({ status: 503, heading: 'This format is not available', text: `${err.message}.`, assets }), 503);
    }
    log(`${c.req.method} ${c.req.path} failed`, err);
    return page(c, 500, assets);
  };
