// The importer over every real page in corpus/mia-html (173 files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultRegister } from '../../model/register.js';
import { Collection, Work, type Block, type Inline } from '../../model/work.js';
import type { ImportOutcome } from '../types.js';
import { miaHtml } from './index.js';

const ROOT = fileURLToPath(new URL('../../../test/corpus/mia-html/', import.meta.url));
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const FILES = walk(ROOT)
  .map((p) => relative(ROOT, p).split('\\').join('/'))
  .sort();
const ctx = { register: loadDefaultRegister() };
const results = new Map<string, ImportOutcome>();
const bytesOf = (rel: string) => new Uint8Array(readFileSync(join(ROOT, rel)));

/** Files that are not documents, and why. Each must come back as a located error saying so. */
const NOT_DOCUMENTS: Record<string, string> = {
  '404.html': 'the site’s 404 error page (Jekyll “Page not found”), not an archive page',
  'marx/works/1845/theses/feuerbach.htm': 'MECW text removed from marxists.org: “File No Longer Available” notice',
  'marx/works/1845/theses/original.htm': 'MECW text removed: “File No Longer Available” notice',
  'marx/works/1846/letters/46_12_28.htm': 'MECW letter removed: “File No Longer Available” notice',
  'marx/works/1852/letters/52_03_05.htm': 'MECW letter removed: “File No Longer Available” notice',
  'marx/works/1865/value-price-profit/notes.htm': 'MECW notes removed: “File No Longer Available” notice',
  'marx/works/1871/civil-war-france/publication-notes.htm': 'MECW notes removed: “File No Longer Available” notice',
  'marx/works/1874/refugee-literature/ch05.htm': 'MECW text removed: “File No Longer Available” notice',
  'marx/works/1877/letters/77_11_10.htm': 'MECW letter removed: “File No Longer Available” notice',
  'marx/works/1895/03/06.htm': 'MECW text removed: “File No Longer Available” notice',
};

beforeAll(() => {
  const t0 = performance.now();
  for (const rel of FILES) results.set(rel, miaHtml.parse({ path: rel, bytes: bytesOf(rel) }, ctx));
  const ms = performance.now() - t0;
  // A second pass, once the code is warm, is what a long import run sees.
  const t1 = performance.now();
  for (const rel of FILES) miaHtml.parse({ path: rel, bytes: bytesOf(rel) }, ctx);
  const warm = performance.now() - t1;
  const bytes = FILES.reduce((n, f) => n + statSync(join(ROOT, f)).size, 0);
  const rate = (t: number) => (FILES.length / (t / 1000)).toFixed(0);
  console.log(
    `mia-html import speed: ${FILES.length} pages (${(bytes / 1048576).toFixed(1)} MB): first pass ${ms.toFixed(0)} ms = ${rate(ms)} pages/s; warm pass ${warm.toFixed(0)} ms = ${rate(warm)} pages/s`,
  );
});

const works = () => [...results.values()].flatMap((r) => r.works);
const work = (rel: string) => {
  const w = results.get(rel)?.works[0];
  if (!w) throw new Error(`${rel} did not import to a Work: ${JSON.stringify(results.get(rel)?.diagnostics)}`);
  return w;
};
const text = (c: Inline[]) => c.map((i) => (i.type === 'text' ? i.text : i.type === 'lineBreak' ? '\n' : '')).join('');
const blockText = (b: Block): string =>
  b.type === 'list'
    ? b.items.map(text).join('\n')
    : b.type === 'table'
      ? b.rows.flat().map(text).join(' ')
      : b.type === 'rule'
        ? ''
        : text(b.content);
function* inlinesOf(blocks: Block[]): Generator<Inline> {
  for (const b of blocks) {
    if ('content' in b) yield* b.content;
    else if (b.type === 'list') for (const it of b.items) yield* it;
    else if (b.type === 'table') for (const c of b.rows.flat()) yield* c;
  }
}

