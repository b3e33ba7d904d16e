import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTokenCreate, runTokenList, runTokenRevoke, tokenCreatedText, tokenListText } from './token.js';
import { hashToken, tokenAuth } from '../archive/tokens.js';
import { dropSchema, testSchema } from '../../test/support/pg.js';
import { onBackend, ON_POSTGRES } from '../../test/support/backends.js';
import { storeAt } from '../../test/support/archive.js';

const pg = testSchema('token');
afterAll(async () => {
  if (ON_POSTGRES) await dropSchema(pg.schema);
});

describe.each(
  (
    [
      ['sqlite', join(mkdtempSync(join(tmpdir(), 'octavo-token-')), 'a.db')],
      ['postgres', pg.url],
    ] as const
  ).filter(([name]) => onBackend(name)),
)('octavo token over %s', (_name, location) => {
  it('creates a token whose secret is shown once and stored only as its sha256', async () => {
    const made = await runTokenCreate(location, { role: 'editor', name: 'alice' });
    expect(made.secret).toMatch(/^oct_[A-Za-z0-9_-]{43}$/);
    expect(made.record).toMatchObject({ name: 'alice', role: 'editor', hash: hashToken(made.secret) });
    expect(tokenCreatedText(made).stdout).toBe(`${made.secret}\n`);
    const store = await storeAt(location);
    const dump: string[] = [];
    for await (const r of store.dump!()) dump.push(JSON.stringify(r));
    expect(dump.join('\n')).not.toContain(made.secret);
    expect(await tokenAuth(store.tokens!).authenticate(`Bearer ${made.secret}`)).toEqual({ name: 'alice', role: 'editor' });
    expect(await tokenAuth(store.tokens!).authenticate(`Bearer ${made.secret}x`)).toBeUndefined();
    expect(await tokenAuth(store.tokens!).authenticate(made.secret)).toBeUndefined();
    await store.close();
  });

  it('refuses unknown roles and duplicate names; lists and revokes', async () => {
    await expect(runTokenCreate(location, { role: 'owner' })).rejects.toThrow(/--role/);
    await expect(runTokenCreate(location, { role: 'admin', name: 'alice' })).rejects.toThrow(/already exists/);
    await expect(runTokenCreate(location, { role: 'admin', name: 'bad name!' })).rejects.toThrow(/invalid token name/);
    const admin = await runTokenCreate(location, { role: 'admin' });
    expect(admin.record.name).toMatch(/^admin-\d{4}-/);
    expect((await runTokenList(location)).map((t) => t.name)).toEqual([admin.record.name, 'alice'].sort());
    await runTokenRevoke(location, 'alice');
    await expect(runTokenRevoke(location, 'alice')).rejects.toThrow(/no live token/);
    expect(tokenListText(await runTokenList(location))).toMatch(/alice\teditor\t.*\trevoked /);
    const store = await storeAt(location);
    expect(await store.tokens!.findToken(hashToken('anything'))).toBeUndefined();
    await store.close();
  });
});
