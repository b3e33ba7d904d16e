// API tokens in SQLite: only their sha256 hashes are stored.
import { prepared } from './statements.js';
import type Database from 'better-sqlite3';
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

export class SqliteTokenStore implements TokenStore {
  /** `write` runs a write transaction that waits its turn (the store's). */
  constructor(
    private readonly db: Database.Database,
    private readonly write: <T>(fn: () => T) => Promise<T>,
  ) {}

  async addToken(t: { name: string; role: TokenRole; hash: string }): Promise<TokenRecord> {
    return this.write(() => {
      const exists = prepared(this.db, 'SELECT 1 FROM tokens WHERE name = ?').get(t.name);
      if (exists) throw new Error(`a token named "${t.name}" already exists`);
      prepared(this.db, 'INSERT INTO tokens (name, role, hash, created_at) VALUES (?, ?, ?, ?)').run(
        t.name,
        t.role,
        t.hash,
        new Date().toISOString(),
      );
      return record(prepared(this.db, 'SELECT * FROM tokens WHERE name = ?').get(t.name) as TokenRow);
    });
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const row = prepared(this.db, 'SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL').get(hash) as TokenRow | undefined;
    return row ? record(row) : undefined;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (prepared(this.db, 'SELECT * FROM tokens ORDER BY name').all() as TokenRow[]).map(record);
  }

  async revokeToken(name: string): Promise<boolean> {
    return this.write(
      () =>
        prepared(this.db, 'UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(new Date().toISOString(), name)
          .changes > 0,
    );
  }
}
