// API tokens of an archive. A token is a random secret shown once when created; the archive keeps
// only its sha256. Roles: reader (may read, as anyone may; useful to test a client), editor (may
// write works), admin (everything an editor may).
import { randomBytes } from 'node:crypto';
import { sha256 } from '../model/checksum.js';
import type { TokenRecord, TokenRole, TokenStore } from '../store/store.js';

export interface Principal {
  name: string;
  role: TokenRole;
}

export interface Auth {
  /** Who an Authorization header value belongs to; undefined for none, malformed, unknown or revoked. */
  authenticate(authorization: string | undefined): Promise<Principal | undefined>;
}

export const TOKEN_ROLES: readonly TokenRole[] = ['reader', 'editor', 'admin'];
const RANK: Record<TokenRole, number> = { reader: 0, editor: 1, admin: 2 };
const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Whether a principal's role includes what `role` may do. */
export const mayAct = (p: Principal, role: TokenRole): boolean => RANK[p.role] >= RANK[role];

export const hashToken = (secret: string): string => sha256(secret);

/** A new secret: "oct_" and 43 base64url characters (256 random bits). */
export const generateSecret = (): string => `oct_${randomBytes(32).toString('base64url')}`;

/** Create a token; the secret is returned once and never stored. */
export async function createToken(tokens: TokenStore, name: string, role: TokenRole): Promise<{ secret: string; record: TokenRecord }> {
  if (!TOKEN_NAME.test(name)) throw new Error(`invalid token name "${name}": letters, digits, . _ @ - (up to 64)`);
  if (!TOKEN_ROLES.includes(role)) throw new Error(`invalid role "${role}"; choose one of ${TOKEN_ROLES.join(', ')}`);
  const secret = generateSecret();
  const record = await tokens.addToken({ name, role, hash: hashToken(secret) });
  return { secret, record };
}

/** Authentication against the archive's token table. */
export function tokenAuth(tokens: TokenStore): Auth {
  return {
    async authenticate(header) {
      const m = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]{8,200})\s*$/i);
      if (!m) return undefined;
      const t = await tokens.findToken(hashToken(m[1]!));
      return t ? { name: t.name, role: t.role } : undefined;
    },
  };
}

/** No tokens at all: every write is refused with 401 (a store without a token table). */
export const noAuth: Auth = { authenticate: async () => undefined };

export const authFor = (store: { tokens?: TokenStore }): Auth => (store.tokens ? tokenAuth(store.tokens) : noAuth);
