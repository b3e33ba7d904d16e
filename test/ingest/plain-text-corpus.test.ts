// The four real plain-text books of test/corpus/plaintext-marx-engels, imported without --format: through
// importFile (detect picks plain-text) and through the import pipeline into an in-memory archive.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/archive/import.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { bodyText, inlineToString } from '../../src/model/text.js';
import type { Block, Work } from '../../src/model/work.js';
import { detect, importFile } from '../../src/ingest/registry.js';
import type { ImportOutcome } from '../../src/ingest/types.js';

const DIR = new URL('../corpus/plaintext-marx-engels/', import.meta.url).pathname;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const ctx = { register: loadDefaultRegister(), now: () => '2026-01-01T00:00:00.000Z' };
const read = (name: string) => readFileSync(join(DIR, name));
const outcomes = new Map<string, ImportOutcome>(FILES.map((f) => [f, importFile({ path: f, bytes: read(f) }, ctx)]));
const outcome = (name: string) => outcomes.get(name)!;

/** Words as letters and digits, case and Unicode form folded: what must survive import unchanged. */
const textOf = (b: Block | undefined) => (b && 'content' in b ? inlineToString(b.content) : '');
const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const counts = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
/** Source paragraphs: runs of non-blank lines (the BOM and CRs are no text). */
const paragraphs = (text: string) =>
  text
    .replace(/\uFEFF/g, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
const blocksOf = (w: Work, type: Block['type']) => w.body.filter((b) => b.type === type);
const emphasised = (w: Work) =>
  w.body.flatMap((b) => ('content' in b ? b.content : [])).filter((n) => n.type === 'text' && n.marks?.some((m) => m.type === 'emphasis'));

describe('the plain-text corpus, imported without --format', () => {
  it.each(FILES)('%s: detect picks plain-text, and it imports without errors', (f) => {
    const d = detect({ path: f, bytes: read(f) });
    expect('importer' in d && d.importer.name).toBe('plain-text');
    const o = outcome(f);
    expect(o.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(o.works.length).toBeGreaterThan(0);
    for (const w of o.works) expect(w.provenance).toMatchObject({ file: f, format: 'plain-text', importer: 'plain-text@1.0.0' });
  });

  it.each(FILES)('%s: no carriage return and no U+FEFF anywhere in the records', (f) => {
    const json = JSON.stringify(outcome(f));
    expect(json).not.toMatch(/\r|\\r|\uFEFF|\\ufeff/i);
  });

  it.each(FILES)('%s: every word of the input is in exactly one work (words in = words out)', (f) => {
    const input = counts(words(read(f).toString('utf8')));
    const output = counts(outcome(f).works.flatMap((w) => words(bodyText(w))));
    expect(output).toEqual(input);
  });

  it.each(FILES)('%s: every paragraph of the input is kept whole in one work', (f) => {
    const texts = outcome(f).works.map((w) => ` ${words(bodyText(w)).join(' ')} `);
    const missing = paragraphs(read(f).toString('utf8'))
      .map((p) => ` ${words(p).join(' ')} `)
      .filter((p) => p.trim() && !texts.some((t) => t.includes(p)));
    expect(missing).toEqual([]);
  });

  it.each(FILES)('%s: a book with chapters is a collection whose members are its works, in order', (f) => {
    const o = outcome(f);
    expect(o.collections).toHaveLength(1);
    const c = o.collections[0]!;
    expect(c.members.map((m) => m.workId)).toEqual(o.works.map((w) => w.id));
    o.works.forEach((w, i) => {
      expect(w.id.startsWith(`${c.path.join('/')}/`)).toBe(true);
      expect(w.collections).toEqual([{ path: c.path, titles: [expect.any(String), c.title], position: i + 1 }]);
    });
    expect(new Set(o.works.map((w) => w.id)).size).toBe(o.works.length);
  });

  it('titles come from the top line, else from the file name; a leading surname the register knows is the author', () => {
    const titles = Object.fromEntries(FILES.map((f) => [f, outcome(f).collections[0]!.title]));
    expect(titles).toEqual({
      'The Eighteenth Brumaire of Louis Bonaparte.txt': 'The Eighteenth Brumaire of Louis Bonaparte',
      'marx-communist-manifesto.txt': 'Communist Manifesto',
      'marx-revolution-counter-revolution.txt': 'Revolution Counter Revolution',
      'marx-secret-diplomatic.txt': 'Secret Diplomatic History of the Eighteenth Century',
    });
    expect(outcome('marx-communist-manifesto.txt').collections[0]!.path).toEqual(['marx', 'communist-manifesto']);
    expect(outcome('marx-communist-manifesto.txt').works[1]!.authors).toEqual([expect.objectContaining({ id: 'marx', name: 'Karl Marx' })]);
    // "The Eighteenth Brumaire…" names no one the register knows: no author, and the book goes under "books".
    const brumaire = outcome('The Eighteenth Brumaire of Louis Bonaparte.txt');
    expect(brumaire.collections[0]!.path).toEqual(['books', 'the-eighteenth-brumaire-of-louis-bonaparte']);
    expect(brumaire.works.every((w) => w.authors.length === 0)).toBe(true);
  });

  it('chapters: headings as the source words them, titles in ordinary capitals', () => {
    const summary = (f: string) => outcome(f).works.map((w) => `${w.kind}: ${w.title}`);
    expect(summary('marx-communist-manifesto.txt')).toEqual([
      'chapter: A spectre is haunting Europe—the spectre of Communism.…',
      'chapter: I. Bourgeois and Proletarians',
      'chapter: II. Proletarians and Communists',
      'chapter: III. Socialist and Communist Literature',
      'chapter: IV. Position of the Communists in Relation to the Various Existing Opposition Parties',
    ]);
    const manifesto = outcome('marx-communist-manifesto.txt').works;
    expect(textOf(manifesto[1]!.body[0])).toBe('I.\nBOURGEOIS AND PROLETARIANS');
    expect(manifesto[1]!.body[0]).toMatchObject({ type: 'heading' });
    // "_A. Feudal Socialism_" and "1. REACTIONARY SOCIALISM" are headings inside chapter III.
    expect(blocksOf(manifesto[3]!, 'heading').map((b) => textOf(b))).toEqual([
      'III.\nSOCIALIST AND COMMUNIST LITERATURE',
      '1. REACTIONARY SOCIALISM',
      'A. Feudal Socialism',
      'B. Petty-Bourgeois Socialism',
      'C. German, or “True,” Socialism',
      '2. CONSERVATIVE, OR BOURGEOIS, SOCIALISM',
      '3. CRITICAL-UTOPIAN SOCIALISM AND COMMUNISM',
    ]);
    expect(summary('The Eighteenth Brumaire of Louis Bonaparte.txt').slice(1)).toEqual(
      ['II', 'III', 'IV', 'V', 'VI', 'VII'].map((n) => `chapter: Chapter ${n}`),
    );
    const rcr = outcome('marx-revolution-counter-revolution.txt').works;
    expect(rcr).toHaveLength(14);
    expect(rcr.map((w) => w.id.split('/').at(-1))).toEqual([
      'opening',
      ...[4, 5, 6, 7, 8, 10, 11, 12, 14, 15, 16, 17, 19].map((n) => `chapter-${String(n).padStart(2, '0')}`),
    ]);
    expect(rcr[6]!.title).toBe('X. The Paris Rising—The Frankfort Assembly');
    // Each article ends "LONDON, September, 1851.": a dateline, and the chapter's date and place.
    expect(rcr[1]!.written).toMatchObject({ date: { iso: '1851-09' }, place: { name: 'London' } });
    expect(rcr[1]!.body.at(-1)).toMatchObject({ type: 'dateline' });
  });

  it('emphasis: _in partibus infidelium_ is an emphasis mark; -- is an em dash', () => {
    const rcr = outcome('marx-revolution-counter-revolution.txt').works[0]!;
    expect(emphasised(rcr)[0]).toEqual({ type: 'text', text: 'in partibus infidelium', marks: [{ type: 'emphasis' }] });
    expect(bodyText(rcr)).toContain('revolutionary party—or rather parties—upon');
    expect(bodyText(rcr)).not.toMatch(/_in partibus|--/);
  });

  describe('the letters of Secret Diplomatic History', () => {
    const o = outcome('marx-secret-diplomatic.txt');
    const letters = o.works.filter((w) => w.kind === 'letter');

    it('are three letters between chapter I and chapter V, each a member at its position', () => {
      expect(o.works.map((w) => `${w.kind} ${w.id.split('/').at(-1)}`)).toEqual([
        'chapter chapter-01',
        'letter letter-01',
        'letter letter-02',
        'letter letter-03',
        'chapter chapter-05',
        'chapter chapter-06',
      ]);
      expect(letters.map((l) => l.collections[0]!.position)).toEqual([2, 3, 4]);
    });

    it('have sender, recipient, place and date (Old Style days read as New Style, calendar noted)', () => {
      const people = (l: Work) => [l.authors.map((a) => a.name), l.recipients.map((a) => a.name)];
      expect(letters.map(people)).toEqual([
        [['Mr. Rondeau'], ['Horace Walpole']],
        [['Sir George Macartney'], ['the Earl of Sandwich']],
        [['Sir James Harris'], ['Lord Grantham']],
      ]);
      expect(letters[0]!.written).toMatchObject({
        date: { iso: '1736-08-17', precision: 'day' },
        place: { id: 'st-petersburg', name: 'St. Petersburg', asWritten: 'Petersburg' },
      });
      expect(letters[0]!.written!.date!.calendar).toBeUndefined();
      expect(letters[1]!.written).toMatchObject({
        date: { iso: '1765-03-12', start: '1765-03-12', calendar: 'julian', text: '1st (12th) March, 1765' },
        place: { name: 'St. Petersburg' },
      });
      expect(letters[2]!.written).toMatchObject({ date: { iso: '1782-08-27', calendar: 'julian' }, place: { name: 'St. Petersburg' } });
      expect(letters[0]!.recipients[0]).toEqual({ id: 'horace-walpole', name: 'Horace Walpole', asWritten: 'HORACE WALPOLE' });
      expect(letters[0]!.title).toBe('Mr. Rondeau to Horace Walpole');
    });

    it('open with their heading and dateline, and hold their quoted paragraphs and nothing more', () => {
      const shape = (l: Work) => l.body.map((b) => b.type);
      expect(shape(letters[0]!)).toEqual(['heading', 'dateline', 'paragraph']);
      expect(textOf(letters[0]!.body[1])).toBe('"PETERSBURG, 17th August, 1736.');
      expect(shape(letters[1]!)).toEqual(['heading', 'dateline', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
      expect(textOf(letters[2]!.body[0])).toBe('NO. 3.—SIR JAMES HARRIS TO LORD GRANTHAM.');
      // Every paragraph of a quoted letter opens a quotation; the editor's text resumes in chapter I.
      for (const l of letters) for (const b of l.body.slice(1)) expect(textOf(b)).toMatch(/^"/);
      const chapter1 = o.works[0]!;
      expect(bodyText(chapter1)).toContain('4. (MANUSCRIPT) ACCOUNT OF RUSSIA');
      expect(bodyText(chapter1)).toContain('The documents published in the first chapter extend');
    });
  });
});

describe('the plain-text corpus through the import pipeline', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchive(':memory:');
  });
  afterAll(async () => {
    await archive.close();
  });

  it('stores every work and each book collection; re-importing changes nothing', async () => {
    const files = FILES.map((f) => join(DIR, f));
    const sum = await importPaths(archive.store, files, { register: archive.register });
    expect(sum.failed).toBe(0);
    const total = [...outcomes.values()].reduce((n, o) => n + o.works.length, 0);
    expect(sum.works.imported).toBe(total);
    expect(await archive.store.countWorks()).toBe(total);
    const letter = await archive.store.getWork('marx/secret-diplomatic-history-of-the-eighteenth-century/letter-02');
    expect(letter).toMatchObject({ kind: 'letter', written: { date: { iso: '1765-03-12', calendar: 'julian' } } });
    const book = await archive.store.getCollection(['marx', 'secret-diplomatic-history-of-the-eighteenth-century']);
    expect(book?.members.map((m) => m.title)).toEqual([
      'Chapter I',
      'Mr. Rondeau to Horace Walpole',
      'Sir George Macartney to the Earl of Sandwich',
      'Sir James Harris to Lord Grantham',
      'Chapter V',
      'Chapter VI',
    ]);
    const again = await importPaths(archive.store, files, { register: archive.register });
    expect(again).toMatchObject({ failed: 0, works: { imported: 0, updated: 0, unchanged: total } });
  });
});
