// API tokens in PostgreSQL: only their sha256 hashes are stored.
import type pg from 'pg';
import type { TokenRecord, TokenRole, TokenStore } from '../store.js';

interface TokenRow {
  name: string;
  role: TokenRole;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

const record = (r: TokenRow): TokenRecord => ({
  name: r.name,
  role: r.role,
  hash: r.hash,
  createdAt: r.created_at,
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
});

export class PostgresTokenStore implements TokenStore {
  constructor(private readonly pool: pg.Pool) {}

  async addToken(t: { name: string; role: TokenRole; hash: string }): Promise<TokenRecord> {
    const rows = (
      await this.pool
        .query<TokenRow>('INSERT INTO tokens (name, role, hash, created_at) VALUES ($1, $2, $3, $4) RETURNING *', [
          t.name,
          t.role,
          t.hash,
          new Date().toISOString(),
        ])
        .catch((e: { code?: string }) => {
          throw e.code === '23505' ? new Error(`a token named "${t.name}" already exists`) : e;
        })
    ).rows;
    return record(rows[0]!);
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const row = (await this.pool.query<TokenRow>('SELECT * FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hash])).rows[0];
    return row ? record(row) : undefined;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.pool.query<TokenRow>('SELECT * FROM tokens ORDER BY name')).rows.map(record);
  }

  async revokeToken(name: string): Promise<boolean> {
    const res = await this.pool.query('UPDATE tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL', [
      name,
      new Date().toISOString(),
    ]);
    return (res.rowCount ?? 0) > 0;
  }
}
