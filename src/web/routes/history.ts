// /works/<id>/history — every revision of a work, a readable diff between any two (the header field by
// field, the text as its plain-text export line by line with changed words marked), and a form to
// restore an old revision (a token with the editor role goes in the form; browsers cannot send a
// bearer header). Mount before the work pages: app.route('/works', historyRoutes(store, auth)).
import { Hono, type Context } from 'hono';
import { assetUrls } from '../../render/html/assets.js';
import { workHref } from '../../render/html/href.js';
import { renderMessagePage } from '../../render/html/pages/error.js';
import { historyPage } from '../../render/html/pages/history.js';
import type { Store } from '../../store/store.js';
import type { Auth } from '../../archive/tokens.js';
import { clientAddress, limitsWith, RateLimiter, sizeLimit, type Limits } from '../limits.js';
import { securityHeaders } from '../security.js';
import { restoreRevision } from './api-works.js';

const messagePage = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 429, heading: string, text: string) =>
  c.html(renderMessagePage({ status, heading, text, assets: assetUrls() }), status);

export function historyRoutes(store: Store, auth: Auth, opts: { limits?: Partial<Limits> } = {}): Hono {
  const limits = limitsWith(opts.limits);
  const attempts = new RateLimiter(limits.authFailuresPerMinute, limits.authFailuresPerMinute);
  const app = new Hono();
  app.use('*', securityHeaders());
  // Own patterns for the suffixes: Hono does not keep registration order between routes sharing one
  // regex parameter, so `:id{.+}/history` would lose to the work pages' `:id{.+}`.
  const idOf = (c: Context, suffix: RegExp) => c.req.param('id')!.replace(suffix, '');
  const int = (v: string | undefined) => (v && /^[0-9]{1,9}$/.test(v) ? Number(v) : undefined);

  app.get('/:id{.+/history}', async (c) => {
    const id = idOf(c, /\/history$/);
    const revs = (await store.listRevisions?.(id)) ?? [];
    if (!revs.length) return messagePage(c, 404, 'Not found', `There is no history for “${id}”.`);
    const last = revs.at(-1)!.n;
    const to = int(c.req.query('to')) ?? last;
    const from = int(c.req.query('from')) ?? revs.find((r) => r.n === to - 1)?.n;
    if (!revs.some((r) => r.n === to) || (from !== undefined && !revs.some((r) => r.n === from))) {
      return messagePage(c, 404, 'Not found', 'That revision does not exist.');
    }
    const [a, b, current] = await Promise.all([
      from ? store.getRevision!(id, from) : undefined,
      store.getRevision!(id, to),
      store.getWork(id),
    ]);
    const restored = int(c.req.query('restored'));
    const notice = restored ? `Revision ${restored} was restored.` : undefined;
    return c.html(historyPage({ id, revs, from, to, a: a?.work, b: b?.work, current, notice }));
  });

  app.post('/:id{.+/history/restore}', sizeLimit(16 * 1024), async (c) => {
    const id = idOf(c, /\/history\/restore$/);
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const p = await auth.authenticate(`Bearer ${token}`);
    if (!p) {
      // Failures are counted per address; a valid token is let through whatever failed before it.
      const ip = clientAddress(c, limits.trustProxy);
      if (attempts.blocked(ip)) return messagePage(c, 429, 'Too many attempts', 'Wait a minute before trying again.');
      attempts.take(ip);
      return messagePage(c, 401, 'Token not accepted', 'The token is not valid. Ask an administrator for an editor’s token.');
    }
    if (p.role === 'reader') return messagePage(c, 403, 'Not allowed', `The token “${p.name}” may only read.`);
    const n = int(typeof form.n === 'string' ? form.n : undefined);
    const message = typeof form.message === 'string' && form.message.trim() ? form.message.trim().slice(0, 2000) : undefined;
    if (!n) return messagePage(c, 400, 'No revision chosen', 'Choose the revision to restore.');
    try {
      await restoreRevision(store, id, n, { author: p.name, ...(message ? { message } : {}) });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404 || status === 409)
        return messagePage(
          c,
          status,
          'Cannot restore',
          status === 404 ? 'That revision does not exist.' : 'That revision is a deletion; choose an earlier one.',
        );
      throw e;
    }
    return c.redirect(`${workHref(id)}/history?restored=${n}`, 303);
  });
  return app;
}
