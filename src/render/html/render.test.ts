// The HTML renderer's handler maps, note links and information block, on the seed letter and on
// variants of it that use every block, inline, mark and header field the Work record has.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { Work, type Block, type Inline } from '../../model/work.js';
import { seedWork } from '../../../test/support/seed.js';
import { teiLetterWork } from '../../../test/support/tei-und.js';
import { renderWorkText } from './content.js';
import { withHandlers } from './handlers.js';
import { safeHref } from './href.js';
import { noteAnchors } from './notes.js';
import { renderWorkPage, workTrail } from './pages/work.js';

const t = (text: string, marks?: Extract<Inline, { type: 'text' }>['marks']): Inline => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});
const assets = { css: '/assets/octavo.css?v=0', js: '/assets/octavo.js?v=0' };
const html = (blocks: Block[], notes: Work['notes'] = []) => {
  const { body, notes: n } = renderWorkText({ ...seedWork(), body: blocks, notes });
  return load(`${String(body)}${n ? String(n) : ''}`);
};

describe('safeHref', () => {
  it('keeps http(s), mailto, relative and fragment links', () => {
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHref('HTTP://example.org')).toBe('HTTP://example.org');
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('../1918/may/16.htm')).toBe('../1918/may/16.htm');
    expect(safeHref('#n1')).toBe('#n1');
  });
  it('drops script and data schemes however they are disguised', () => {
    for (const h of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:x',
      'java\tscript:x',
      'java\nscript:x',
      '\u0000javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'jav\u200bascript:x',
      '',
    ]) {
      expect(safeHref(h), JSON.stringify(h)).toBeUndefined();
    }
  });
  it('resolves relative links against the original page', () => {
    const base = 'https://www.marxists.org/archive/lenin/works/cw/volume35.htm';
    expect(safeHref('../1918/may/14.htm', base)).toBe('https://www.marxists.org/archive/lenin/works/1918/may/14.htm');
    expect(safeHref('#top', base)).toBe('#top');
    expect(safeHref('x.htm', 'javascript:alert(1)')).toBe('x.htm');
    expect(safeHref('\\\\evil.example/x')).toBe('//evil.example/x');
  });
});

