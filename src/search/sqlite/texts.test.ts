// Hits made from the texts stored at index time are the hits made from the works; archives indexed
// before those texts existed get them; kept answers never outlive a write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID, seedWork } from '../../../test/support/seed.js';
import { openArchive, type Archive } from '../../archive/open.js';
import type { SqliteStore } from '../../store/sqlite/index.js';
import { testWorks } from '../test-support.js';
import type { SearchRequest, SearchResponse } from '../../model/search.js';

const QUERIES: SearchRequest[] = [
  { q: 'diplomacy' },
  { q: 'Shahumyan' },
  { q: 'Шаумян' },
  { q: '"learn diplomacy"' },
  { q: 'diplom*' },
  { q: 'the' },
  { q: 'revolution', page: 2 },
  { q: 'kind:letter', sort: 'date-desc' },
  { q: 'Mussavatists' },
  { q: 'war -peace' },
  { q: 'Kautsky' },
];
const answer = (r: SearchResponse) => ({ ...r, tookMs: 0 });
const answers = async (s: Archive) => Promise.all(QUERIES.map(async (q) => answer(await s.search.search(q))));
const db = (a: Archive) => (a.store as SqliteStore).db;

describe('stored texts for hits', () => {
  let dir: string;
  let file: string;
  let store: Archive;
  let fromTexts: SearchResponse[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'octavo-texts-'));
    file = join(dir, 'db(a)');
    store = await openArchive(file);
    await store.store.upsertWorks(testWorks(120));
    fromTexts = await answers(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('give the hits the works themselves give', async () => {
    expect(fromTexts.some((r) => r.hits.some((h) => h.snippets.some((s) => s.field === 'notes')))).toBe(true);
    db(store).exec('DELETE FROM search_text');
    expect(await answers(store)).toEqual(fromTexts);
  });

  it('are stored for an archive indexed before they existed, at its next opening', async () => {
    db(store).exec("DELETE FROM search_text; DELETE FROM search_blocks; INSERT INTO search_pending VALUES ('texts')");
    await store.close();
    store = await openArchive(file);
    await store.search.search({ q: 'x' });
    expect(db(store).prepare('SELECT COUNT(*) FROM search_text').pluck().get()).toBe(
      db(store).prepare('SELECT COUNT(*) FROM search_docs').pluck().get(),
    );
    expect(db(store).prepare('SELECT COUNT(*) FROM search_pending').pluck().get()).toBe(0);
    expect(await answers(store)).toEqual(fromTexts);
  });

  it('are not used for another work that took over a document number', async () => {
    const docid = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(SEED_ID) as number;
    // The other document's stored row as a whole (its heading is in `hit`, or packed with its texts).
    const other = db(store).prepare('SELECT hit, packed FROM search_text WHERE docid <> ? LIMIT 1').get(docid) as {
      hit: string;
      packed: Buffer | null;
    };
    expect(other.packed).not.toBeNull();
    db(store).prepare('UPDATE search_text SET hit = ?, packed = ? WHERE docid = ?').run(other.hit, other.packed, docid);
    const hit = (await store.search.search({ q: 'Shahumyan' })).hits.find((h) => h.id === SEED_ID)!;
    expect(hit.title).toBe(seedWork().title);
  });

  it('give way to the work when they could not be stored or no longer agree with their map', async () => {
    const seed = seedWork();
    const odd = {
      ...seed,
      id: 'test/unpaired',
      body: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Zanzibarite\ud800 words.' }] }],
    };
    await store.store.upsertWork(odd);
    const docid = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(odd.id) as number;
    expect(db(store).prepare('SELECT COUNT(*) FROM search_text WHERE docid = ?').pluck().get(docid)).toBe(0);
    expect((await store.search.search({ q: 'zanzibarite' })).hits[0]!.snippets[0]!.html).toBe('<mark>Zanzibarite\ud800</mark> words.');
    await store.store.deleteWork(odd.id);

    const long = (await store.search.search({ q: 'revolution', pageSize: 100 })).hits.find((h) => h.snippets.length)!;
    const id = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(long.id) as number;
    db(store).prepare("UPDATE search_text SET body0 = body0 || ' extra words' WHERE docid = ?").run(id);
    // Packed texts cut short, or not packed by this version, cannot be read.
    db(store).prepare('UPDATE search_text SET packed = substr(packed, 1, length(packed) - 8) WHERE docid = ?').run(id);
    db(store)
      .prepare("UPDATE search_blocks SET text = text || ' extra words' WHERE key >= ? AND key < ?")
      .run(id * 2 ** 22, (id + 1) * 2 ** 22);
    expect((await store.search.search({ q: 'revolution', pageSize: 100 })).hits.find((h) => h.id === long.id)).toEqual(long);
    db(store).prepare("UPDATE search_text SET packed = x'09' || substr(packed, 2) WHERE docid = ?").run(id);
    expect((await store.search.search({ q: 'revolution', pageSize: 100 })).hits.find((h) => h.id === long.id)).toEqual(long);
  });

  it('are packed for works of ordinary length, and kept in blocks for long ones, with the same hits', async () => {
    const seed = seedWork();
    const para = (i: number) => ({
      type: 'paragraph' as const,
      content: [
        { type: 'text' as const, text: `Paragraph ${i} of a long report on the zanzibarite question and the revolution. `.repeat(8) },
      ],
    });
    const long = { ...seed, id: 'test/long-report', body: Array.from({ length: 60 }, (_, i) => para(i)) };
    await store.store.upsertWork(long);
    const docid = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(long.id) as number;
    const row = (d: number) =>
      db(store).prepare('SELECT packed IS NOT NULL AS packed, length(body0) AS body0 FROM search_text WHERE docid = ?').get(d);
    expect(row(docid)).toMatchObject({ packed: 0 });
    expect(
      db(store)
        .prepare('SELECT COUNT(*) FROM search_blocks WHERE key >= ? AND key < ?')
        .pluck()
        .get(docid * 2 ** 22, (docid + 1) * 2 ** 22),
    ).toBeGreaterThan(10);
    const seedDoc = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(SEED_ID) as number;
    expect(row(seedDoc)).toEqual({ packed: 1, body0: 0 });
    const q = { q: 'zanzibarite revolution', pageSize: 100 };
    const stored = await store.search.search(q);
    expect(stored.hits.map((h) => h.id)).toContain(long.id);
    db(store).prepare('DELETE FROM search_text WHERE docid IN (?, ?)').run(docid, seedDoc);
    expect({ ...(await store.search.search(q)), tookMs: 0 }).toEqual({ ...stored, tookMs: 0 });
    await store.store.deleteWork(long.id);
  });

  it('follow the work when it changes, and go when it goes', async () => {
    const seed = seedWork();
    await store.store.upsertWork({
      ...seed,
      body: [...seed.body, { type: 'paragraph', content: [{ type: 'text', text: 'A zanzibarite postscript.' }] }],
    });
    const hit = (await store.search.search({ q: 'zanzibarite' })).hits[0]!;
    expect(hit.snippets[0]!.html).toContain('<mark>zanzibarite</mark>');
    const docid = db(store).prepare('SELECT docid FROM search_docs WHERE work_id = ?').pluck().get(SEED_ID) as number;
    await store.store.deleteWork(SEED_ID);
    expect(db(store).prepare('SELECT COUNT(*) FROM search_text WHERE docid = ?').pluck().get(docid)).toBe(0);
    expect(
      db(store)
        .prepare('SELECT COUNT(*) FROM search_blocks WHERE key >= ? AND key < ?')
        .pluck()
        .get(docid * 2 ** 22, (docid + 1) * 2 ** 22),
    ).toBe(0);
  });
});

