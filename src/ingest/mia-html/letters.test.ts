// Letters from the corpus, field by field, against what the pages say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultRegister } from '../../model/register.js';
import { Work, type Block, type Inline } from '../../model/work.js';
import { miaHtml } from './index.js';

const CORPUS = new URL('../../../test/corpus/mia-html/', import.meta.url);
const register = loadDefaultRegister();
function load(rel: string): Work {
  const r = miaHtml.parse({ path: rel, bytes: new Uint8Array(readFileSync(new URL(rel, CORPUS))) }, { register });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.works).toHaveLength(1);
  return Work.parse(r.works[0]); // the record is a valid Work
}
const text = (c: Inline[]) => c.map((i) => (i.type === 'text' ? i.text : i.type === 'lineBreak' ? '\n' : '')).join('');
const blockText = (b: Block) => ('content' in b ? text(b.content) : b.type === 'list' ? b.items.map(text).join('\n') : '');
const ofType = (w: Work, t: string) => w.body.filter((b) => b.type === t).map(blockText);
const allText = (w: Work) => w.body.map(blockText).join('\n');
const refs = (blocks: Block[]) =>
  blocks.flatMap((b) => ('content' in b ? b.content : [])).filter((i): i is Extract<Inline, { type: 'noteRef' }> => i.type === 'noteRef');

/** Both directions: every marker points at a note; every referenced note's marker sits in the text. */
function expectLinked(w: Work, ids: string[]) {
  const marked = refs(w.body).map((r) => r.note);
  expect(marked).toEqual(ids);
  for (const id of ids)
    expect(
      w.notes.find((n) => n.id === id),
      id,
    ).toBeDefined();
}
const NAV = /\b(Next|Previous|Index|Letters Archive|Internet Archive|Table of Contents)\b/;

describe('Marx to Ludwig Kugelmann, 17 April 1871 (71_04_17.htm)', () => {
  const w = load('marx/works/1871/letters/71_04_17.htm');
  it('header', () => {
    expect(w.id).toBe('marx/1871/04/17-kugelmann');
    expect(w.kind).toBe('letter');
    expect(w.title).toBe('Marx to Ludwig Kugelmann');
    expect(w.subtitle).toBe('In Hanover');
    expect(w.authors.map((a) => a.id)).toEqual(['marx']);
    expect(w.recipients).toEqual([{ id: 'kugelmann-ludwig', name: 'Ludwig Kugelmann' }]);
    expect(w.written).toMatchObject({ text: 'April 17, 1871', date: { start: '1871-04-17', precision: 'day' }, place: { name: 'London' } });
    expect(w.sentTo).toEqual({ id: 'hanover', name: 'Hanover' });
    expect(w.source).toMatchObject({ title: 'Marx and Engels Correspondence', publisher: 'International Publishers', year: '1968' });
    expect(w.published).toEqual([{ venue: 'Gestamtausgabe', text: 'Gestamtausgabe' }]);
    expect(w.contributors).toEqual([
      { role: 'transcriber', name: 'Sally Ryan', label: 'Transcribed', date: '1999' },
      { role: 'htmlMarkup', name: 'Sally Ryan', label: 'HTML Markup' },
    ]);
    expect(w.rights.licence).toBe('NOASSERTION'); // the page states no licence
  });
  it('dateline, salutation, closer, signature', () => {
    expect(w.body[0]).toEqual({ type: 'dateline', content: [{ type: 'text', text: '[London] April 17, 1871' }] });
    expect(ofType(w, 'salutation')).toEqual(['Dear Kugelmann']);
    expect(ofType(w, 'closer')).toEqual(['Adieu!']);
    expect(ofType(w, 'signature')).toEqual(['KM']);
    expect(w.body.at(-1)!.type).toBe('signature');
  });
  it('note 1 linked both ways, no "[1]" or navigation in the text', () => {
    expectLinked(w, ['n1']);
    expect(w.notes[0]).toMatchObject({ id: 'n1', label: '1', kind: 'editorial' });
    expect(blockText(w.notes[0]!.blocks[0]!)).toMatch(/^On 13 June 1849, the petty-bourgeois party of the Montagne/);
    expect(allText(w)).not.toContain('[1]');
    expect(allText(w)).not.toMatch(NAV);
    expect(allText(w)).not.toMatch(/Abstract|Notes$/m);
  });
  it('sits in the 1871 letters', () => {
    expect(w.collections[0]).toEqual({
      path: ['marx', 'letters', '1871'],
      titles: ['Marx & Engels Internet Archive', 'Letters', '1871 Letters'],
    });
  });
});

