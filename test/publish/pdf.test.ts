// PDF of a work and of a book, printed by Chromium (src/archive/pdf.ts) from the print documents
// (src/render/print): pdftotext gives the seed's header, paragraphs and note in order, with running
// head and page numbers; a book's PDF has its title page, contents page and chapters; served by the
// app (503 without Chromium) and written by the CLI; the first page saved as PNG.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOf } from '../../src/archive/books.js';
import { collectFiles, importPaths } from '../../src/archive/import.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { closePdfBrowser, namedPages, pdfJobs, printToPdf } from '../../src/archive/pdf.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { bookFormatByName } from '../../src/render/book/index.js';
import { formatByName } from '../../src/render/formats.js';
import { printBook, printWork } from '../../src/render/print/index.js';
import { createApp } from '../../src/web/app.js';
import { CORPUS, SEED_ID, seedWork, TEST_ROOT } from '../support/seed.js';
import { memoryArchive } from '../support/works.js';

const CAPITAL = join(CORPUS, 'mia-html', 'marx', 'works', '1867-c1');
const SHOTS = join(TEST_ROOT, '..', 'test-output', 'screenshots', 'publish');
const dir = mkdtempSync(join(tmpdir(), 'octavo-pdf-'));
afterAll(async () => {
  await closePdfBrowser();
  rmSync(dir, { recursive: true, force: true });
});
/** Chromium prints in seconds, but a busy machine makes it slower. */
const SLOW = 180_000;
const ctx = { register: loadDefaultRegister(), now: () => '2025-01-01T00:00:00Z' };

