// Citations of the seed letter: the CSL item, BibTeX and RIS read back by citation-js to the same
// fields, the Chicago, MLA and APA entries from the real CSL styles, Cyrillic kept, and the page's
// metadata (Highwire tags, JSON-LD that survives a hostile title, COinS).
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { seedWork } from '../../../test/support/seed.js';
import { renderWorkPage } from '../html/pages/work.js';
import { cslDate, cslItem, cslName } from './csl.js';
import { citeThis, renderBibtex, renderCslJson, renderRis } from './index.js';
import { coins, highwireTags, jsonLd, scriptJson } from './page.js';

const ctx = { baseUrl: 'https://octavo.example.org', accessed: '2026-12-04' };
const URL_ = 'https://octavo.example.org/works/lenin/1918/05/14-shahumyan';
const seed = seedWork();

/** What citation-js reads back from a text, as CSL. */
const readBack = (text: string) => new Cite(text).data[0] as Record<string, unknown>;

describe('the CSL item', () => {
  it('is built from the source edition, the translator, the written date and the address', () => {
    const item = cslItem(seed, ctx);
    expect(item).toMatchObject({
      type: 'chapter',
      title: 'To S. G. Shahumyan',
      author: [{ family: 'Lenin', given: 'V. I.' }],
      recipient: [{ family: 'Shahumyan', given: 'S. G.' }],
      translator: [{ family: 'Rothstein', given: 'Andrew' }],
      'container-title': 'Collected Works',
      volume: '35',
      page: '332',
      publisher: 'Progress Publishers',
      'publisher-place': 'Moscow',
      issued: { 'date-parts': [[1976]] },
      'original-date': { 'date-parts': [[1918, 5, 14]] },
      URL: URL_,
      accessed: { 'date-parts': [[2026, 12, 4]] },
      language: 'en',
    });
    expect(JSON.parse(renderCslJson(seed, ctx))).toEqual([item]);
  });

  it('cites a letter known from no edition as a personal communication, dated when written', () => {
    const { source: _, ...unpublished } = seed;
    const item = cslItem({ ...unpublished, published: [] }, { baseUrl: ctx.baseUrl });
    expect(item.type).toBe('personal_communication');
    expect(item.issued).toEqual({ 'date-parts': [[1918, 5, 14]] });
    expect(item['original-date']).toBeUndefined();
    expect(item.accessed).toBeUndefined();
  });

  it('splits names and dates as CSL wants them', () => {
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    expect(cslName('Marx, Karl')).toEqual({ family: 'Marx', given: 'Karl' });
    expect(cslName('Lenin')).toEqual({ literal: 'Lenin' });
    expect(cslName('В. И. Ленин')).toEqual({ family: 'Ленин', given: 'В. И.' });
    expect(cslDate({ text: 'May 1918', iso: '1918-05', precision: 'month', start: '1918-05-01', end: '1918-05-31' })).toEqual({
      'date-parts': [[1918, 5]],
    });
    expect(
      cslDate({ text: 'c. 1917', iso: '1917~', precision: 'year', start: '1917-01-01', end: '1917-12-31', qualifier: 'circa' }),
    ).toEqual({ 'date-parts': [[1917]], circa: true });
  });
});

