import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../render/json/index.js';
import { dropSchema, testSchema } from '../../test/support/pg.js';
import { ON_POSTGRES, ON_SQLITE } from '../../test/support/backends.js';
import type { Store } from '../store/store.js';
import { runImport } from '../cli/import.js';
import { migrateArchive } from './migrate.js';
import { CORPUS } from '../../test/support/seed.js';
import { writeBatch } from '../../test/durability/batch.js';
import { storeAt, withRegister } from '../../test/support/archive.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sqliteFile = join(dir, 'archive.db');
const pg = testSchema('migrate');
const back = join(dir, 'back.db');

/** Every work exported as JSON, its revisions, the collections and token hashes: what "lossless" means. */
async function everything(s: Store) {
  const works = await s.listWorks({ order: 'date' });
  const exports: Record<string, string> = {};
  const revisions: Record<string, unknown> = {};
  for (const w of works) {
    exports[w.id] = renderJson((await s.getWork(w.id))!);
    revisions[w.id] = await Promise.all(
      (await s.listRevisions!(w.id)).map(async (r) => ({ ...r, work: (await s.getRevision!(w.id, r.n))?.work })),
    );
  }
  return {
    exports,
    revisions,
    collections: await s.listCollections(),
    tokens: await s.tokens!.listTokens(),
    changes: await s.listChanges({ limit: 1e6 }),
  };
}

describe.runIf(ON_SQLITE && ON_POSTGRES)('octavo migrate-store', () => {
  let before: Awaited<ReturnType<typeof everything>>;
  const rowCounts = { work: 0, collection: 0, revision: 0, token: 0 };

  beforeAll(async () => {
    const s = await storeAt(sqliteFile);
    // Whatever the registered importers read from the bundled samples and real corpus folders (MIA pages,
    // TEI letters, CMIF examples, plain texts), plus a batch made from the seed.
    const corpus = [
      'mia-html',
      'tei-correspdesc-examples',
      'tei-schnitzler-briefe/editions',
      'cmif/spec-examples',
      'plaintext-marx-engels',
    ].map((d) => join(CORPUS, d));
    await runImport(
      withRegister(s),
      [...corpus, join(import.meta.dirname, '..', '..', 'samples'), ...writeBatch(join(dir, 'batch'), 300)],
      { quiet: true },
    );
    const ids = (await s.listWorks({ order: 'date' })).map((w) => w.id);
    for (const id of ids.slice(0, 20)) {
      const w = (await s.getWork(id))!;
      await s.upsertWork({ ...w, title: `${w.title} (corrected)` }, { author: 'editor-1', message: `correct ${id}` });
    }
    for (const id of ids.slice(20, 25)) await s.deleteWork(id, { author: 'admin', message: 'duplicate' });
    await s.upsertCollection({
      path: ['lenin', 'collected-works', 'volume-35'],
      title: 'Collected Works, Volume 35',
      members: [{ title: 'To S. G. Shahumyan', workId: 'lenin/1918/05/14-shahumyan' }],
      provenance: { file: 'x.htm', format: 'mia-html', importer: 'test', checksum: 'c' },
    });
    await s.tokens!.addToken({ name: 'editor-1', role: 'editor', hash: 'e'.repeat(64) });
    await s.tokens!.addToken({ name: 'old', role: 'admin', hash: 'f'.repeat(64) });
    await s.tokens!.revokeToken('old');
    before = await everything(s);
    for await (const r of s.dump!()) rowCounts[r.type]++;
    await s.close();
  });
  afterAll(async () => {
    await dropSchema(pg.schema);
  });

  it('copies SQLite into PostgreSQL losslessly: every work exported as JSON, every revision, collection and token', async () => {
    const summary = await migrateArchive(`sqlite:${sqliteFile}`, pg.url);
    expect(summary.works).toBe(Object.keys(before.exports).length);
    expect(summary.works).toBeGreaterThanOrEqual(295);
    // Imports, the 20 corrections and 5 deletions above, and whatever the importers updated in the batch.
    expect(summary.revisions).toBe(rowCounts.revision);
    expect(summary.revisions).toBeGreaterThanOrEqual(summary.works + 5 + 20 + 5);
    expect(summary).toMatchObject({ collections: rowCounts.collection, tokens: 2, verified: true });
    const p = await storeAt(pg.url);
    const after = await everything(p);
    await p.close();
    expect(Object.keys(after.exports)).toEqual(Object.keys(before.exports));
    for (const id of Object.keys(before.exports)) expect(after.exports[id], id).toBe(before.exports[id]);
    expect(after.revisions).toEqual(before.revisions);
    expect(after.collections).toEqual(before.collections);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.changes).toEqual(before.changes);
  });

  it('copies back from PostgreSQL into a new SQLite file unchanged', async () => {
    await migrateArchive(pg.url, `sqlite:${back}`);
    const s = await storeAt(back);
    expect(await everything(s)).toEqual(before);
    await s.close();
  });

  it('refuses to copy into an archive that already holds data', async () => {
    await expect(migrateArchive(`sqlite:${sqliteFile}`, pg.url)).rejects.toThrow(/not empty/);
    await expect(migrateArchive(`sqlite:${sqliteFile}`, `sqlite:${sqliteFile}`)).rejects.toThrow(/same archive/);
  });
});
