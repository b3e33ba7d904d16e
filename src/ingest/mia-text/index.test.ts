import { describe, expect, it } from 'vitest';
import { parseMiaText } from './index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { Work, type Inline } from '../../model/work.js';
import { seedWork, SEED_ID } from '../../../test/support/seed.js';

const text = (inl: Inline[]) => inl.map((i) => (i.type === 'text' ? i.text : i.type === 'noteRef' ? `<${i.label}>` : '')).join('');
const ctx = { register: loadDefaultRegister() };

describe('mia-text importer on the seed page', () => {
  const w = seedWork();

  it('is a valid letter with a stable id', () => {
    expect(() => Work.parse(w)).not.toThrow();
    expect(w.kind).toBe('letter');
    expect(w.id).toBe(SEED_ID);
    expect(w.language).toBe('en');
  });

  it('names Lenin as author and S. G. Shahumyan as recipient', () => {
    expect(w.authors).toHaveLength(1);
    expect(w.authors[0]).toMatchObject({ id: 'lenin', asWritten: 'Lenin' });
    expect(w.recipients).toHaveLength(1);
    expect(w.recipients[0]).toMatchObject({ name: 'S. G. Shahumyan', asWritten: 'Shahumyan' });
  });

  it('reads the written date as 1918-05-14 with its wording kept', () => {
    expect(w.written?.date).toMatchObject({ iso: '1918-05-14', precision: 'day', start: '1918-05-14', end: '1918-05-14' });
    expect(w.written?.text).toBe('Written on May 14, 1918');
  });

  it('reads the printing in the Bulletins, No. 33, 1918-09-08', () => {
    expect(w.published).toHaveLength(1);
    expect(w.published[0]!.venue).toBe(
      'Bulletins of the Dictatorship of the Tsentrokaspy and the Presidium of the Provisional Executive Committee',
    );
    expect(w.published[0]!.issue).toBe('33');
    expect(w.published[0]!.date?.iso).toBe('1918-09-08');
    expect(w.headerNotes).toEqual(['Printed from the Bulletins text.']);
  });

  it('reads "Sent to Baku."', () => {
    expect(w.sentTo).toMatchObject({ id: 'baku', name: 'Baku' });
  });

  it('reads the source: Collected Works, Progress Publishers, 1976, Moscow, vol. 35, p. 332', () => {
    expect(w.source).toMatchObject({
      author: 'Lenin',
      title: 'Collected Works',
      publisher: 'Progress Publishers',
      year: '1976',
      place: 'Moscow',
      volume: '35',
      pages: '332',
    });
  });

  it('reads the translator and the transcriber/markup', () => {
    expect(w.contributors.filter((c) => c.role === 'translator').map((c) => c.name)).toEqual(['Andrew Rothstein']);
    expect(w.contributors.filter((c) => c.role === 'transcriber').map((c) => c.name)).toEqual(['R. Cymbala']);
    expect(w.contributors.filter((c) => c.role === 'markup').map((c) => c.name)).toEqual(['R. Cymbala']);
  });

  it('reads the rights: public domain, credit "Marxists Internet Archive"', () => {
    expect(w.rights.licence).toBe('public-domain');
    expect(w.rights.credit).toBe('Marxists Internet Archive');
    expect(w.rights.statement).toMatch(/^Public Domain: Lenin Internet Archive\. You may freely copy/);
  });

  it('reads the other formats Text and README', () => {
    expect(w.otherFormats?.map((f) => f.label)).toEqual(['Text', 'README']);
  });

  it('shapes the body: salutation, three paragraphs, closer, signature', () => {
    expect(w.body.map((b) => b.type)).toEqual(['salutation', 'paragraph', 'paragraph', 'paragraph', 'closer', 'signature']);
    const t = w.body.map((b) => ('content' in b ? text(b.content) : ''));
    expect(t[0]).toBe('Dear Comrade Shahumyan,');
    expect(t[1]).toMatch(/^Many thanks for your letter\..*we shall be victorious\.$/);
    expect(t[2]).toMatch(/^The difficulties are immeasurable\./);
    expect(t[3]).toBe('Best greetings and wishes, and greetings to all friends.');
    expect(t[4]).toBe('Yours,');
    expect(t[5]).toBe('Lenin');
  });

  it('ties note 1 to its marker after "…learn diplomacy." and keeps both paragraphs of the note', () => {
    const para = w.body[2]!;
    if (!('content' in para)) throw new Error('expected a paragraph');
    const refIndex = para.content.findIndex((i) => i.type === 'noteRef');
    expect(para.content[refIndex]).toEqual({ type: 'noteRef', note: 'n1', label: '1' });
    const before = para.content[refIndex - 1];
    expect(before?.type === 'text' && before.text.endsWith('learn diplomacy.')).toBe(true);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]!.id).toBe('n1');
    expect(w.notes[0]!.blocks).toHaveLength(2);
    const paras = w.notes[0]!.blocks.map((b) => ('content' in b ? text(b.content) : ''));
    expect(paras[0]).toMatch(/^The defeat of the anti-Soviet revolt of the Mussavatists/);
    expect(paras[1]).toMatch(/^The Azerbaijan workers’ and peasants’ struggle.*nationalist parties\.$/);
  });

  it('leaks no navigation, markers or header lines into the body', () => {
    const all = JSON.stringify(w.body);
    expect(all).not.toMatch(/\| \||\[1\]|Other Formats|README|Source:|Public Domain/);
  });

  it('places the letter in Collected Works volume 35 at page 332', () => {
    expect(w.collections[0]).toMatchObject({ path: ['lenin', 'collected-works', 'volume-35'], position: 332 });
  });

  it('records provenance with a checksum of the file', () => {
    expect(w.provenance).toMatchObject({ format: 'mia-text', file: 'samples/seed/lenin-to-shahumyan-1918.txt' });
    expect(w.provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('mia-text importer on bad input', () => {
  const run = (s: string | Uint8Array) =>
    parseMiaText({ path: 'bad.txt', bytes: typeof s === 'string' ? new TextEncoder().encode(s) : s }, ctx);

  it('refuses an empty file', () => {
    const o = run('');
    expect(o.works).toHaveLength(0);
    expect(o.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.txt', message: 'the file is empty' });
  });

  it('refuses binary junk, naming the line', () => {
    const o = run(new Uint8Array([65, 10, 66, 0, 1, 2]));
    expect(o.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(o.diagnostics[0]!.message).toMatch(/binary/);
  });

  it('refuses text with no header', () => {
    expect(run('Just a paragraph of text.\nAnother.').diagnostics[0]!.message).toMatch(/no MIA header/);
  });

  it('refuses a header with no text, naming the line of the last field', () => {
    const o = run('Written: May 1, 1900\nSource: Collected Works, Volume 1, page 3.\n');
    expect(o.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
  });

  it('decodes windows-1252 text that is not UTF-8', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Written: May 1, 1900\n\nDear Friend,\nSch'),
      0xf6,
      ...new TextEncoder().encode('n.\nYours,\nKarl\n'),
    ]);
    const o = run(bytes);
    expect(JSON.stringify(o.works[0]?.body)).toContain('Schön.');
    const quotes = run(
      new Uint8Array([
        ...new TextEncoder().encode('Written: May 1, 1900\n\nDear Friend,\n'),
        0x93,
        0x48,
        0x69,
        0x94,
        0x20,
        0x96,
        0x20,
        0x6f,
        0x6b,
        0x2e,
        10,
        ...new TextEncoder().encode('Yours,\nKarl\n'),
      ]),
    );
    expect(JSON.stringify(quotes.works[0]?.body)).toContain('“Hi” – ok.');
  });
});
