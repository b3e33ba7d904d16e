// Writes need a bearer token (src/archive/tokens.ts): 401 without a valid one, 403 when its role is
// too low; the principal let through is kept on the request.
import type { Context, MiddlewareHandler } from 'hono';
import { mayAct, type Auth, type Principal } from '../archive/tokens.js';
import type { TokenRole } from '../store/store.js';

const PRINCIPAL = 'octavoPrincipal';

/** The principal `requireRole` let through. */
export const principalOf = (c: Context): Principal => c.get(PRINCIPAL as never) as Principal;

/**
 * 401 without a valid token (with a WWW-Authenticate challenge), 403 when the token's role is too
 * low. `onFailure` sees failed attempts only (for rate limiting guessing) and may answer instead of
 * the 401 (a 429): a valid token is always let through, whatever failed from its address before.
 */
export function requireRole(auth: Auth, role: TokenRole, onFailure?: (c: Context) => Response | undefined): MiddlewareHandler {
  return async (c, next) => {
    const p = await auth.authenticate(c.req.header('Authorization'));
    if (!p) {
      const refused = onFailure?.(c);
      if (refused) return refused;
      c.header('WWW-Authenticate', 'Bearer realm="octavo"');
      return c.json({ error: 'unauthorized', message: 'a valid bearer token is required to change the archive' }, 401);
    }
    if (!mayAct(p, role)) {
      c.header('WWW-Authenticate', 'Bearer realm="octavo", error="insufficient_scope"');
      return c.json({ error: 'forbidden', message: `the token "${p.name}" is ${p.role}; this needs ${role}` }, 403);
    }
    c.set(PRINCIPAL as never, p as never);
    await next();
  };
}