describe('block and inline handlers', () => {
  it('renders every block type with its own element or class', () => {
    const $ = html([
      { type: 'heading', level: 1, content: [t('Heading')] },
      { type: 'salutation', content: [t('Dear friend,')] },
      { type: 'dateline', content: [t('Moscow, May 14')] },
      { type: 'paragraph', align: 'center', content: [t('Centred')] },
      { type: 'quote', content: [t('Quoted')] },
      { type: 'verse', content: [t('Line one'), { type: 'lineBreak' }, t('Line two')] },
      { type: 'preformatted', content: [t('a  b')] },
      { type: 'list', ordered: true, items: [[t('one')], [t('two')]] },
      { type: 'list', ordered: false, items: [[t('dot')]] },
      {
        type: 'table',
        rows: [
          [[t('a1')], [t('b1')]],
          [[t('a2')], [t('b2')]],
        ],
      },
      { type: 'rule' },
      { type: 'closer', content: [t('Yours,')] },
      { type: 'signature', content: [t('Lenin')] },
      { type: 'postscript', content: [t('P.S. More.')] },
    ]);
    expect($('h2').text()).toBe('Heading');
    expect($('p.salutation').text()).toBe('Dear friend,');
    expect($('p.dateline').text()).toBe('Moscow, May 14');
    expect($('p.align-center').text()).toBe('Centred');
    expect($('blockquote p').text()).toBe('Quoted');
    expect($('.verse p br').length).toBe(1);
    expect($('pre').text()).toBe('a  b');
    expect(
      $('ol li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['one', 'two']);
    expect($('ul li').text()).toBe('dot');
    expect($('table tr').length).toBe(2);
    expect($('table td').eq(3).text()).toBe('b2');
    expect($('hr').length).toBe(1);
    expect($('p.closer').text()).toBe('Yours,');
    expect($('p.signature').text()).toBe('Lenin');
    expect($('p.postscript').text()).toBe('P.S. More.');
  });

  it('nests marks with the first mark outermost, and marks page breaks', () => {
    const $ = html([
      {
        type: 'paragraph',
        content: [
          t('both', [{ type: 'link', href: 'https://example.org' }, { type: 'emphasis' }]),
          t('s', [{ type: 'strong' }]),
          t('sup', [{ type: 'superscript' }]),
          t('sub', [{ type: 'subscript' }]),
          t('u', [{ type: 'underline' }]),
          t('del', [{ type: 'strike' }]),
          t('c', [{ type: 'code' }]),
          t('Baku', [{ type: 'entity', entity: 'place', id: 'baku' }]),
          { type: 'pageBreak', n: '333' },
        ],
      },
    ]);
    expect($('a > em').text()).toBe('both');
    expect($('strong').text()).toBe('s');
    expect($('sup').text()).toBe('sup');
    expect($('sub').text()).toBe('sub');
    expect($('.underline').text()).toBe('u');
    expect($('s').text()).toBe('del');
    expect($('code').text()).toBe('c');
    expect($('span.entity.entity-place').attr('data-entity')).toBe('baku');
    expect($('.pagebreak').attr('aria-label')).toBe('Page 333');
  });

  it('lets a caller replace one handler', () => {
    const handlers = withHandlers({ block: { signature: (b) => `SIGNED:${b.content.length}` } });
    const { body } = renderWorkText({ ...seedWork() }, { handlers });
    expect(String(body)).toContain('SIGNED:1');
    expect(String(body)).toContain('class="salutation"');
  });
});

describe('note links', () => {
  const note = (id: string, label: string, text = `Note ${label}`): Work['notes'][number] => ({
    id,
    label,
    blocks: [{ type: 'paragraph', content: [t(text)] }],
  });

  it('gives every marker of a note its own id and the note a back-link to each', () => {
    const $ = html(
      [
        { type: 'paragraph', content: [t('a'), { type: 'noteRef', note: 'n1', label: '1' }] },
        { type: 'paragraph', content: [t('b'), { type: 'noteRef', note: 'n1', label: '1' }, { type: 'noteRef', note: 'n2', label: '2' }] },
      ],
      [note('n1', '1'), note('n2', '2'), note('n3', '3')],
    );
    expect(
      $('sup.noteref a')
        .map((_, a) => `${$(a).attr('id')}→${$(a).attr('href')}`)
        .get(),
    ).toEqual(['ref-1→#note-1', 'ref-1-2→#note-1', 'ref-2→#note-2']);
    expect(
      $('#note-1 a.backref')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#ref-1', '#ref-1-2']);
    expect($('#note-2 a.backref').attr('href')).toBe('#ref-2');
    expect($('#note-3 a.backref').length).toBe(0); // a note nobody points at
    // Back-links sit at the end of the note's last paragraph.
    expect($('#note-1 .note-body p').last().text()).toMatch(/^Note 1 ↩1↩2$/);
  });

  it('falls back to note ids when labels repeat, and leaves a marker to no note unlinked', () => {
    const $ = html(
      [
        {
          type: 'paragraph',
          content: [
            t('a'),
            { type: 'noteRef', note: 'a', label: '*' },
            { type: 'noteRef', note: 'b', label: '*' },
            { type: 'noteRef', note: 'gone', label: '9' },
          ],
        },
      ],
      [note('a', '*'), note('b', '*')],
    );
    expect(
      $('sup.noteref a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#note-a', '#note-b']);
    expect($('sup.noteref-missing').text()).toBe('9');
    expect($('sup.noteref-missing a').length).toBe(0);
  });

  it('walks notes that point at other notes', () => {
    const a = noteAnchors({
      body: [{ type: 'paragraph', content: [{ type: 'noteRef', note: 'x', label: '1' }] }],
      notes: [
        { id: 'x', label: '1', blocks: [{ type: 'paragraph', content: [{ type: 'noteRef', note: 'y', label: '2' }] }] },
        { id: 'y', label: '2', blocks: [] },
      ],
    });
    expect(Object.fromEntries(a.markers)).toEqual({ x: ['ref-1'], y: ['ref-2'] });
  });
});

describe('the work page', () => {
  it('shows every header field of a work that has them all', () => {
    const seed = seedWork();
    const work = Work.parse({
      ...seed,
      subtitle: 'A subtitle',
      translationOf: 'lenin/1918/05/14-shahumyan-ru',
      translations: ['lenin/1918/05/14-shahumyan-de'],
      written: {
        date: { text: '1 May 1918', iso: '1918-05-01', precision: 'day', start: '1918-05-01', end: '1918-05-01', calendar: 'julian' },
        place: { id: 'moscow', name: 'Moscow' },
      },
      published: [
        {
          venue: 'Pravda',
          issue: 'No. 5',
          date: { text: 'May 9, 1918', iso: '1918-05-09', precision: 'day', start: '1918-05-09', end: '1918-05-09' },
          place: 'Moscow',
          note: 'Signed: N. Lenin',
        },
        seed.published[0]!,
      ],
      source: { title: 'Collected Works', volume: '35', pages: '332-333' },
      contributors: [
        { role: 'translator', name: 'A' },
        { role: 'proofreader', name: 'B' },
        { role: 'editor', name: 'C' },
        { role: 'other', name: 'D', label: 'Online Version:' },
        { role: 'encoder', name: 'E' },
      ],
      rights: {
        statement: 'Licensed.',
        licence: 'CC-BY-SA-2.0',
        holder: 'Marxists Internet Archive',
        credit: 'MIA',
        url: 'https://creativecommons.org/licenses/by-sa/2.0/',
      },
      otherFormats: [{ label: 'PDF', href: 'x.pdf' }],
      provenance: {
        ...seed.provenance,
        url: 'https://www.marxists.org/archive/lenin/works/1918/may/14.htm',
        importedAt: '2024-01-01T00:00:00Z',
      },
      language: 'de',
    });
    const $ = load(renderWorkPage({ work, neighbours: {}, formats: [{ ext: '.txt', label: 'Plain text' }], assets }));
    const rows = Object.fromEntries(
      $('.info-row')
        .map((_, r) => [[$(r).find('dt').text(), $(r).find('dd').text()]])
        .get() as [string, string][],
    );
    expect(rows).toMatchObject({
      Written: '1 May 1918 (Old Style), Moscow',
      'Sent to': 'Baku',
      Published: `Pravda, No. 5, May 9, 1918, Moscow. Signed: N. Lenin${seed.published[0]!.text}`,
      Note: 'Printed from the Bulletins text.',
      Source: 'Collected Works, Volume 35, pages 332–333.',
      Translated: 'A',
      Proofread: 'B',
      Edited: 'C',
      'Online Version': 'D',
      'Transcription/Markup': 'E',
      Language: 'German',
      'Translation of': 'lenin/1918/05/14-shahumyan-ru',
      Translations: 'lenin/1918/05/14-shahumyan-de',
      Rights: 'Licensed. Rights holder: Marxists Internet Archive. Licence: CC-BY-SA-2.0.Credit: MIA',
    });
    expect(rows['Other Formats']).toBe('Plain text (in the source edition: PDF)');
    expect($('.info-formats a').last().attr('href')).toBe('https://www.marxists.org/archive/lenin/works/1918/may/x.pdf');
    expect($('.info-rights a[rel=license]').attr('href')).toBe('https://creativecommons.org/licenses/by-sa/2.0/');
    expect($('.work-subtitle').text()).toBe('A subtitle');
    expect(
      $('.record a')
        .filter((_, a) => $(a).text() === 'Original page')
        .attr('href'),
    ).toBe(work.provenance.url);
    expect($('.record').text()).toContain('2024-01-01T00:00:00Z');
    expect($('.info-written time').attr('datetime')).toBe('1918-05-01');
  });

  it('folds a licence’s long legal text away, keeping licence and credit in view', () => {
    const long = `Sie dürfen: Teilen – ${'das Material in jedwedem Format oder Medium vervielfältigen. '.repeat(8)}`;
    const work = {
      ...seedWork(),
      rights: { statement: long, licence: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', credit: 'ACDH-CH' },
    };
    const $ = load(renderWorkPage({ work, neighbours: {}, formats: [], assets }));
    expect($('.info-rights dt').text()).toBe('Rights');
    expect($('.info-rights a[rel=license]').text()).toBe('CC-BY-4.0');
    expect($('.info-rights .credit').text()).toBe('Credit: ACDH-CH');
    expect($('.info-rights details summary').text()).toBe('Full rights statement');
    expect($('.info-rights details .statement').text()).toBe(long);
  });

  it('builds breadcrumbs from the author when a work is in no collection', () => {
    const work = { ...seedWork(), collections: [] };
    expect(workTrail(work).map((c) => c.label)).toEqual(['Home', 'V. I. Lenin', work.title]);
  });

  it('shows xml:lang="und" (and a letter with no language) as Language: Undetermined, lang="und" kept', () => {
    for (const lang of ['und', undefined]) {
      const work = teiLetterWork(lang);
      expect(work.language).toBe('und');
      const $ = load(renderWorkPage({ work, neighbours: {}, formats: [], assets }));
      expect($('.info-language dt').text()).toBe('Language');
      expect($('.info-language dd').text()).toBe('Undetermined');
      expect($('article.work').attr('lang')).toBe('und');
    }
  });
});
