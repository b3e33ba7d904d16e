import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownFieldCount, parseInfoBlocksHtml } from './infoblock.js';

const CORPUS = new URL('../../../test/corpus/', import.meta.url);
const blocksHtml = readFileSync(new URL('mia-lenin-infoblocks/lenin-information-blocks.html', CORPUS), 'utf8');
const blocks = parseInfoBlocksHtml(blocksHtml);

describe('Lenin CW information blocks (872 real p.information fragments)', () => {
  it('parses all 872 blocks, each with at least one field it understands', () => {
    expect(blocks).toHaveLength(872);
    const none = blocks.map((b, i) => ({ i, n: knownFieldCount(b) })).filter((x) => x.n === 0);
    expect(none).toEqual([]);
  });

  it('counts Written / Source / Translated', () => {
    const has = (label: RegExp) => blocks.filter((b) => b.fields.some((f) => label.test(f.label))).length;
    const written = has(/^written$/i);
    const source = has(/^source$/i);
    const translated = has(/^translated/i);
    const withWrittenDate = blocks.filter((b) => b.written?.statement.date).length;
    const withTranslator = blocks.filter((b) => b.contributors.some((c) => c.role === 'translator')).length;
    console.log(
      `infoblocks: ${blocks.length} blocks; Written: ${written} (dated: ${withWrittenDate}); Source: ${source}; Translated: ${translated} (with a translator named: ${withTranslator})`,
    );
    // Counted independently over the file's <span class="info"> labels: 580 "Written:", 871 "Source:", 864 "Translated…".
    expect(written).toBe(580);
    expect(source).toBe(871);
    expect(translated).toBe(864);
    expect(withWrittenDate).toBeGreaterThan(560);
  });

  it('reads the Source field: series, publisher, year, place, volume, pages', () => {
    const b = blocks[1]!; // "Lenin Collected Works, Progress Publishers, [1977], Moscow, Volume 43, page 399a."
    expect(b.source).toMatchObject({
      author: 'Lenin',
      title: 'Collected Works',
      publisher: 'Progress Publishers',
      year: '1977',
      place: 'Moscow',
      volume: '43',
      pages: '399a',
    });
    expect(b.source!.text).toBe('Lenin Collected Works, Progress Publishers, [1977], Moscow, Volume 43, page 399a.');
    expect(b.sourceLinks.map((l) => l.href)).toContain('../../cw/volume43.htm#1914-may-00pp');
  });

  it('splits the Published field: publication, "Sent from X to Y", printing note', () => {
    const b = blocks[1]!;
    expect(b.published).toHaveLength(1);
    expect(b.published[0]).toMatchObject({ venue: 'Put Pravdy', issue: '67', note: 'Printed from the newspaper text.' });
    expect(b.published[0]!.date?.start.slice(0, 4)).toBe('1914');
    expect(b.sent).toEqual({ from: 'Cracow', to: 'St. Petersburg' });
    const third = blocks[2]!; // "First published in 1925. Sent from Geneva to St. Petersburg. Printed from the original."
    expect(third.published[0]).toMatchObject({ venue: '', text: 'First published in 1925.' });
    expect(third.published[0]!.date?.start).toBe('1925-01-01');
    expect(third.sent).toEqual({ from: 'Geneva', to: 'St. Petersburg' });
  });

  it('keeps the raw Written statement and parses its date, even with the OCR typo 19O5', () => {
    const b = blocks[2]!;
    expect(b.written?.text).toBe('Written at the beginning of January 19O5');
    expect(b.written?.statement.date?.start).toBe('1905-01-01');
  });

  it('maps contributors by label, including "Transcription\\Markup" and "Transcription & HTML Markup"', () => {
    expect(blocks[1]!.contributors).toEqual([
      { role: 'translator', name: 'Martin Parker and Bernard Isaacs', label: 'Translated' },
      { role: 'transcriber', name: 'R. Cymbala', label: 'Transcription\\Markup' },
      { role: 'markup', name: 'R. Cymbala', label: 'Transcription\\Markup' },
    ]);
    expect(blocks[0]!.contributors).toContainEqual({
      role: 'htmlMarkup',
      name: 'Charles Farrell and David Walters',
      label: 'Transcription & HTML Markup',
    });
    // "Yuri Sdobnikov and George Hanna, Edited by George Hanna"
    expect(blocks[0]!.contributors).toContainEqual({ role: 'editor', name: 'George Hanna', label: 'Translated' });
  });

  it('reads "Public Domain: Lenin Internet Archive" as public-domain with the credit the page asks for', () => {
    expect(blocks[1]!.rights).toMatchObject({ licence: 'public-domain', credit: 'Marxists Internet Archive' });
    expect(blocks[1]!.rights!.statement).toMatch(/^Public Domain: Lenin Internet Archive \(2005\)\. You may freely copy/);
    expect(blocks[1]!.otherFormats).toEqual([{ label: 'README', href: '../../readme.htm' }]);
    const pd = blocks.filter((b) => b.rights?.licence === 'public-domain').length;
    const fdl = blocks.filter((b) => b.rights?.licence === 'GFDL-1.1-or-later').length;
    expect(pd).toBe(793);
    expect(fdl).toBeGreaterThan(50); // the "Copyleft: ... GNU Free Documentation License" blocks
  });
});

describe('header blocks of corpus pages', () => {
  const page = (rel: string) => readFileSync(new URL(`mia-html/${rel}`, CORPUS), 'latin1');

  it('reads a label whose colon stands outside the span ("Source</span>: ...")', () => {
    const [b] = parseInfoBlocksHtml(page('marx/works/1868/letters/68_01_30.htm'));
    expect(b!.fields[0]).toMatchObject({ label: 'Source', kind: 'source' });
    expect(b!.source!.title).toBe('Letters to Dr Kugelmann');
  });

  it('merges a separate Publisher field into the source, and reads MIA copyleft', () => {
    const [b] = parseInfoBlocksHtml(page('marx/works/1875/letters/75_05_05.htm'));
    expect(b!.source).toMatchObject({
      author: 'Marx/Engels',
      title: 'Selected Works',
      volume: 'Three',
      pages: '11-12',
      publisher: 'Progress Publishers',
      place: 'Moscow',
      year: '1970',
    });
    expect(b!.published[0]).toMatchObject({ venue: 'Die Neue Zeit', issue: '18' });
    expect(b!.written?.statement.date?.start).toBe('1875-05-05');
    expect(b!.contributors).toContainEqual({ role: 'other', name: 'marxists.org', label: 'Online Version', date: '1999' });
  });

  it('reads the Creative Commons copyleft line as CC-BY-SA-2.0', () => {
    const html =
      '<p class="information"><span class="info">Copyleft:</span> Marx/Engels Internet Archive (marxists.org) 1999. Permission is granted to copy and/or distribute this document under the terms of the <a href="x">Creative Commons Attribution-ShareAlike License</a>.</p>';
    const [b] = parseInfoBlocksHtml(html);
    expect(b!.rights).toMatchObject({ licence: 'CC-BY-SA-2.0', holder: 'Marx/Engels Internet Archive' });
  });

  it('keeps label-less lines as header notes', () => {
    const [b] = parseInfoBlocksHtml(page('marx/works/1881/zasulich/index.htm'));
    expect(b!.headerNotes).toContain('Originally written in French and translations appeared in the Marx-Engels Archiv (Frankfurt, 1925).');
  });
});
