// Books hold together on the real pages of *Capital* and the *Manifesto*: their contents link to the
// chapters the archive holds whatever the import order or folder, chapters inherit the title page,
// the book's title finds the book, long chapters get a contents list and previous/next.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOf, contentsOf, resolvedWork } from '../../src/archive/books.js';
import { collectFiles, importPaths } from '../../src/archive/import.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { bookFormatByName } from '../../src/render/book/index.js';
import { createApp } from '../../src/web/app.js';
import { CORPUS } from '../support/seed.js';
import { jing, TEI_ALL } from '../validate/jing.js';

const CAPITAL = join(CORPUS, 'mia-html', 'marx', 'works', '1867-c1');
const MANIFESTO = join(CORPUS, 'mia-html', 'marx', 'works', '1848', 'communist-manifesto');
const CHAPTERS = ['ch01.htm', 'ch15.htm', 'ch32.htm', 'ch33.htm'];
const dir = mkdtempSync(join(tmpdir(), 'octavo-books-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { register: loadDefaultRegister(), now: () => '2025-01-01T00:00:00Z' };

async function archiveOf(name: string, batches: string[][]): Promise<Archive> {
  const a = await openArchive(join(dir, `${name}.db`));
  for (const files of batches) {
    const sum = await importPaths(a.store, await collectFiles(files), ctx);
    expect(sum.failed, JSON.stringify(sum.results.filter((r) => r.status === 'failed'))).toBe(0);
  }
  return a;
}

/** What a contents list says, entry by entry: the work held, or nothing. */
const linked = async (a: Archive, path: string[]) =>
  (await contentsOf(a.store, path)).entries.map((e) => `${e.title}=${e.work?.id ?? e.part?.path.join('/') ?? '-'}`);

describe('contents that link', () => {
  let first: Archive;
  beforeAll(async () => {
    first = await archiveOf('index-first', [[join(CAPITAL, 'index.htm'), ...CHAPTERS.map((c) => join(CAPITAL, c))]]);
  });
  afterAll(async () => first?.close());

  it('resolves each held chapter from the index page, in the page order, and leaves the others at the source', async () => {
    const c = await contentsOf(first.store, ['marx', '1867-c1']);
    const held = c.entries.filter((e) => e.work).map((e) => e.work!.id);
    expect(held).toEqual(['marx/1867-c1/ch01', 'marx/1867-c1/ch15', 'marx/1867-c1/ch32', 'marx/1867-c1/ch33']);
    expect(c.held).toBe(4);
    const absent = c.entries.find((e) => e.title === 'Exchange')!;
    expect(absent.work).toBeUndefined();
    expect(absent.sourceHref).toBe('https://www.marxists.org/archive/marx/works/1867-c1/ch02.htm');
    // A chapter named by the contents is not listed again under "other works".
    expect(c.others.map((w) => w.id)).not.toContain('marx/1867-c1/ch01');
  });

  it('does not depend on the import order: chapters first, or the index page in another batch', async () => {
    const expected = await linked(first, ['marx', '1867-c1']);
    const later = await archiveOf('index-later', [CHAPTERS.map((c) => join(CAPITAL, c)), [join(CAPITAL, 'index.htm')]]);
    expect(await linked(later, ['marx', '1867-c1'])).toEqual(expected);
    await later.close();
  });

  it('links chapters kept in a folder of their own, off the archive layout, by where they were imported from', async () => {
    const flat = join(dir, 'flat-capital');
    mkdirSync(flat, { recursive: true });
    for (const f of ['index.htm', 'ch01.htm', 'ch15.htm']) cpSync(join(CAPITAL, f), join(flat, f));
    const a = await archiveOf('flat', [[join(flat, 'ch01.htm'), join(flat, 'ch15.htm')], [join(flat, 'index.htm')]]);
    const [book] = (await a.store.listCollections()).filter((c) => c.title.startsWith('Capital'));
    expect(book).toBeDefined();
    const c = await contentsOf(a.store, book!.path);
    expect(c.held).toBe(2);
    // And the chapter, though its record names no collection, inherits the title page of the index that lists it.
    const id = c.entries.find((e) => e.work)!.work!.id;
    const w = await resolvedWork(a.store, (await a.store.getWork(id))!);
    expect(w.inherited?.map((m) => m.field)).toContain('published');
    await a.close();
  });

  it('treats the same page imported again from another folder as the same, unchanged work', async () => {
    const copy = join(dir, 'copy', 'marx', 'works', '1867-c1');
    mkdirSync(copy, { recursive: true });
    cpSync(join(CAPITAL, 'ch01.htm'), join(copy, 'ch01.htm'));
    const sum = await importPaths(first.store, [join(copy, 'ch01.htm')], ctx);
    expect(sum.results[0]).toMatchObject({ status: 'unchanged', ids: ['marx/1867-c1/ch01'] });
    expect((await first.store.getWork('marx/1867-c1/ch01'))!.provenance.paths).toHaveLength(2);
    expect(await first.store.getWork('marx/1867-c1/ch01-2')).toBeUndefined();
  });
});

describe('chapters inherit their book', () => {
  let a: Archive;
  beforeAll(async () => {
    a = await archiveOf('inherit', [[MANIFESTO, CAPITAL]]);
  });
  afterAll(async () => a?.close());

  it('takes the date, source, translators and rights the chapter lacks from the title page, marked', async () => {
    const stored = (await a.store.getWork('marx/1848/communist-manifesto/ch02'))!;
    expect(stored.written).toBeUndefined();
    expect(stored.source).toBeUndefined();
    const w = await resolvedWork(a.store, stored);
    expect(w.written?.date?.start).toBe('1847-09-01');
    expect(w.source?.publisher).toBe('Progress Publishers');
    expect(w.contributors.find((c) => c.role === 'translator')?.name).toMatch(/Samuel Moore/);
    expect(w.rights.licence).toBe('CC-BY-SA-2.0');
    const from = (f: string) => w.inherited?.find((m) => m.field === f)?.from;
    expect(from('written')).toEqual({ path: ['marx', '1848', 'communist-manifesto'], title: 'Manifesto of the Communist Party' });
    // The record itself keeps only its own fields (nothing copied that could drift).
    expect((await a.store.getWork(stored.id))!.source).toBeUndefined();
  });

  it('keeps its own credits: MIA\'s trailing "Transcribed by … (1993)" block becomes contributors with years', async () => {
    const w = (await a.store.getWork('marx/1867-c1/ch01'))!;
    expect(w.contributors).toEqual([
      { role: 'transcriber', name: 'Bert Schultz', label: 'Transcribed', date: '1993' },
      { role: 'htmlMarkup', name: 'Brian Baggins & Andy Blunden', label: 'Html Markup', date: '1999' },
      { role: 'proofreader', name: 'Andy Blunden', label: 'Proofed and Corrected', date: '2005' },
    ]);
    const text = w.body.map((b) => ('content' in b ? b.content.map((i) => ('text' in i ? i.text : '')).join('') : '')).join(' ');
    expect(text).not.toMatch(/Transcribed by/);
  });

  it('shows inherited fields on the page as coming from the title page, and in the JSON export', async () => {
    const app = createApp(a);
    const html = await (await app.request('/works/marx/1848/communist-manifesto/ch02')).text();
    const $ = load(html);
    expect($('.info-written .inherited').text()).toContain('from the title page of Manifesto of the Communist Party');
    expect($('.info-written .inherited a').attr('href')).toBe('/collections/marx/1848/communist-manifesto');
    const json = (await (await app.request('/works/marx/1848/communist-manifesto/ch02.json')).json()) as { inherited: { field: string }[] };
    expect(json.inherited.map((m) => m.field)).toEqual(expect.arrayContaining(['written', 'source', 'rights']));
    const api = (await (await app.request('/api/works/marx/1848/communist-manifesto/ch02')).json()) as { inherited?: unknown[] };
    expect(api.inherited?.length).toBeGreaterThan(0);
  });

  it('finds the book by its title: the book named first, its chapters leading in contents order', async () => {
    const r = await a.search.search({ q: 'capital' });
    expect(r.collections?.[0]).toMatchObject({ path: ['marx', '1867-c1'], named: true });
    const capital = r.hits.map((h) => h.id).filter((id) => id.startsWith('marx/1867-c1/'));
    expect(r.hits.slice(0, capital.length).map((h) => h.id)).toEqual(capital);
    expect(capital.slice(0, 4)).toEqual(['marx/1867-c1/ch01', 'marx/1867-c1/ch15', 'marx/1867-c1/ch32', 'marx/1867-c1/ch33']);
    const m = await a.search.search({ q: 'communist manifesto' });
    expect(m.collections?.[0]?.title).toBe('Manifesto of the Communist Party');
    expect(m.hits.slice(0, 3).map((h) => h.id)).toEqual([
      'marx/1848/communist-manifesto/ch02',
      'marx/1848/communist-manifesto/ch03',
      'marx/1848/communist-manifesto/ch04',
    ]);
    // The collection facet reads as the book's own title.
    expect(m.facets.find((f) => f.name === 'collection')?.values.map((v) => v.label)).toContain('Manifesto of the Communist Party');
  });

  it('gives a long chapter a contents list of unskipped heading levels, rel=prev/next and a way back to the top', async () => {
    const app = createApp(a);
    const $ = load(await (await app.request('/works/marx/1867-c1/ch01')).text());
    const levels = $('.work-body')
      .find('h2, h3, h4, h5, h6')
      .map((_, h) => Number(h.tagName.slice(1)))
      .get();
    expect(levels[0]).toBe(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const toc = $('nav.toc a')
      .map((_, x) => $(x).attr('href'))
      .get();
    expect(toc.length).toBeGreaterThanOrEqual(5);
    for (const href of toc) expect($(href!.replace(/^#/, '[id="').concat('"]')).length).toBe(1);
    expect($('a[rel="next"]').attr('href')).toBe('/works/marx/1867-c1/ch15');
    expect($('a[href="#top"]').length).toBe(1);
    const last = load(await (await app.request('/works/marx/1867-c1/ch33')).text());
    expect(last('a[rel="prev"]').attr('href')).toBe('/works/marx/1867-c1/ch32');
  });

  it('lists the book on its author page, chapters under their book', async () => {
    const app = createApp(a);
    const $ = load(await (await app.request('/authors/marx')).text());
    const book = $('.book-group').filter((_, g) => $(g).find('h3').text().startsWith('Capital'));
    expect(book.find('.work-item-title').length).toBe(5);
  });

  it('exports the whole book in contents order, and the TEI corpus is valid', async () => {
    const book = (await bookOf(a.store, ['marx', '1867-c1']))!;
    expect(book.works.map((w) => w.id).slice(0, 4)).toEqual([
      'marx/1867-c1/ch01',
      'marx/1867-c1/ch15',
      'marx/1867-c1/ch32',
      'marx/1867-c1/ch33',
    ]);
    const txt = String(await bookFormatByName('txt')!.render(book));
    expect(txt.indexOf('Chapter One: Commodities')).toBeLessThan(txt.indexOf('Chapter Fifteen'));
    expect(jing(TEI_ALL, [{ name: 'capital.tei.xml', xml: String(await bookFormatByName('tei')!.render(book)) }])).toEqual({
      ok: true,
      errors: [],
    });
  });
});