describe('Karl Marx to Ludwig Kugelmann, 30 January 1868 (68_01_30.htm)', () => {
  const w = load('marx/works/1868/letters/68_01_30.htm');
  it('salutation and a three-line p.sig: "Salut / Yours / KM"', () => {
    expect(ofType(w, 'salutation')).toEqual(['Dear Kugelmann']);
    expect(ofType(w, 'closer')).toEqual(['Salut\nYours']);
    expect(w.body.at(-1)).toEqual({ type: 'signature', content: [{ type: 'text', text: 'KM', marks: [{ type: 'strong' }] }] });
  });
  it('date from the title (no Written field), source with a colon outside the label', () => {
    expect(w.written?.date?.start).toBe('1868-01-30');
    expect(w.id).toBe('marx/1868/01/30-kugelmann');
    expect(w.source?.title).toBe('Letters to Dr Kugelmann');
  });
  it('eleven notes; note 7 continues over the following p.information paragraphs without an anchor', () => {
    expect(w.notes.map((n) => n.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const n7 = w.notes.find((n) => n.id === 'n7')!;
    expect(n7.blocks.length).toBe(16);
    expect(blockText(n7.blocks[0]!)).toBe('The autobiographical note read as follows:');
    expect(blockText(n7.blocks[1]!)).toBe('Karl Marx, doctor of philosophy, born at Trier, 5 May 1818.');
    expect(blockText(n7.blocks.at(-1)!)).toMatch(/^1867: Capital, Volume 1 \(Hamburg\)/);
    expect(refs(w.body).map((r) => r.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(allText(w)).not.toMatch(/\[\d+\]/);
  });
  it('the quotation in p.indentb is a quote block', () => {
    expect(ofType(w, 'quote')[0]).toMatch(/^The author’s views may be as pernicious as we conceive them to be/);
  });
});

describe('Engels to August Bebel, 20 June 1873 (73_06_20.htm)', () => {
  const w = load('marx/works/1873/letters/73_06_20.htm');
  it('dateline from the h4, salutation from a p.sig at the top, closing lines', () => {
    expect(ofType(w, 'dateline')).toEqual(['London, 20 June, 1873']);
    expect(ofType(w, 'salutation')).toEqual(['Dear Bebel']);
    expect(ofType(w, 'closer')).toEqual(['Cordial greetings to Liebknecht.', 'Sincerely yours']);
    expect(ofType(w, 'signature')).toEqual(['F Engels']);
    expect(w.written).toMatchObject({ date: { start: '1873-06-20' }, place: { name: 'London' } });
    expect(w.recipients.map((r) => r.id)).toEqual(['bebel-august']);
    expect(w.sentTo?.name).toBe('Hubertsburg');
  });
  it('the "[*]" marker that pointed at #n2 is linked to the * note; all notes linked both ways', () => {
    expectLinked(w, ['n1', 'n2', 'n3', 'nstar', 'n4']);
    expect(w.notes.find((n) => n.id === 'nstar')).toMatchObject({ label: '*' });
    expect(blockText(w.notes.find((n) => n.id === 'nstar')!.blocks[0]!)).toMatch(/^Mühlberger, Arthur\./);
    const r = miaHtml.parse(
      {
        path: 'marx/works/1873/letters/73_06_20.htm',
        bytes: new Uint8Array(readFileSync(new URL('marx/works/1873/letters/73_06_20.htm', CORPUS))),
      },
      { register },
    );
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', line: 32, message: expect.stringContaining('note marker [*] points at #n2') }),
    );
    expect(allText(w)).not.toMatch(/\[(\d|\*)\]/);
  });
});

describe('Engels to August Bebel, 18–28 March 1875 (75_03_18.htm)', () => {
  const w = load('marx/works/1875/letters/75_03_18.htm');
  it('written place and range from the header', () => {
    expect(w.written).toMatchObject({
      text: 'London, March 18-28, 1875',
      date: { start: '1875-03-18', end: '1875-03-28' },
      place: { name: 'London' },
    });
    expect(w.contributors).toContainEqual({ role: 'translator', name: 'Peter and Betty Ross', label: 'Translated' });
    expect(w.published[0]).toMatchObject({ venue: 'Aus meinem Leben' });
  });
  it('closer, initials as signature, and the line after the signature as postscript', () => {
    expect(ofType(w, 'closer')).toEqual(['Ever your friend,']);
    expect(ofType(w, 'signature')).toEqual(['F. E.']);
    expect(ofType(w, 'postscript')).toEqual(['Marx has just moved house. He is living at 41 Maitland Park Crescent, NW London.']);
    expect(w.body.at(-1)!.type).toBe('postscript');
  });
  it('footnotes in <P class="fst"><a name="n2"></a><STRONG>2.</STRONG> form; note 1 (unmarked) kept, label not repeated', () => {
    expect(w.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11', 'n12']);
    expect(refs(w.body).map((r) => r.note)).toEqual(['n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11', 'n12']);
    expect(blockText(w.notes[9]!.blocks[0]!)).toMatch(/^Philippe Joseph Buchez, one of the/);
    // Note 6 runs on over a plain paragraph and two indented quotations.
    expect(w.notes[5]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'quote', 'paragraph', 'quote']);
    expect(allText(w)).not.toMatch(/Footnotes/);
  });
});

describe('Marx to W. Bracke, 5 May 1875 (75_05_05.htm)', () => {
  const w = load('marx/works/1875/letters/75_05_05.htm');
  it('two closing lines before a p.sig signature', () => {
    expect(ofType(w, 'salutation')).toEqual(['Dear Bracke,']);
    expect(ofType(w, 'closer')).toEqual(['With best regards,', 'Yours,']);
    expect(ofType(w, 'signature')).toEqual(['Karl Marx']);
    expect(w.recipients.map((r) => r.id)).toEqual(['bracke-wilhelm']);
  });
  it('Online Version and Transcription/Markup', () => {
    expect(w.contributors).toEqual([
      { role: 'other', name: 'marxists.org', label: 'Online Version', date: '1999' },
      { role: 'transcriber', name: 'Brian Baggins', label: 'Transcription/Markup' },
      { role: 'markup', name: 'Brian Baggins', label: 'Transcription/Markup' },
    ]);
    expect(w.source).toMatchObject({
      author: 'Marx/Engels',
      title: 'Selected Works',
      volume: 'Three',
      pages: '11-12',
      publisher: 'Progress Publishers',
      place: 'Moscow',
      year: '1970',
    });
  });
  it('no navigation ("Critique of the Gotha Programme", "1873 Letters", "Letters Archive") in the body', () => {
    expect(allText(w)).not.toMatch(NAV);
    expect(allText(w)).not.toMatch(/1873 Letters|Critique of the Gotha Programme$/m);
  });
});

describe('Engels to Otto von Boenigk, 21 August 1890 (90_08_21.htm)', () => {
  const w = load('marx/works/1890/letters/90_08_21.htm');
  it('a two-line dateline and an editor’s lettered note [A] linked both ways', () => {
    expect(ofType(w, 'dateline')).toEqual(['Folkestone, near Dover\nAugust 21, 1890']);
    expect(w.written).toMatchObject({ date: { start: '1890-08-21' }, place: { name: 'Folkestone' } });
    expectLinked(w, ['A']);
    expect(w.notes[0]!.label).toBe('A');
    expect(blockText(w.notes[0]!.blocks[0]!)).toMatch(/^Boenigk asked Engels whether/);
    expect(allText(w)).not.toContain('[A]');
  });
});

describe('Lenin, Letter to Vorwärts and Wiener Arbeiter-Zeitung, 1914 (lenin/works/1914/nov/08.htm)', () => {
  const w = load('lenin/works/1914/nov/08.htm');
  it('a letter by its title; recipients from the title; Lenin resolved through the register', () => {
    expect(w.kind).toBe('letter');
    expect(w.authors).toEqual([
      { id: 'lenin', name: 'V. I. Lenin', asWritten: 'V.I. Lenin', refs: ['http://www.wikidata.org/entity/Q1394'] },
    ]);
    expect(w.recipients.map((r) => r.name)).toEqual(['Vorwärts', 'Wiener Arbeiter-Zeitung']);
    expect(w.id).toBe('lenin/1914/11/08-vorwarts');
  });
  it('p.salutation and a p.sig that is only a closing formula', () => {
    expect(ofType(w, 'salutation')).toEqual(['Dear Comrades:']);
    expect(ofType(w, 'closer')).toEqual(['With Social-Democratic greetings']);
    expect(ofType(w, 'signature')).toEqual([]);
    // The printed page the letter starts on (Lenin CW anchor v21pp74h:42).
    expect((w.body[0] as { content: Inline[] }).content[0]).toEqual({ type: 'pageBreak', n: '42' });
  });
  it('Lenin CW header: published, source, rights, formats, collections', () => {
    expect(w.published).toEqual([
      expect.objectContaining({
        venue: 'Lenin Miscellany XIV',
        text: 'First published in 1930, in Lenin Miscellany XIV.',
        note: 'Published according to the manuscript.',
      }),
    ]);
    expect(w.source).toMatchObject({
      author: 'Lenin',
      title: 'Collected Works',
      publisher: 'Progress Publishers',
      year: '1974',
      place: 'Moscow',
      volume: '21',
      pages: '42',
    });
    expect(w.rights).toMatchObject({ licence: 'public-domain', credit: 'Marxists Internet Archive' });
    expect(w.rights.statement).toMatch(/^Public Domain: Lenin Internet Archive \(2005\)\./);
    expect(w.headerNotes).toEqual(['Translated from the German.']);
    expect(w.contributors.map((c) => c.role)).toEqual(['transcriber', 'markup']); // "Translated:" is empty on this page
    expect(w.collections[0]).toEqual({
      path: ['lenin', 'collected-works', 'volume-21'],
      titles: ['V. I. Lenin', 'Collected Works', 'Volume 21'],
      position: 42,
    });
    expect(w.collections.some((c) => c.path.join('/') === 'lenin/1914/granat')).toBe(false); // "forward >" is a neighbour, not a container
  });
  it('the endnote (p.endnote, id fwV21E027) linked both ways', () => {
    expectLinked(w, ['fwV21E027']);
    expect(blockText(w.notes[0]!.blocks[0]!)).toMatch(
      /^The notes on Lenin’s report referred to in the article were published in Vorwärts No\. 308/,
    );
    expect(allText(w)).not.toMatch(/\[1\]|backward|forward|Works Index/);
  });
});

describe('Engels to Borgius (94_01_25.htm) and Engels to Franz Mehring (93_07_14.htm)', () => {
  it('the title’s note marker stays out of the title; the note is kept', () => {
    const w = load('marx/works/1894/letters/94_01_25.htm');
    expect(w.title).toBe('Engels to Borgius');
    expect(w.recipients.map((r) => r.id)).toEqual(['borgius-walther']);
    expect(w.notes.map((n) => n.id)).toEqual(['n1']);
    expect(ofType(w, 'quote')).toHaveLength(2);
  });
  it('"Once more cordial thanks and greetings from / Yours, / F. Engels"', () => {
    const w = load('marx/works/1893/letters/93_07_14.htm');
    expect(ofType(w, 'closer')).toEqual(['Once more cordial thanks and greetings from', 'Yours,']);
    expect(ofType(w, 'signature')).toEqual(['F. Engels']);
    expect(w.contributors[0]).toEqual({ role: 'translator', name: 'Donna Torr', label: 'Translated' });
  });
});
