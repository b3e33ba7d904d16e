// Errors as pages. Unknown ids and paths get a 404 page; anything thrown gets a 500 page that
// says nothing about the cause (the cause goes to the log, never to the reader).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { renderErrorPage } from '../render/html/pages/error.js';
import type { AssetUrls } from '../render/html/layout.js';

/** Thrown by routes for an unknown id; rendered by `errorHandler` as the 404 page. */
export const notFound = () => new HTTPException(404, { message: 'Not found' });

export type Logger = (message: string, err: unknown) => void;
export const consoleLogger: Logger = (message, err) => console.error(message, err);

function page(c: Context, status: number, assets: AssetUrls) {
  return c.html(renderErrorPage({ status, assets, path: c.req.path }), status as 404);
}

export const notFoundHandler =
  (assets: AssetUrls): NotFoundHandler =>
  (c) =>
    page(c, 404, assets);

export const errorHandler =
  (assets: AssetUrls, log: Logger): ErrorHandler =>
  (err, c) => {
    if (err instanceof HTTPException && err.status < 500) return page(c, err.status, assets);
    log(`${c.req.method} ${c.req.path} failed`, err);
    return page(c, 500, assets);
  };