describe('kept answers (OCTAVO_SEARCH_CACHE)', () => {
  let dir: string;
  let before: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'octavo-answers-'));
    before = process.env.OCTAVO_SEARCH_CACHE;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.OCTAVO_SEARCH_CACHE;
    else process.env.OCTAVO_SEARCH_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('are the answers themselves, until this process or another one writes', async () => {
    const file = join(dir, 'db(a)');
    const a = await openArchive(file);
    await a.store.upsertWorks(testWorks(40));
    process.env.OCTAVO_SEARCH_CACHE = '0';
    const fresh = await answers(a);
    process.env.OCTAVO_SEARCH_CACHE = '8';
    expect(await answers(a)).toEqual(fresh);
    expect(await answers(a)).toEqual(fresh);
    expect((await a.search.search({ q: 'diplomacy' })).hits).toBe((await a.search.search({ q: 'diplomacy' })).hits);

    // A write through this store.
    const seed = seedWork();
    await a.store.upsertWork({ ...seed, title: 'To S. G. Shahumyan, zanzibarite' });
    expect((await a.search.search({ q: 'zanzibarite' })).total).toBe(1);
    // A write by another connection (another process, as far as SQLite can tell).
    const b = await openArchive(file);
    await b.store.deleteWork(SEED_ID);
    await b.close();
    expect((await a.search.search({ q: 'zanzibarite' })).total).toBe(0);
    expect((await a.search.search({ q: 'Shahumyan' })).hits.map((h) => h.id)).not.toContain(SEED_ID);
    await a.close();
  });
});
