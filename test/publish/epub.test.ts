// EPUB 3 of a work and of a whole book, checked by EPUBCheck 5 (0 errors, 0 warnings), opened as a
// zip (mimetype first and stored; one content document per chapter; nav; footnotes with back links;
// package metadata), served by the web app and written by the CLI; one page rendered in Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { bookOf, resolvedWork } from '../../src/archive/books.js';
import { collectFiles, importPaths } from '../../src/archive/import.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { tei } from '../../src/ingest/tei/index.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import type { Work } from '../../src/model/work.js';
import { renderBookEpub, renderWorkEpub } from '../../src/render/epub/index.js';
import { createApp } from '../../src/web/app.js';
import { CORPUS, SEED_ID, seedWork, TEST_ROOT } from '../support/seed.js';
import { memoryArchive } from '../support/works.js';
import { describeMessages, epubcheck } from './epubcheck.js';

const CAPITAL = join(CORPUS, 'mia-html', 'marx', 'works', '1867-c1');
const LETTER = join(CORPUS, 'tei-schnitzler-briefe', 'editions', 'L02785.xml');
const SHOTS = join(TEST_ROOT, '..', 'test-output', 'screenshots', 'publish');
const dir = mkdtempSync(join(tmpdir(), 'octavo-epub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** EPUBCheck starts a JVM per file: slow on a busy machine. */
const SLOW = 240_000;
const ctx = { register: loadDefaultRegister(), now: () => '2025-01-01T00:00:00Z' };

const files = (bytes: Uint8Array) => {
  const all = unzipSync(bytes);
  return { names: Object.keys(all), text: (name: string) => strFromU8(all[name]!) };
};

function expectValid(bytes: Uint8Array, name: string) {
  const r = epubcheck(bytes, name);
  expect(describeMessages(r)).toBe('');
  expect({ fatal: r.fatal, errors: r.errors, warnings: r.warnings }).toEqual({ fatal: 0, errors: 0, warnings: 0 });
}

/** A Russian copy of the seed: Cyrillic title, text and note. */
function cyrillicSeed(): Work {
  const w = seedWork();
  return {
    ...w,
    id: 'lenin/1918/05/14-shahumyan-ru',
    language: 'ru',
    title: 'С. Г. Шаумяну',
    body: [
      { type: 'salutation', content: [{ type: 'text', text: 'Дорогой товарищ Шаумян!' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Большое спасибо за письмо. Мы в восторге от Вашей твердой и решительной политики.' },
          { type: 'noteRef', note: 'n1', label: '1' },
        ],
      },
    ],
    notes: [
      { id: 'n1', label: '1', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Примечание редакции: Баку, 1918.' }] }] },
    ],
  };
}

describe('EPUB of a work', () => {
  it('is a valid EPUB 3 for the seed: 0 errors, 0 warnings', () => expectValid(renderWorkEpub(seedWork()), 'seed.epub'), SLOW);

  it('starts with the stored mimetype and holds cover, work, nav, credits and the package metadata', () => {
    const bytes = renderWorkEpub(seedWork());
    // Local header: method 0 (stored), name "mimetype", content at offset 38.
    expect(new TextDecoder().decode(bytes.slice(30, 38))).toBe('mimetype');
    expect(bytes[8]).toBe(0);
    expect(new TextDecoder().decode(bytes.slice(38, 58))).toBe('application/epub+zip');
    const f = files(bytes);
    expect(f.names[0]).toBe('mimetype');
    const opf = f.text('OEBPS/content.opf');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toMatch(
      /<dc:creator id="creator1">V\. I\. Lenin<\/dc:creator>\s*<meta refines="#creator1" property="role" scheme="marc:relators">aut<\/meta>/,
    );
    expect(opf).toMatch(
      /<dc:contributor id="(contributor\d)">Andrew Rothstein<\/dc:contributor>\s*<meta refines="#\1" property="role" scheme="marc:relators">trl<\/meta>/,
    );
    expect(opf).toContain('properties="cover-image"');
    expect(opf).toContain('<meta property="schema:accessMode">textual</meta>');
    const work = f.text('OEBPS/work.xhtml');
    // The metadata header and the note as a footnote that links back to its marker.
    expect(work).toContain('<dt>Source</dt>');
    expect(work).toMatch(/<a id="ref-1" href="#note-1" role="doc-noteref" epub:type="noteref">1<\/a>/);
    expect(work).toMatch(/<aside id="note-1"[^>]*epub:type="footnote">[\s\S]*<a href="#ref-1" class="backref"/);
    expect(f.text('OEBPS/nav.xhtml')).toContain('<nav epub:type="toc"');
    expect(f.text('OEBPS/cover.svg')).toContain('To S. G.');
    expect(f.text('OEBPS/credits.xhtml')).toContain('Credit: Marxists Internet Archive');
  });

  it(
    'keeps Cyrillic intact and declares the language',
    () => {
      const bytes = renderWorkEpub(cyrillicSeed());
      expectValid(bytes, 'ru.epub');
      const f = files(bytes);
      expect(f.text('OEBPS/content.opf')).toContain('<dc:language>ru</dc:language>');
      expect(f.text('OEBPS/content.opf')).toContain('<dc:title id="title">С. Г. Шаумяну</dc:title>');
      expect(f.text('OEBPS/work.xhtml')).toContain('Дорогой товарищ Шаумян!');
      expect(f.text('OEBPS/work.xhtml')).toContain('xml:lang="ru"');
      expect(f.text('OEBPS/cover.svg')).toContain('Шаумяну');
    },
    SLOW,
  );

  it(
    'is valid for a letter with many notes (Schnitzler, TEI)',
    () => {
      const out = tei.parse({ path: LETTER, bytes: readFileSync(LETTER) }, ctx);
      const letter = out.works[0]!;
      expect(letter.notes.length).toBeGreaterThan(3);
      const bytes = renderWorkEpub(letter);
      expectValid(bytes, 'letter.epub');
      const work = files(bytes).text('OEBPS/work.xhtml');
      expect(work.match(/epub:type="footnote"/g)?.length).toBe(letter.notes.length);
      expect(files(bytes).text('OEBPS/content.opf')).toContain(`<dc:language>${letter.language}</dc:language>`);
    },
    SLOW,
  );
});

describe('EPUB of a book', () => {
  let a: Archive;
  beforeAll(async () => {
    a = await openArchive(join(dir, 'capital.db'));
    const sum = await importPaths(a.store, await collectFiles([CAPITAL]), ctx);
    expect(sum.failed).toBe(0);
  });
  afterAll(async () => a?.close());

  it(
    'is valid, with one content document per chapter in contents order and a nested table of contents',
    async () => {
      const book = (await bookOf(a.store, ['marx', '1867-c1']))!;
      expect(book.works.length).toBeGreaterThan(3);
      const bytes = renderBookEpub(book);
      expectValid(bytes, 'capital.epub');
      const f = files(bytes);
      const chapters = f.names.filter((n) => /^OEBPS\/c\d+\.xhtml$/.test(n));
      expect(chapters.length).toBe(book.works.length);
      expect(f.text(chapters[0]!)).toContain(book.works[0]!.title);
      const nav = f.text('OEBPS/nav.xhtml');
      const order = book.works.map((w) => nav.indexOf(`>${w.title.replace(/&/g, '&amp;')}<`));
      expect(order.every((x) => x > 0)).toBe(true);
      expect([...order].sort((x, y) => x - y)).toEqual(order);
      // The chapters' own headings are in the table of contents.
      expect(nav).toMatch(/href="c001\.xhtml#s1-[^"]+"/);
      // …nested by their levels (a section's subsections inside it).
      expect(nav).toMatch(/<li><a href="c001\.xhtml#s\d+-[^"]+">[^<]+<\/a><ol><li><a href="c001\.xhtml#s\d+-/);
      const spine = [...f.text('OEBPS/content.opf').matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
      expect(spine.slice(0, 3)).toEqual(['cover', 'front1', 'nav']);
      expect(f.text('OEBPS/title.xhtml')).toContain(book.title);
      expect(f.text('OEBPS/content.opf')).toContain('<dc:creator id="creator1">Karl Marx</dc:creator>');
    },
    SLOW,
  );
});

describe('EPUB from the app and the CLI', () => {
  it('serves /works/<id>.epub and /collections/<path>.epub', async () => {
    const work = seedWork();
    const archive = await memoryArchive([work]);
    const app = createApp(archive);
    const res = await app.request(`/works/${SEED_ID}.epub`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/epub+zip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes).toEqual(renderWorkEpub(await resolvedWork(archive.store, work)));
    const path = work.collections[0]!.path.join('/');
    const book = await app.request(`/collections/${path}.epub`);
    expect(book.status).toBe(200);
    expect(book.headers.get('content-type')).toBe('application/epub+zip');
    expect(files(new Uint8Array(await book.arrayBuffer())).names).toContain('OEBPS/c001.xhtml');
    expect((await app.request('/collections/no/such/book.epub')).status).toBe(404);
    await archive.close();
  });

  it(
    'writes `octavo export --format epub` and `octavo export-collection --format epub`',
    async () => {
      const db = join(dir, 'cli.db');
      const seedArchive = await openArchive(db);
      await seedArchive.store.upsertWorks([seedWork()]);
      const path = seedWork().collections[0]!.path.join('/');
      await seedArchive.close();
      const bin = join(TEST_ROOT, '..', 'bin', 'octavo.js');
      const one = join(dir, 'seed.epub');
      const r = spawnSync('node', [bin, 'export', SEED_ID, '--db', db, '--format', 'epub', '--out', one], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expectValid(readFileSync(one), 'cli-seed.epub');
      const whole = join(dir, 'book.epub');
      const b = spawnSync('node', [bin, 'export-collection', path, '--db', db, '--format', 'epub', '--out', whole], { encoding: 'utf8' });
      expect(b.status, b.stderr).toBe(0);
      expect(files(readFileSync(whole)).names).toContain('OEBPS/c001.xhtml');
    },
    SLOW,
  );
});

describe('an EPUB page in Chromium', () => {
  it('renders the seed content document (screenshot saved)', async () => {
    const browser = await launchChromium();
    try {
      const f = files(renderWorkEpub(seedWork()));
      const out = join(dir, 'unpacked');
      mkdirSync(join(out, 'OEBPS'), { recursive: true });
      const { writeFileSync } = await import('node:fs');
      for (const n of f.names.filter((x) => x.startsWith('OEBPS/'))) writeFileSync(join(out, n), f.text(n));
      const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
      await page.goto(`file://${join(out, 'OEBPS', 'work.xhtml')}`);
      expect(await page.locator('h1').textContent()).toBe('To S. G. Shahumyan');
      // The note marker leads to the footnote, which leads back.
      await page.click('a[role="doc-noteref"]');
      expect(await page.evaluate(() => location.hash)).toBe('#note-1');
      mkdirSync(SHOTS, { recursive: true });
      await page.goto(`file://${join(out, 'OEBPS', 'work.xhtml')}`);
      await page.screenshot({ path: join(SHOTS, 'epub-seed-page.png') });
      await page.goto(`file://${join(out, 'OEBPS', 'cover.xhtml')}`);
      await page.screenshot({ path: join(SHOTS, 'epub-seed-cover.png') });
    } finally {
      await browser.close();
    }
  });
});
