// `octavo token create --name NAME --role editor|admin|reader`, `octavo token list`, `octavo token revoke NAME`.
// The secret is printed once; the archive keeps only its sha256.
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { createToken, TOKEN_ROLES } from '../archive/tokens.js';
import type { TokenRecord, TokenRole, TokenStore } from '../store/store.js';

async function withTokens<T>(location: string, fn: (t: TokenStore) => Promise<T>): Promise<T> {
  const archive = await openArchive(location);
  try {
    if (!archive.store.tokens) throw new Error('this archive cannot keep API tokens');
    return await fn(archive.store.tokens);
  } finally {
    await archive.close();
  }
}

/** Create a token and return its secret (to print once). The name defaults to "<role>-<date>". */
export async function runTokenCreate(
  location: string,
  o: { role: string; name?: string },
): Promise<{ secret: string; record: TokenRecord }> {
  if (!TOKEN_ROLES.includes(o.role as TokenRole)) throw new Error(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
  const name = o.name ?? `${o.role}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  return withTokens(location, (t) => createToken(t, name, o.role as TokenRole));
}

export const runTokenList = (location: string): Promise<TokenRecord[]> => withTokens(location, (t) => t.listTokens());

export async function runTokenRevoke(location: string, name: string): Promise<void> {
  if (!(await withTokens(location, (t) => t.revokeToken(name)))) throw new Error(`no live token named "${name}"`);
}

/** What `token create` prints: the secret alone on stdout (for scripts), the advice on stderr. */
export function tokenCreatedText(r: { secret: string; record: TokenRecord }): { stdout: string; stderr: string } {
  return {
    stdout: `${r.secret}\n`,
    stderr:
      `Created ${r.record.role} token "${r.record.name}". Keep the secret above: it is not stored and cannot be shown again.\n` +
      `Use it as: Authorization: Bearer <secret>\n`,
  };
}

export const tokenListText = (list: TokenRecord[]): string =>
  list.map((t) => `${t.name}\t${t.role}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}\n`).join('');

export async function tokenCreateCommand(o: { db?: string; role: string; name?: string }): Promise<void> {
  const text = tokenCreatedText(await runTokenCreate(archiveLocation(o.db), o));
  process.stdout.write(text.stdout);
  process.stderr.write(text.stderr);
}

export async function tokenListCommand(o: { db?: string }): Promise<void> {
  process.stdout.write(tokenListText(await runTokenList(archiveLocation(o.db))));
}

export const tokenRevokeCommand = (name: string, o: { db?: string }): Promise<void> => runTokenRevoke(archiveLocation(o.db), name);
