// OAI-PMH 2.0 at /oai (GET, and POST application/x-www-form-urlencoded) over the Store.
// Mount with app.route('/', oaiRoutes(store, { baseUrl, repositoryName, adminEmail })).
//   identifiers  oai:<host of baseUrl>:<work id>          sets  collection paths joined with ":"
//   formats      oai_dc (src/render/dc), tei (src/render/tei, root element only)
//   datestamps   seconds granularity, UTC; from/until also accept whole days
//   deletions    persistent: deleted works stay listed with <header status="deleted">
//   paging       opts.pageSize per response (default 100), stateless resumption tokens (src/web/oai/tokens.ts)
// Protocol errors are OAI <error> elements in a 200 response, as the protocol asks.
import { Hono, type Context } from 'hono';
import type { Store } from '../../store/store.js';
import { parseRequest, type OaiRequest } from '../oai/args.js';
import { makeContext, type OaiOptions } from '../oai/context.js';
import { datestamp } from '../oai/dates.js';
import { OaiFailure, oaiError } from '../oai/errors.js';
import { echoed, envelope, errorsXml } from '../oai/response.js';
import { runVerb } from '../oai/verbs.js';

export type { OaiOptions } from '../oai/context.js';

const FORM = 'application/x-www-form-urlencoded';

export function oaiRoutes(store: Store, opts: OaiOptions): Hono {
  makeContext(store, opts, new Date()); // reject bad options when mounting, not on the first request
  const app = new Hono();

  async function respond(c: Context, pairs: () => Promise<[string, string][]>): Promise<Response> {
    const now = opts.now?.() ?? new Date();
    const ctx = makeContext(store, opts, now);
    let request: OaiRequest | undefined;
    let body: string;
    try {
      request = parseRequest(await pairs());
      body = await runVerb(ctx, request);
    } catch (e) {
      if (!(e instanceof OaiFailure)) throw e;
      body = errorsXml(e.errors);
      request = echoed(request, e.errors);
    }
    return c.body(envelope(datestamp(now), ctx.oaiBaseUrl, request, body), 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  }

  app.get('/oai', (c) => respond(c, async () => [...new URL(c.req.url).searchParams]));
  app.post('/oai', (c) =>
    respond(c, async () => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== FORM) throw oaiError('badArgument', `POST requests must be sent as ${FORM}`);
      return [...new URLSearchParams(await c.req.text())];
    }),
  );
  return app;
}