function pdftotext(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The first page as PNG in test-output/screenshots/publish. */
function firstPage(bytes: Uint8Array, name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(SHOTS, name)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return join(SHOTS, `${name}.png`);
}

/** Positions of each string in the text, which must all be found. */
const positions = (text: string, parts: string[]) =>
  parts.map((p) => {
    const i = text.indexOf(p);
    expect(i, `"${p}" in the PDF's text`).toBeGreaterThanOrEqual(0);
    return i;
  });
const ascending = (xs: number[]) => expect([...xs].sort((a, b) => a - b)).toEqual(xs);

describe('PDF of a work', () => {
  it(
    'gives the header, the paragraphs and the note in reading order, with running head and page numbers',
    async () => {
      const bytes = await printToPdf(printWork(seedWork()));
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      const text = pdftotext(bytes, 'seed.pdf');
      const flat = text.replace(/\s+/g, ' ');
      ascending(
        positions(flat, [
          'To S. G. Shahumyan',
          'Written: May 14, 1918',
          'Source: Lenin, Collected Works, Progress Publishers, 1976, Moscow, Volume 35, page 332.',
          'Translated: Andrew Rothstein',
          'Dear Comrade Shahumyan,',
          'Many thanks for your letter.',
          'The difficulties are immeasurable.',
          'Best greetings and wishes',
          'Notes',
          'The defeat of the anti-Soviet revolt of the Mussavatists',
          // The credit line closes the copy.
          'This copy was made by Octavo from the archive record "lenin/1918/05/14-shahumyan"',
        ]),
      );
      // Running head (byline and title) and "page / pages" on every page.
      const pages = text.split('\f').filter((p) => p.trim());
      for (const [i, p] of pages.entries()) {
        expect(p.split('\n')[0]).toMatch(/V\. I\. Lenin to S\. G\. Shahumyan\s+To S\. G\. Shahumyan/);
        expect(p).toMatch(new RegExp(`\\b${i + 1}/${pages.length}\\s*$`));
      }
      firstPage(bytes, 'pdf-seed-page1');
    },
    SLOW,
  );

  it(
    'keeps Cyrillic text',
    async () => {
      const w = seedWork();
      const ru = {
        ...w,
        language: 'ru',
        title: 'С. Г. Шаумяну',
        body: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Дорогой товарищ Шаумян!' }] }],
        notes: [],
      };
      const text = pdftotext(await printToPdf(printWork(ru)), 'ru.pdf');
      expect(text).toContain('С. Г. Шаумяну');
      expect(text).toContain('Дорогой товарищ Шаумян!');
    },
    SLOW,
  );
});

describe('PDF of a book', () => {
  it('reads no page numbers from what is not a Chromium PDF', () => {
    expect(namedPages(new TextEncoder().encode('%PDF-1.4 nothing here'), ['c1']).size).toBe(0);
  });

  let a: Archive;
  beforeAll(async () => {
    a = await openArchive(join(dir, 'capital.db'));
    const sum = await importPaths(a.store, await collectFiles([CAPITAL]), ctx);
    expect(sum.failed).toBe(0);
  });
  afterAll(async () => a?.close());

  it(
    'has a title page, a contents page and every chapter, in contents order',
    async () => {
      const book = (await bookOf(a.store, ['marx', '1867-c1']))!;
      const doc = printBook(book);
      // Ids of the chapters are kept apart: every id in the document is unique.
      const ids = [...doc.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      const bytes = await printToPdf(doc);
      const text = pdftotext(bytes, 'capital.pdf');
      const pages = text.split('\f');
      expect(pages[0]).toContain(book.title);
      expect(pages[1]).toContain('Contents');
      for (const w of book.works) expect(pages[1]).toContain(w.title.split(':')[0]!.trim().slice(0, 30));
      // The contents page gives the page each chapter starts on (read from the first printing).
      const contents = pages[1]!.replace(/\s+/g, ' ');
      const numbers = book.works.map((w) => {
        const title = w.title.replace(/\s+/g, ' ');
        const n = Number(contents.match(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`))?.[1]);
        expect(n, `page number of ${title}`).toBeGreaterThan(2);
        // The chapter's kind and title open that page, below the running head.
        const lines = pages[n - 1]!.split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        expect(lines.slice(1, 3).join(' '), `page ${n}`).toContain(title.split(' ').slice(0, 3).join(' '));
        return n;
      });
      ascending(numbers);
      const flat = text.replace(/\s+/g, ' ');
      const starts = book.works.map((w) => flat.indexOf(`${w.title.replace(/\s+/g, ' ')} Karl Marx`, flat.indexOf('Contents') + 1));
      expect(starts.every((x) => x > 0)).toBe(true);
      ascending(starts);
      firstPage(bytes, 'pdf-capital-page1');
    },
    SLOW,
  );
});

describe('PDF from the app and the CLI', () => {
  it(
    'serves /works/<id>.pdf and /collections/<path>.pdf',
    async () => {
      const work = seedWork();
      const archive = await memoryArchive([work]);
      const app = createApp(archive);
      const res = await app.request(`/works/${SEED_ID}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(pdftotext(new Uint8Array(await res.arrayBuffer()), 'served.pdf')).toContain('Many thanks for your letter.');
      const book = await app.request(`/collections/${work.collections[0]!.path.join('/')}.pdf`);
      expect(book.status).toBe(200);
      expect(pdftotext(new Uint8Array(await book.arrayBuffer()), 'served-book.pdf')).toContain('Contents');
      // The page links the PDF among its other formats.
      expect(await (await app.request(`/works/${SEED_ID}`)).text()).toContain(`href="/works/${SEED_ID}.pdf"`);
      await archive.close();
    },
    SLOW,
  );

  it('answers 503 with the reason when Chromium is absent', async () => {
    await closePdfBrowser();
    const before = process.env.OCTAVO_CHROMIUM;
    process.env.OCTAVO_CHROMIUM = join(dir, 'no-chromium-here');
    try {
      const archive = await memoryArchive([seedWork()]);
      const res = await createApp(archive, { log: () => {} }).request(`/works/${SEED_ID}.pdf`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('PDF export needs Chromium');
      await archive.close();
    } finally {
      if (before === undefined) delete process.env.OCTAVO_CHROMIUM;
      else process.env.OCTAVO_CHROMIUM = before;
    }
  });

  it(
    'limits the PDFs printed at once and reuses one browser',
    async () => {
      const docs = Array.from({ length: 5 }, () => printWork(seedWork()));
      const all = Promise.all(docs.map((d) => printToPdf(d)));
      // Two print, three wait their turn.
      expect(pdfJobs()).toMatchObject({ running: 2, waiting: 3 });
      expect((await all).every((b) => b.length > 1000)).toBe(true);
      expect(pdfJobs()).toEqual({ running: 0, waiting: 0, peak: 2, browser: true });
    },
    SLOW,
  );

  it(
    'refuses at once with 503 and Retry-After when too many PDFs wait',
    async () => {
      process.env.OCTAVO_PDF_JOBS = '1';
      process.env.OCTAVO_PDF_QUEUE = '1';
      try {
        const archive = await memoryArchive([seedWork()]);
        const app = createApp(archive, { log: () => {} });
        const answers = await Promise.all([1, 2, 3].map(() => app.request(`/works/${SEED_ID}.pdf`)));
        expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 503]);
        const refused = answers.find((r) => r.status === 503)!;
        expect(refused.headers.get('retry-after')).toBe('60');
        expect(await refused.text()).toContain('the PDF printer is busy');
        await archive.close();
      } finally {
        delete process.env.OCTAVO_PDF_JOBS;
        delete process.env.OCTAVO_PDF_QUEUE;
      }
    },
    SLOW,
  );

  it('closes an idle browser, so a process that printed can exit', async () => {
    process.env.OCTAVO_PDF_IDLE_MS = '300';
    try {
      await printToPdf(printWork(seedWork()));
      expect(pdfJobs().browser).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(pdfJobs().browser).toBe(false);
    } finally {
      delete process.env.OCTAVO_PDF_IDLE_MS;
    }
  });

  it(
    'writes `octavo export --format pdf` and `octavo export-collection --format pdf`',
    async () => {
      const db = join(dir, 'cli.db');
      const seeded = await openArchive(db);
      await seeded.store.upsertWorks([seedWork()]);
      await seeded.close();
      const bin = join(TEST_ROOT, '..', 'bin', 'octavo.js');
      const one = join(dir, 'cli-seed.pdf');
      const r = spawnSync('node', [bin, 'export', SEED_ID, '--db', db, '--format', 'pdf', '--out', one], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(pdftotext(readFileSync(one), 'cli-seed-read.pdf')).toContain('The difficulties are immeasurable.');
      const whole = join(dir, 'cli-book.pdf');
      const path = seedWork().collections[0]!.path.join('/');
      const b = spawnSync('node', [bin, 'export-collection', path, '--db', db, '--format', 'pdf', '--out', whole], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(b.status, b.stderr).toBe(0);
      expect(pdftotext(readFileSync(whole), 'cli-book-read.pdf')).toContain('Contents');
      // The registries name the formats that need a browser.
      expect(formatByName('pdf')?.browser).toBe(true);
      expect(bookFormatByName('pdf')?.browser).toBe(true);
      // Other commands do not load playwright (module-log prints every module a command imports).
      const log = join(TEST_ROOT, 'support', 'module-log.mjs');
      const help = spawnSync(
        'node',
        ['--import', log, bin, 'export', SEED_ID, '--db', db, '--format', 'epub', '--out', join(dir, 'x.epub')],
        {
          encoding: 'utf8',
        },
      );
      expect(help.status, help.stderr).toBe(0);
      expect(help.stderr).toContain('LOADED');
      expect(help.stderr).not.toContain('playwright-core');
    },
    SLOW,
  );
});
