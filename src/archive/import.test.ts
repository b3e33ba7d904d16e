import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, importPaths } from './import.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { loadDefaultRegister } from '../model/register.js';
import { SEED_ID, SEED_PATH } from '../../test/support/seed.js';

const ctx = { register: loadDefaultRegister() };

describe('importing a batch with bad files in it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-batch-'));
  mkdirSync(join(dir, 'in'));
  copyFileSync(SEED_PATH, join(dir, 'in', 'a-seed.txt'));
  writeFileSync(join(dir, 'in', 'b-empty.txt'), '');
  writeFileSync(join(dir, 'in', 'c-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff, 0xfe]));
  writeFileSync(
    join(dir, 'in', 'd-truncated.html'),
    '<html><head><title>To Engels</title></head><body><p class="information"><span class="info">Writ',
  );
  writeFileSync(join(dir, 'in', 'e-utf16.txt'), Buffer.from('\ufeffWritten: May 1, 1900\nDear Fred,\nText.\nYours,\nKarl\n', 'utf16le'));
  const big = join(dir, 'in', 'f-huge.txt');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);

  it('stores the good file, reports each bad one with its name and place, and writes nothing partial', async () => {
    const store = await openSqliteStore(join(dir, 'batch.db'));
    const files = await collectFiles([join(dir, 'in')]);
    expect(files).toHaveLength(6);
    const sum = await importPaths(store, files, ctx);
    expect(sum.imported).toBe(1);
    expect(sum.failed).toBe(5);
    const byName = (s: string) => sum.results.find((r) => r.file.endsWith(s))!;
    expect(byName('a-seed.txt')).toMatchObject({ status: 'imported', ids: [SEED_ID] });
    expect(byName('b-empty.txt').error).toMatch(/b-empty\.txt.*empty/);
    expect(byName('c-binary.txt').error).toMatch(/c-binary\.txt.*binary/);
    expect(byName('d-truncated.html').status).toBe('failed');
    expect(byName('d-truncated.html').error).toMatch(/d-truncated\.html/);
    expect(byName('e-utf16.txt').error).toMatch(/e-utf16\.txt:\d+/);
    expect(byName('f-huge.txt').error).toMatch(/f-huge\.txt.*50\.0 MB/);
    expect(await store.countWorks()).toBe(1);
    expect(store.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    await store.close();
  });

  it('re-importing unchanged files is a no-op', async () => {
    const store = await openSqliteStore(join(dir, 'batch.db'));
    const sum = await importPaths(store, [join(dir, 'in', 'a-seed.txt')], ctx);
    expect(sum).toMatchObject({ imported: 0, unchanged: 1, failed: 0 });
    await store.close();
  });
});

describe('a CMIF register entry and the full text of the same letter', () => {
  it('share one record: the full text replaces the entry, and the entry never replaces the text', async () => {
    const { CORPUS } = await import('../../test/support/seed.js');
    const dir = mkdtempSync(join(tmpdir(), 'octavo-cmif-tei-'));
    const store = await openSqliteStore(join(dir, 'a.db'));
    const cmifFile = join(CORPUS, 'cmif', 'dehmel-digital-cmif.xml');
    const teiFile = join(CORPUS, 'tei-dehmel-digital', 'brief', 'HANSb13009.xml');
    const first = await importPaths(store, [cmifFile], ctx);
    const total = await store.countWorks();
    expect(first.failed).toBe(0);
    const tei = await importPaths(store, [teiFile], ctx);
    const id = tei.results[0]!.ids[0]!;
    expect((await store.getWork(id))?.provenance.format).toBe('tei');
    expect(await store.countWorks()).toBe(total);
    await importPaths(store, [cmifFile], ctx);
    expect((await store.getWork(id))?.provenance.format).toBe('tei');
    expect(await store.getWork(`${id}-2`)).toBeUndefined();
    await store.close();
  });
});

describe('a TEI list beside the letters it lists', () => {
  it('is skipped as a non-document, saying what it is, while the letters are imported', async () => {
    const { CORPUS } = await import('../../test/support/seed.js');
    const dir = mkdtempSync(join(tmpdir(), 'octavo-tei-list-'));
    const store = await openSqliteStore(join(dir, 'a.db'));
    const list = join(CORPUS, 'tei-schnitzler-briefe', 'listcorrespondence.xml');
    const letter = join(CORPUS, 'tei-schnitzler-briefe', 'editions', 'L00001.xml');
    const sum = await importPaths(store, [list, letter], ctx);
    expect(sum).toMatchObject({ imported: 1, skipped: 1, failed: 0 });
    const skipped = sum.results.find((r) => r.file.endsWith('listcorrespondence.xml'))!;
    expect(skipped).toMatchObject({ status: 'skipped', ids: [] });
    expect(skipped.error).toMatch(/listcorrespondence\.xml:41 .*a TEI list of people \(listPerson with 64 entries\), not a letter/);
    expect(await store.countWorks()).toBe(1);
    await store.close();
  });
});
