// Small made-up texts that pin each rule of the plain-text importer: chapters, books without chapters,
// parts, tables of contents, letters, the title page, bad input, and linear time on a huge paragraph.
import { describe, expect, it } from 'vitest';
import { loadDefaultRegister } from '../../model/register.js';
import { bodyText, inlineToString } from '../../model/text.js';
import type { Block, Work } from '../../model/work.js';
import { detect, importFile } from '../registry.js';
import { parsePlainText } from './index.js';

const ctx = { register: loadDefaultRegister() };
const imp = (path: string, text: string) => importFile({ path, bytes: Buffer.from(text) }, ctx);
const textOf = (b: Block | undefined) => (b && 'content' in b ? inlineToString(b.content) : '');
const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const allWords = (ws: Work[]) => ws.flatMap((w) => words(bodyText(w))).sort();
const shape = (w: Work) => w.body.map((b) => `${b.type}: ${'content' in b ? inlineToString(b.content) : ''}`);

describe('plain-text books', () => {
  it('a tiny book with CHAPTER headings: a collection of chapter works, in order, ids from slug and number', () => {
    const text = 'CHAPTER I\n\nIt was a dark night. The rain fell\non the roofs.\n\nCHAPTER II.\n\nMorning came, and with it the _post_.\n';
    const o = imp('tiny-book.txt', text);
    expect(o.diagnostics).toEqual([]);
    expect(o.works.map((w) => [w.id, w.kind, w.title])).toEqual([
      ['books/tiny-book/chapter-01', 'chapter', 'Chapter I'],
      ['books/tiny-book/chapter-02', 'chapter', 'Chapter II'],
    ]);
    expect(o.collections).toEqual([
      expect.objectContaining({
        path: ['books', 'tiny-book'],
        title: 'Tiny Book',
        members: [
          { title: 'Chapter I', workId: 'books/tiny-book/chapter-01' },
          { title: 'Chapter II', workId: 'books/tiny-book/chapter-02' },
        ],
      }),
    ]);
    expect(o.works[1]!.collections).toEqual([{ path: ['books', 'tiny-book'], titles: ['Books', 'Tiny Book'], position: 2 }]);
    // Hard-wrapped lines are joined with a space; _post_ is emphasis.
    expect(shape(o.works[0]!)).toEqual(['heading: CHAPTER I', 'paragraph: It was a dark night. The rain fell on the roofs.']);
    expect(o.works[1]!.body[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Morning came, and with it the ' },
        { type: 'text', text: 'post', marks: [{ type: 'emphasis' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(allWords(o.works)).toEqual(words(text).sort());
  });

  it('chapter forms: "Chapter 12", numeral over a title, CHAPTER with a title, text before the first chapter', () => {
    const text = [
      'Before the chapters there is a preamble of some length, which is the opening.',
      'Chapter 12\nThe Carpet-Bag',
      'I stuffed a shirt or two into my old carpet-bag.',
      'XIII.',
      'THE WHEELBARROW.',
      'Next morning, Monday, after disposing of the embalmed head to a barber.',
      'CHAPTER XIV. NANTUCKET',
      'Nothing more happened on the passage worthy the mentioning.',
    ].join('\n\n');
    const o = imp('moby.txt', text);
    expect(o.works.map((w) => `${w.id.split('/').at(-1)} ${w.title}`)).toEqual([
      'opening Before the chapters there is a preamble of…',
      'chapter-12 Chapter 12. The Carpet-Bag',
      'chapter-13 XIII. The Wheelbarrow',
      'chapter-14 Chapter XIV. Nantucket',
    ]);
    expect(shape(o.works[2]!)[0]).toBe('heading: XIII.\nTHE WHEELBARROW.');
    expect(allWords(o.works)).toEqual(words(text).sort());
  });

  it('BOOK/PART above chapters: ids and titles name both, the part heading opens its first chapter', () => {
    const text =
      'WAR AND PEACE\n\nby Leo Tolstoy\n\nBOOK ONE\n\nCHAPTER I\n\n"Well, Prince, so Genoa and Lucca are now just family estates."\n\n' +
      "CHAPTER II\n\nAnna Pavlovna's drawing room was gradually filling.\n\nBOOK TWO\n\nCHAPTER I\n\nIn October, 1805, a Russian army was occupying the villages.\n";
    const o = imp('war.txt', text);
    expect(o.works.map((w) => `${w.id} | ${w.title}`)).toEqual([
      'leo-tolstoy/war-and-peace/book-01-chapter-01 | Book One, Chapter I',
      'leo-tolstoy/war-and-peace/book-01-chapter-02 | Book One, Chapter II',
      'leo-tolstoy/war-and-peace/book-02-chapter-01 | Book Two, Chapter I',
    ]);
    // The title page (title line and byline) and BOOK ONE open the first chapter; nothing is lost.
    expect(shape(o.works[0]!).slice(0, 4)).toEqual([
      'heading: WAR AND PEACE',
      'paragraph: by Leo Tolstoy',
      'heading: BOOK ONE',
      'heading: CHAPTER I',
    ]);
    expect(o.works[0]!.authors).toEqual([{ id: 'leo-tolstoy', name: 'Leo Tolstoy' }]);
    expect(o.collections[0]!.title).toBe('War and Peace');
    expect(allWords(o.works)).toEqual(words(text).sort());
  });

  it('a table of contents is not a run of empty chapters', () => {
    const text =
      'A TALE OF TWO CITIES\n\nCONTENTS\n\nCHAPTER I. The Period\n\nCHAPTER II. The Mail\n\n' +
      'CHAPTER I.\nThe Period\n\nIt was the best of times, it was the worst of times.\n\nCHAPTER II.\nThe Mail\n\nIt was the Dover road.\n';
    const o = imp('two-cities.txt', text);
    expect(o.works.map((w) => w.id.split('/').at(-1))).toEqual(['opening', 'chapter-01', 'chapter-02']);
    expect(shape(o.works[0]!)).toEqual([
      'heading: A TALE OF TWO CITIES',
      'heading: CONTENTS',
      'paragraph: CHAPTER I. The Period',
      'paragraph: CHAPTER II. The Mail',
    ]);
    expect(o.works[1]!.title).toBe('Chapter I. The Period');
  });

  it('a text without chapters is one Work of kind book: rules, quotations, tables and verse keep their shape', () => {
    const text = [
      'It was a dark night -- the darkest of the year. See http://example.com/a--b and snake_case.',
      '* * *',
      '     "An indented quotation, which runs on\n     over two lines of the file."',
      '                                  £\n     Export to Russia        58,884\n     Import from Russia     112,252\n                           --------\n                  Total     171,136',
      'Roses are red,\nViolets are blue,\nThis line is short too.',
      'Morning came at last, and with it the post, which we had waited for all the long night through.',
    ].join('\n\n');
    const o = imp('night.txt', text);
    expect(o.collections).toEqual([]);
    expect(o.works).toHaveLength(1);
    const w = o.works[0]!;
    expect([w.id, w.kind, w.title]).toEqual(['books/night', 'book', 'night']);
    expect(w.body.map((b) => b.type)).toEqual(['paragraph', 'rule', 'quote', 'preformatted', 'paragraph', 'paragraph']);
    expect(textOf(w.body[0])).toBe('It was a dark night — the darkest of the year. See http://example.com/a--b and snake_case.');
    // The table keeps its columns; only the indentation common to all its lines goes.
    expect(textOf(w.body[3])).toBe(
      '                             £\nExport to Russia        58,884\nImport from Russia     112,252\n                      --------\n             Total     171,136',
    );
    expect((w.body[4] as { content: { type: string }[] }).content.filter((n) => n.type === 'lineBreak')).toHaveLength(2);
    expect(allWords(o.works)).toEqual(words(text).sort());
  });

  it('a text that opens with a salutation is one letter: dateline, salutation, closer, signature; author only when known', () => {
    const text = 'London, 12 March 1883.\n\nDear Sorge,\n\nYour telegram arrived yesterday. The news is sad.\n\nYours ever,\n\nF. Engels\n';
    const o = imp('engels-to-sorge.txt', text);
    expect(o.works).toHaveLength(1);
    const w = o.works[0]!;
    expect(w).toMatchObject({
      id: 'engels/1883/03/12-sorge',
      kind: 'letter',
      title: 'To Friedrich Adolph Sorge',
      authors: [{ id: 'engels' }],
      recipients: [{ id: 'sorge-friedrich', asWritten: 'Sorge' }],
      written: { date: { iso: '1883-03-12' }, place: { name: 'London' } },
    });
    expect(w.body.map((b) => b.type)).toEqual(['dateline', 'salutation', 'paragraph', 'closer', 'signature']);
    // "Sir,--" with no names: a letter with no author and no recipient, not a guess.
    const sir = imp(
      'reply.txt',
      'Sir,--\n\nI have the honour to acknowledge your letter of the 5th.\n\nI have the honour to be, Sir, your obedient servant,\n\nJ. SMITH.\n',
    );
    expect(sir.works[0]).toMatchObject({ kind: 'letter', authors: [], recipients: [] });
    expect(sir.works[0]!.body.map((b) => b.type)).toEqual(['salutation', 'paragraph', 'closer', 'signature']);
    // "Yours,\nK. Marx" in one paragraph: closer and signature; a signature the register knows is the author.
    const km = imp('note.txt', 'My dear Fred,\n\nI write in haste. The money has not come.\n\nYours,\nK. Marx\n');
    expect(km.works[0]).toMatchObject({ kind: 'letter', title: 'To Fred', authors: [{ id: 'marx' }], recipients: [{ id: 'fred' }] });
    expect(km.works[0]!.body.map((b) => b.type)).toEqual(['salutation', 'paragraph', 'closer', 'signature']);
  });

  it('letters inside a book: "Letter 1" over "To …", ending at the signature; the chapters after them', () => {
    const text =
      'Letter 1\n\n_To Mrs. Saville, England._\n\nSt. Petersburgh, Dec. 11th, 1796.\n\nYou will rejoice to hear that no disaster has befallen us.\n\n' +
      'Your affectionate brother,\n\nR. Walton\n\nChapter 1\n\nI am by birth a Genevese.\n\nChapter 2\n\nWe were brought up together.\n';
    const o = imp('frankenstein.txt', text);
    expect(o.works.map((w) => `${w.kind} ${w.title}`)).toEqual(['letter To Mrs. Saville', 'chapter Chapter 1', 'chapter Chapter 2']);
    expect(o.works[0]).toMatchObject({
      authors: [],
      recipients: [{ id: 'mrs-saville', name: 'Mrs. Saville' }],
      written: { date: { iso: '1796-12-11' }, place: { name: 'St. Petersburgh' } },
    });
    expect(o.works[0]!.body.map((b) => b.type)).toEqual(['heading', 'dateline', 'paragraph', 'closer', 'signature']);
    expect(allWords(o.works)).toEqual(words(text).sort());
  });

  it("an unquoted numbered letter ends at its signature; the editor's text after it stays in the chapter", () => {
    const text =
      'CHAPTER I\n\nNO. 1. LORD A TO LORD B.\n\nLONDON, 3rd May, 1790.\n\nMy Lord,\n\nThe fleet sails tomorrow.\n\nI am, my Lord, yours faithfully,\n\nA.\n\n' +
      'Here the editor resumes his own account of the affair.\n\nCHAPTER II\n\nThe end.\n';
    const o = imp('dispatches.txt', text);
    expect(o.works.map((w) => `${w.kind} ${w.title}`)).toEqual(['chapter Chapter I', 'letter Lord A to Lord B', 'chapter Chapter II']);
    expect(o.works[1]!.body.map((b) => b.type)).toEqual(['heading', 'dateline', 'salutation', 'paragraph', 'closer', 'signature']);
    expect(bodyText(o.works[0]!)).toContain('Here the editor resumes');
    expect(o.works[1]!.written).toMatchObject({ date: { iso: '1790-05-03' }, place: { name: 'London' } });
  });

  it('the title page: title line, byline, translator', () => {
    const o = imp(
      'prince.txt',
      'THE PRINCE\n\nby Nicolo Machiavelli\n\nTranslated by W. K. Marriott\n\nAll states, all powers, that have held rule over men have been republics or principalities.\n',
    );
    expect(o.works[0]).toMatchObject({
      id: 'nicolo-machiavelli/the-prince',
      kind: 'book',
      title: 'The Prince',
      authors: [{ id: 'nicolo-machiavelli', name: 'Nicolo Machiavelli' }],
      contributors: [{ role: 'translator', name: 'W. K. Marriott' }],
    });
    expect(o.works[0]!.body[0]).toMatchObject({ type: 'heading', level: 1 });
  });

  it('authors from file names only when the register knows the surname unambiguously', () => {
    const t = 'It was a dark night. The rain fell.\n\nMorning came at last.\n';
    expect(imp('lenin-what-is-to-be-done.txt', t).works[0]).toMatchObject({
      id: 'lenin/what-is-to-be-done',
      title: 'What Is to Be Done',
      authors: [{ id: 'lenin' }],
    });
    expect(imp('Marx and the Marxists.txt', t).works[0]).toMatchObject({ id: 'books/marx-and-the-marxists', authors: [] });
    expect(imp('smith-wealth-of-nations.txt', t).works[0]).toMatchObject({ title: 'Smith Wealth of Nations', authors: [] });
  });
});

describe('plain-text: bad input and large input', () => {
  it('an empty or blank file is a located error; binary junk is rejected by detect', () => {
    expect(parsePlainText({ path: 'e.txt', bytes: new Uint8Array() }, ctx).diagnostics).toEqual([
      { severity: 'error', file: 'e.txt', line: 1, message: 'the file is empty' },
    ]);
    expect(imp('e.txt', '').diagnostics).toEqual([{ severity: 'error', file: 'e.txt', line: 1, message: 'the file is empty' }]);
    expect(parsePlainText({ path: 'b.txt', bytes: Buffer.from('\n  \n\n') }, ctx).diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 1,
    });
    const junk = { path: 'junk.txt', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff, 0xfe, 0x10, 0x80]) };
    expect(detect(junk)).toMatchObject({ error: { line: 1, message: expect.stringMatching(/binary data/) } });
    const noise = { path: 'noise.txt', bytes: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256 || 1)) };
    expect('error' in detect(noise)).toBe(true);
    expect(parsePlainText(junk, ctx).diagnostics[0]).toMatchObject({ severity: 'error', file: 'junk.txt', line: 1 });
  });

  it('a 5 MB single paragraph imports in linear time', () => {
    const sentence = 'The history of all hitherto existing society is the history of _class_ struggles -- freeman and slave. ';
    const run = (mb: number) => {
      const bytes = Buffer.from(sentence.repeat(Math.ceil((mb * 1e6) / sentence.length)));
      const t0 = performance.now();
      const o = parsePlainText({ path: 'big.txt', bytes }, ctx);
      expect(o.works).toHaveLength(1);
      expect(o.works[0]!.body).toHaveLength(1);
      return performance.now() - t0;
    };
    run(0.5); // warm up
    const one = run(1);
    const five = run(5);
    expect(five).toBeLessThan(15_000);
    expect(five / one).toBeLessThan(12); // linear: about 5; quadratic would be about 25
  });
});