describe('every file of corpus/mia-html', () => {
  it('has 173 files', () => expect(FILES).toHaveLength(173));

  it('imports to one Work, or one Collection, or a located error about a non-document', () => {
    const summary = { works: 0, collections: 0, errors: 0 };
    for (const rel of FILES) {
      const r = results.get(rel)!;
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (rel in NOT_DOCUMENTS) {
        expect(r.works, rel).toEqual([]);
        expect(r.collections, rel).toEqual([]);
        expect(errors, rel).toHaveLength(1);
        expect(errors[0]!.file).toBe(rel);
        expect(errors[0]!.line ?? errors[0]!.element, `${rel} error is located`).toBeDefined();
        expect(errors[0]!.message).toMatch(/^The requested resource is no longer available/);
        summary.errors++;
        continue;
      }
      expect(errors, rel).toEqual([]);
      expect(r.works.length + r.collections.length, rel).toBe(1);
      if (r.works.length) summary.works++;
      else summary.collections++;
    }
    console.log(`mia-html outcomes: ${summary.works} works, ${summary.collections} collections, ${summary.errors} rejected pages`);
    expect(summary).toEqual({ works: 104, collections: 59, errors: 10 });
  });

  it('produces records that pass Work.parse / Collection.parse', () => {
    for (const [rel, r] of results) {
      for (const w of r.works) expect(() => Work.parse(w), rel).not.toThrow();
      for (const c of r.collections) expect(() => Collection.parse(c), rel).not.toThrow();
    }
  });

  it('gives unique ids that do not depend on the context or the clock', () => {
    const ids = works().map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rel = 'marx/works/1871/letters/71_04_17.htm';
    const again = miaHtml.parse({ path: rel, bytes: bytesOf(rel) }, { register: loadDefaultRegister(), now: () => '2030-01-01T00:00:00Z' });
    expect(again.works[0]!.id).toBe(work(rel).id);
    expect(again.works[0]!.provenance.importedAt).toBe('2030-01-01T00:00:00Z');
  });

  it('records provenance: file, format, importer version, sha256 of the bytes, marxists.org URL', () => {
    const w = work('marx/works/1875/letters/75_05_05.htm');
    expect(w.provenance).toMatchObject({
      file: 'marx/works/1875/letters/75_05_05.htm',
      format: 'mia-html',
      importer: `mia-html@${miaHtml.version}`,
      url: 'https://www.marxists.org/archive/marx/works/1875/letters/75_05_05.htm',
    });
    expect(w.provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
    // The corpus manifest lists the same sha256 for the file.
    const manifest = readFileSync(join(ROOT, '..', 'MANIFEST.sha256'), 'utf8');
    expect(manifest).toContain(`${w.provenance.checksum}  ./mia-html/marx/works/1875/letters/75_05_05.htm`);
  });

  it('leaves no note markers as "[n]" text and no navigation in any body; every note reference resolves', () => {
    for (const w of works()) {
      const ids = new Set(w.notes.map((n) => n.id));
      for (const i of inlinesOf(w.body)) if (i.type === 'noteRef') expect(ids.has(i.note), `${w.id}: ${i.note}`).toBe(true);
      for (const n of w.notes)
        for (const i of inlinesOf(n.blocks)) if (i.type === 'noteRef') expect(ids.has(i.note), `${w.id}: ${i.note}`).toBe(true);
      for (const b of w.body) {
        const t = blockText(b);
        expect(t, w.id).not.toMatch(/\[(\d{1,3}|\*|[A-Z])\](?!\d)/);
        expect(t.trim(), w.id).not.toMatch(/^(next|previous|index|contents|table of contents|back|top|home)\b.{0,40}$/i);
        expect(t, w.id).not.toMatch(/Marxists Internet Archive$|Marx Engels Internet Archive$|Letters Archive$/);
      }
    }
  });
});

/**
 * Title and written date of pages, as read off the pages themselves. `written` is the span the date
 * must fall in: [day, day] for a day, [first, last] for "mid-June 1877", null when the page gives no
 * date of writing.
 */
const EXPECTED: { file: string; title: string; kind: Work['kind']; written: [string, string] | null }[] = [
  { file: 'lenin/works/1913/mar/22.htm', title: 'Big Achievement of the Chinese Republic', kind: 'article', written: null },
  { file: 'lenin/works/1914/nov/08.htm', title: 'Letter to Vorwärts and Wiener Arbeiter-Zeitung', kind: 'letter', written: null },
  { file: 'lenin/works/1895/misc/engels-bio.htm', title: 'Frederick Engels', kind: 'article', written: ['1895-09-01', '1895-11-30'] },
  { file: 'lenin/works/1914/granat/ch00.htm', title: 'Preface', kind: 'preface', written: ['1918-05-14', '1918-05-14'] },
  { file: 'lenin/works/1914/granat/ch02.htm', title: 'The Marxist Doctrine', kind: 'chapter', written: null },
  { file: 'marx/works/1845/theses/theses.htm', title: 'Theses On Feuerbach', kind: 'article', written: ['1845-03-01', '1845-05-31'] },
  { file: 'marx/works/1847/11/prin-com.htm', title: 'The Principles of Communism', kind: 'article', written: ['1847-10-01', '1847-11-30'] },
  { file: 'marx/works/1847/wage-labour/ch04.htm', title: 'By what are wages determined?', kind: 'chapter', written: null },
  {
    file: 'marx/works/1848/communist-manifesto/ch02.htm',
    title: 'Chapter II. Proletarians and Communists',
    kind: 'chapter',
    written: null,
  },
  {
    file: 'marx/works/1852/18th-brumaire/ch01.htm',
    title: 'The Eighteenth Brumaire of Louis Bonaparte: I',
    kind: 'chapter',
    written: null,
  },
  { file: 'marx/works/1864/10/27.htm', title: 'Inaugural Address', kind: 'article', written: ['1864-10-21', '1864-10-27'] },
  { file: 'marx/works/1867-c1/ch01.htm', title: 'Chapter One: Commodities', kind: 'chapter', written: null },
  { file: 'marx/works/1867-c1/ch15.htm', title: 'Chapter Fifteen: Machinery and Modern Industry', kind: 'chapter', written: null },
  {
    file: 'marx/works/1868/letters/68_01_30.htm',
    title: 'Karl Marx to Ludwig Kugelmann, 30 January 1868',
    kind: 'letter',
    written: ['1868-01-30', '1868-01-30'],
  },
  {
    file: 'marx/works/1871/09/21.htm',
    title: 'Apropos Of Working-Class Political Action',
    kind: 'speech',
    written: ['1871-09-21', '1871-09-21'],
  },
  {
    file: 'marx/works/1871/civil-war-france/ch02.htm',
    title: 'The Second Address',
    kind: 'chapter',
    written: ['1870-09-09', '1870-09-09'],
  },
  { file: 'marx/works/1871/letters/71_04_12.htm', title: 'Marx to Dr Kugelmann', kind: 'letter', written: ['1871-04-12', '1871-04-17'] },
  {
    file: 'marx/works/1871/letters/71_04_17.htm',
    title: 'Marx to Ludwig Kugelmann',
    kind: 'letter',
    written: ['1871-04-17', '1871-04-17'],
  },
  { file: 'marx/works/1873/letters/73_06_20.htm', title: 'Engels to August Bebel', kind: 'letter', written: ['1873-06-20', '1873-06-20'] },
  { file: 'marx/works/1875/gotha/ch01.htm', title: 'Critique of the Gotha Programme: I', kind: 'chapter', written: null },
  { file: 'marx/works/1875/letters/75_03_18.htm', title: 'Engels to August Bebel', kind: 'letter', written: ['1875-03-18', '1875-03-28'] },
  { file: 'marx/works/1875/letters/75_05_05.htm', title: 'Marx to W. Bracke', kind: 'letter', written: ['1875-05-05', '1875-05-05'] },
  { file: 'marx/works/1877/06/karl-marx.htm', title: 'Karl Marx', kind: 'article', written: ['1877-06-01', '1877-06-30'] },
  { file: 'marx/works/1882/letters/82_09_12.htm', title: 'Engels to Karl Kautsky', kind: 'letter', written: ['1882-09-12', '1882-09-12'] },
  {
    file: 'marx/works/1883/death/burial.htm',
    title: 'Frederick Engels’ Speech at the Grave of Karl Marx',
    kind: 'speech',
    written: ['1883-03-17', '1883-03-17'],
  },
  { file: 'marx/works/1883/don/ch02.htm', title: 'II. Dialectics', kind: 'chapter', written: null },
  { file: 'marx/works/1884/origin-family/ch04.htm', title: 'IV. The Greek Gens', kind: 'chapter', written: null },
  { file: 'marx/works/1884/origin-family/preface.htm', title: 'Preface to the First Edition, 1884', kind: 'preface', written: null },
  { file: 'marx/works/1886/ludwig-feuerbach/ch02.htm', title: 'Part 2: Materialism', kind: 'chapter', written: null },
  { file: 'marx/works/1890/letters/90_08_05.htm', title: 'Engels to C. Schmidt', kind: 'letter', written: ['1890-08-05', '1890-08-05'] },
  {
    file: 'marx/works/1890/letters/90_08_21.htm',
    title: 'Engels to Otto Von Boenigk',
    kind: 'letter',
    written: ['1890-08-21', '1890-08-21'],
  },
  {
    file: 'marx/works/1890/letters/90_10_27.htm',
    title: 'Engels to Conrad Schmidt',
    kind: 'letter',
    written: ['1890-10-27', '1890-10-27'],
  },
  { file: 'marx/works/1893/letters/93_07_14.htm', title: 'Engels to Franz Mehring', kind: 'letter', written: ['1893-07-14', '1893-07-14'] },
  { file: 'marx/works/1894/early-christianity/index.htm', title: 'On the History of Early Christianity', kind: 'article', written: null },
  { file: 'marx/works/1894/letters/94_01_25.htm', title: 'Engels to Borgius', kind: 'letter', written: ['1894-01-25', '1894-01-25'] },
  { file: 'marx/works/1880/soc-utop/ch01.htm', title: 'Socialism: Utopian and Scientific: I', kind: 'chapter', written: null },
];

describe('titles and dates as the pages state them', () => {
  it(`covers ${EXPECTED.length} pages`, () => expect(EXPECTED.length).toBeGreaterThanOrEqual(30));
  for (const e of EXPECTED) {
    it(e.file, () => {
      const w = work(e.file);
      expect(w.title).toBe(e.title);
      expect(w.kind).toBe(e.kind);
      if (!e.written) expect(w.written?.date).toBeUndefined();
      else {
        const d = w.written?.date;
        expect(d, 'written date').toBeDefined();
        expect(
          d!.start >= e.written[0] && d!.end <= e.written[1] && d!.start <= d!.end,
          `${d!.start}..${d!.end} within ${e.written.join('..')}`,
        ).toBe(true);
        if (e.written[0] === e.written[1]) expect(d!.precision).toBe('day');
      }
    });
  }
});

describe('index pages → collections', () => {
  const coll = (rel: string) => {
    const c = results.get(rel)?.collections[0];
    if (!c) throw new Error(`${rel} did not import to a Collection`);
    return c;
  };

  it('a Collected Works volume: path, title, ordered members with hrefs', () => {
    const c = coll('lenin/works/cw/volume19.htm');
    expect(c.path).toEqual(['lenin', 'collected-works', 'volume-19']);
    expect(c.title).toBe('Lenin Collected Works: Volume 19');
    expect(c.members[0]).toEqual({ title: 'Preface', href: 'prfv19pp.htm' });
    const i = c.members.findIndex((m) => m.href === '../1913/mar/22.htm');
    expect(c.members[i]!.title).toBe('Big Achievement of the Chinese Republic');
    expect(c.members[i - 1]!.title).toBe('The Three Sources and Three Component Parts of Marxism');
    expect(c.members.length).toBeGreaterThan(100);
    expect(c.provenance.url).toBe('https://www.marxists.org/archive/lenin/works/cw/volume19.htm');
  });

  it('a year of letters: every row, with or without a page of its own', () => {
    const c = coll('marx/works/1871/letters/index.htm');
    expect(c.path).toEqual(['marx', 'letters', '1871']);
    expect(c.title).toBe('Letters of Marx and Engels: 1871');
    expect(c.members).toContainEqual({ title: 'Marx to Ludwig Kugelmann', href: '71_04_17.htm', note: '17 April' });
    expect(c.members).toContainEqual({ title: 'Marx to Natalie Liebknecht', note: '13 January' });
    const k12 = c.members.findIndex((m) => m.href === '71_04_12.htm');
    const k17 = c.members.findIndex((m) => m.href === '71_04_17.htm');
    expect(k12).toBeGreaterThan(0);
    expect(k17).toBeGreaterThan(k12);
  });

  it('a book’s table of contents (class="toc"/p.index)', () => {
    const c = coll('marx/works/1884/origin-family/index.htm');
    expect(c.path).toEqual(['marx', '1884', 'origin-family']);
    expect(c.title).toBe('The Origin of the Family, Private Property and the State');
    expect(c.members.map((m) => m.href)).toEqual(expect.arrayContaining(['preface.htm', 'ch02.htm', 'ch02b.htm', 'appen.htm']));
    expect(c.members.find((m) => m.href === 'appen.htm')).toMatchObject({
      title: 'A Recently Discovered Case of Group Marriage',
      note: 'Appendix',
    });
  });

  it('navigation pages: the Lenin archive front page (an image map) and the author index', () => {
    const front = coll('lenin/index.htm');
    expect(front.path).toEqual(['lenin']);
    expect(front.members.map((m) => m.title)).toEqual(expect.arrayContaining(['library', 'biography']));
    expect(coll('marx/index.htm').path).toEqual(['marx']);
    // The file the corpus calls the MIA home page holds the Selected Works index: a collection too.
    expect(coll('index.html').title).toBe('Marx Engels Selected Works');
  });

  it('works name the collections they sit in, with the same paths as the index pages', () => {
    const chapter = work('marx/works/1848/communist-manifesto/ch02.htm');
    expect(chapter.id).toBe('marx/1848/communist-manifesto/ch02');
    expect(chapter.collections[0]).toMatchObject({ path: coll('marx/works/1848/communist-manifesto/index.htm').path, position: 2 });
    const lenin = work('lenin/works/1913/mar/22.htm');
    expect(lenin.collections[0]).toEqual({
      path: ['lenin', 'collected-works', 'volume-19'],
      titles: ['V. I. Lenin', 'Collected Works', 'Volume 19'],
      position: 29,
    });
    const letter = work('marx/works/1871/letters/71_04_17.htm');
    expect(letter.collections[0]!.path).toEqual(coll('marx/works/1871/letters/index.htm').path);
  });
});