describe('BibTeX and RIS', () => {
  it('the BibTeX parses back to the same author, title, volume and page', async () => {
    const bib = await renderBibtex(seed, ctx);
    expect(bib).toMatch(/^@inbook\{lenin19180514shahumyan,/);
    const back = readBack(bib);
    expect(back.author).toEqual([{ family: 'Lenin', given: 'V. I.' }]);
    expect(back.title).toBe('To S. G. Shahumyan');
    expect(back.volume).toBe('35');
    expect(back.page).toBe('332');
    expect(back.publisher).toBe('Progress Publishers');
    expect(back['container-title']).toBe('Collected Works');
    expect(back.issued).toEqual({ 'date-parts': [[1976]] });
    expect(back.URL).toBe(URL_);
  });

  it('the RIS parses back likewise, with the translator', async () => {
    const ris = await renderRis(seed, ctx);
    expect(ris).toMatch(/^TY {2}- CHAP$/m);
    expect(ris).toMatch(/^ER {2}-\s*$/m);
    const back = readBack(ris);
    expect(back.author).toEqual([{ family: 'Lenin', given: 'V. I.' }]);
    expect(back.title).toBe('To S. G. Shahumyan');
    expect(back.volume).toBe('35');
    expect(back.page).toBe('332');
    expect(back['container-title']).toBe('Collected Works');
    expect(back.translator).toEqual([{ family: 'Rothstein', given: 'Andrew' }]);
    expect(back.URL).toBe(URL_);
  });

  it('keeps Cyrillic in BibTeX and RIS', async () => {
    const ru = {
      ...seed,
      title: 'Письмо С. Г. Шаумяну',
      language: 'ru',
      authors: [{ id: 'lenin', name: 'В. И. Ленин' }],
      source: { ...seed.source!, title: 'Полное собрание сочинений', publisher: 'Издательство политической литературы' },
    };
    const bib = await renderBibtex(ru, ctx);
    expect(bib).toContain('Письмо С. Г. Шаумяну');
    expect(bib).toContain('Ленин, В. И.');
    const back = readBack(bib);
    expect(back.title).toBe('Письмо С. Г. Шаумяну');
    expect(back.author).toEqual([{ family: 'Ленин', given: 'В. И.' }]);
    expect(back['container-title']).toBe('Полное собрание сочинений');
    expect(readBack(await renderRis(ru, ctx)).title).toBe('Письмо С. Г. Шаумяну');
  });
});

describe('Chicago, MLA and APA', () => {
  it('render the seed with its author, title, volume, page, publisher and year', async () => {
    const { citations } = await citeThis(seed, ctx);
    expect(citations.map((c) => c.key)).toEqual(['chicago', 'mla', 'apa']);
    const [chicago, mla, apa] = citations.map((c) => c.html.replace(/<[^>]+>/g, '')) as [string, string, string];
    // Chicago: surname first, title in quotation marks, volume:page, place: publisher, year.
    expect(chicago).toContain('Lenin, V. I.');
    expect(chicago).toContain('“To S. G. Shahumyan.”');
    expect(chicago).toContain('translated by Andrew Rothstein');
    expect(chicago).toContain('35:332');
    expect(chicago).toContain('Moscow: Progress Publishers, 1976');
    // MLA: "vol. 35", "p. 332".
    expect(mla).toContain('Lenin, V. I. “To S. G. Shahumyan.”');
    expect(mla).toContain('vol. 35, Progress Publishers, 1976, p. 332');
    // APA: year after the author, title plain, "Vol. 35, p. 332", the original date at the end.
    expect(apa).toContain('Lenin, V. I. (1976). To S. G. Shahumyan');
    expect(apa).toContain('(Vol. 35, p. 332). Progress Publishers.');
    expect(apa).toContain('(Original work published 1918)');
    for (const c of citations) {
      expect(c.html).toContain('<i>Collected Works</i>');
      expect(c.html).toContain(URL_);
    }
  });

  it('escape markup in a title', async () => {
    const { citations } = await citeThis({ ...seed, title: 'A </script><script>alert(1)</script> & <b onclick="x">b</b>' }, ctx);
    for (const c of citations) {
      // citeproc writes the markup as character references; only its own <i> remains an element.
      expect(c.html.replace(/<\/?i>/g, '')).not.toContain('<');
      expect(c.html).toMatch(/&#60;\/script&#62;/i);
      expect(c.html).toContain('&#38;');
    }
  });
});

describe('reference-manager metadata', () => {
  it('has the Highwire tags Google Scholar and Zotero read', () => {
    const tags = highwireTags(cslItem(seed, ctx));
    expect(tags).toEqual([
      ['citation_title', 'To S. G. Shahumyan'],
      ['citation_author', 'Lenin, V. I.'],
      ['citation_publication_date', '1976'],
      ['citation_date', '1976'],
      ['citation_inbook_title', 'Collected Works'],
      ['citation_volume', '35'],
      ['citation_firstpage', '332'],
      ['citation_publisher', 'Progress Publishers'],
      ['citation_language', 'en'],
      ['citation_public_url', URL_],
    ]);
  });

  it('describes a letter as a schema.org Message in its volume', () => {
    const ld = jsonLd(seed, cslItem(seed, ctx));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Message',
      name: 'To S. G. Shahumyan',
      url: URL_,
      author: [{ '@type': 'Person', name: 'V. I. Lenin', sameAs: 'http://www.wikidata.org/entity/Q1394' }],
      recipient: [{ '@type': 'Person', name: 'S. G. Shahumyan' }],
      translator: [{ '@type': 'Person', name: 'Andrew Rothstein' }],
      dateCreated: '1918-05-14',
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: '35',
        isPartOf: { '@type': 'Book', name: 'Collected Works' },
        publisher: { '@type': 'Organization', name: 'Progress Publishers', location: 'Moscow' },
        datePublished: '1976',
      },
    });
  });

  it('writes JSON inside <script> that no title can end', () => {
    const hostile = '</script><script>alert(1)</script><!-- \u2028';
    const out = scriptJson({ name: hostile });
    expect(out).not.toMatch(/<\/?script|<!--/i);
    expect(JSON.parse(out)).toEqual({ name: hostile });
  });

  it('writes a COinS OpenURL for a book section', () => {
    const kev = new URLSearchParams(coins(cslItem(seed, ctx)));
    expect(kev.get('ctx_ver')).toBe('Z39.88-2004');
    expect(kev.get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:book');
    expect(kev.get('rft.genre')).toBe('bookitem');
    expect(kev.get('rft.atitle')).toBe('To S. G. Shahumyan');
    expect(kev.get('rft.btitle')).toBe('Collected Works');
    expect(kev.get('rft.aulast')).toBe('Lenin');
    expect(kev.get('rft.volume')).toBe('35');
    expect(kev.get('rft.spage')).toBe('332');
    expect(kev.get('rft.date')).toBe('1976');
    expect(kev.get('rft_id')).toBe(URL_);
  });

  it('puts them on the work page, the JSON-LD intact under a hostile title', async () => {
    const hostile = { ...seed, title: 'To </script><script>alert("x")</script> Shahumyan' };
    const formats = [
      { ext: '.bib', label: 'BibTeX', type: 'application/x-bibtex' },
      { ext: '.ris', label: 'RIS', type: 'application/x-research-info-systems' },
      { ext: '.csl.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
    ];
    const html = renderWorkPage({
      work: hostile,
      neighbours: {},
      formats,
      assets: { css: '/a.css', js: '/a.js' },
      cite: await citeThis(hostile, ctx),
    });
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(
      '<meta name="citation_title" content="To &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Shahumyan"/>',
    );
    expect(head).toContain('<meta name="citation_author" content="Lenin, V. I."/>');
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]![1]!).name).toBe(hostile.title);
    // The only script elements are the page's own and the data block.
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(2);
    expect(html).toContain('<details class="cite" id="cite">');
    expect(html).toContain('href="/works/lenin/1918/05/14-shahumyan.bib"');
    expect(html).toContain('<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;');
  });
});
