import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { renderTei } from './index.js';
import { leninToShahumyan } from './lenin.fixture.js';
import { tei } from '../../ingest/tei/index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { Work, type Block } from '../../model/work.js';
import { jing, TEI_ALL } from '../../../test/validate/jing.js';
import { teiLetterWork } from '../../../test/support/tei-und.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'test', 'corpus');
const TEI_DIRS = ['tei-schnitzler-briefe/editions', 'tei-dehmel-digital/brief', 'tei-correspdesc-examples'];
const register = loadDefaultRegister();
const NS = 'http://www.tei-c.org/ns/1.0';

function reimport(xml: string): Work {
  const out = tei.parse({ path: 'export.xml', bytes: Buffer.from(xml) }, { register });
  expect(out.diagnostics).toEqual([]);
  expect(out.works).toHaveLength(1);
  return out.works[0]!;
}
const withoutProvenance = ({ provenance: _p, ...rest }: Work): Omit<Work, 'provenance'> => rest;

describe('renderTei: the seed letter built by hand', () => {
  const work = leninToShahumyan();
  const xml = renderTei(work);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const q = (name: string) => Array.from(doc.getElementsByTagNameNS(NS, name));

  it('is a valid Work to begin with', () => {
    expect(Work.safeParse(work).success).toBe(true);
  });

  it('has correspDesc Lenin → Shahumyan, 1918-05-14, sent to Baku', () => {
    const actions = q('correspAction');
    const sent = actions.find((a) => a.getAttribute('type') === 'sent')!;
    const received = actions.find((a) => a.getAttribute('type') === 'received')!;
    expect(sent.getElementsByTagNameNS(NS, 'persName')[0]!.textContent).toBe('Lenin');
    expect(sent.getElementsByTagNameNS(NS, 'persName')[0]!.getAttribute('ref')).toBe('http://www.wikidata.org/entity/Q1394');
    expect(sent.getElementsByTagNameNS(NS, 'date')[0]!.getAttribute('when')).toBe('1918-05-14');
    expect(received.getElementsByTagNameNS(NS, 'persName')[0]!.textContent).toContain('Shahumyan');
    expect(received.getElementsByTagNameNS(NS, 'placeName')[0]!.firstChild!.nodeValue).toBe('Baku');
  });

  it('carries the header: source, printing, translator, rights', () => {
    expect(xml).toContain('<biblScope unit="volume">35</biblScope><biblScope unit="page">332</biblScope>');
    expect(xml).toContain('<publisher>Progress Publishers</publisher><pubPlace>Moscow</pubPlace><date when="1976">1976</date>');
    expect(xml).toContain('<biblScope unit="issue">No. 33</biblScope><date when="1918-09-08">September 8, 1918</date>');
    expect(xml).toContain('<resp key="translator">Translation</resp><name>Andrew Rothstein</name>');
    expect(xml).toContain('<licence n="public-domain">');
    expect(xml).toContain('<ab type="credit">Marxists Internet Archive</ab>');
  });

  it('titles the printed edition it comes from as a monograph (level m), the newspaper printing as a journal (j)', () => {
    const edition = q('bibl')[0]!; // sourceDesc/bibl, before sourceDesc/listBibl
    expect(edition.parentNode!.nodeName).toBe('sourceDesc');
    expect(edition.getElementsByTagNameNS(NS, 'title')[0]!.getAttribute('level')).toBe('m');
    expect(edition.getElementsByTagNameNS(NS, 'title')[0]!.textContent).toBe('Collected Works');
    const printing = q('listBibl')[0]!.getElementsByTagNameNS(NS, 'title')[0]!;
    expect(printing.textContent).toMatch(/^Bulletins of the Dictatorship/);
    expect(printing.getAttribute('level')).toBe('j');
  });

  it('gives a book printing level m, and a manuscript shelfmark no level; valid, and read back unchanged', () => {
    const w: Work = {
      ...work,
      id: 'test/levels',
      source: { title: 'University Library, Schnitzler, B 68', place: 'Cambridge' },
      published: [
        {
          venue: 'Briefwechsel 1891–1931',
          place: 'Wien',
          date: { text: '1992', iso: '1992', precision: 'year', start: '1992-01-01', end: '1992-12-31' },
        },
        work.published[0]!,
      ],
    };
    const out = renderTei(w);
    expect(out).toContain('<bibl><title>University Library, Schnitzler, B 68</title><pubPlace>Cambridge</pubPlace></bibl>');
    expect(out).toContain('<bibl><title level="m">Briefwechsel 1891–1931</title>');
    expect(out).toContain('<bibl><title level="j">Bulletins of the Dictatorship');
    expect(out).not.toMatch(/<title level="j">(Collected Works|Briefwechsel|University Library)/);
    expect(jing(TEI_ALL, [{ name: 'levels.xml', xml: out }]).errors).toEqual([]);
    expect(withoutProvenance(reimport(out))).toEqual(withoutProvenance(w));
  });

  it('writes a letter in xml:lang="und" as langUsage ident="und" and reads it back as und', () => {
    const und = teiLetterWork('und');
    const out = renderTei(und);
    expect(out).toContain('<langUsage><language ident="und"/></langUsage>');
    expect(reimport(out).language).toBe('und');
  });

  it('writes opener, paragraphs, closer and the note with both paragraphs', () => {
    expect(q('salute').map((s) => s.textContent)).toEqual(['Dear Comrade Shahumyan,', 'Yours,']);
    expect(q('signed').map((s) => s.textContent)).toEqual(['Lenin']);
    const body = q('body')[0]!;
    expect(body.getElementsByTagNameNS(NS, 'p')).toHaveLength(3);
    const note = q('note').find((n) => n.getAttribute('n') === '1')!;
    expect(note.getElementsByTagNameNS(NS, 'p')).toHaveLength(2);
    expect(xml).toContain('<ref type="noteRef" target="#n1">1</ref>');
  });

  it('imports back to the same Work (provenance aside)', () => {
    expect(withoutProvenance(reimport(xml))).toEqual(withoutProvenance(work));
  });

  it('is valid TEI P5 (tei_all.rng, jing)', () => {
    const r = jing(TEI_ALL, [{ name: 'lenin.xml', xml }]);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

/** Every block kind, mark, odd date and name form the renderer has a special case for. */
function kitchenSink(): Work {
  const w = leninToShahumyan();
  const t = (text: string) => ({ type: 'text' as const, text });
  const body: Block[] = [
    { type: 'dateline', content: [t('Moscow, May 14')], align: 'right' },
    { type: 'salutation', content: [t('Dear comrade,')] },
    { type: 'paragraph', content: [t('Before the first heading '), { type: 'pageBreak', n: '12' }, t('on a new page.')] },
    { type: 'heading', level: 1, content: [t('Part one')] },
    {
      type: 'paragraph',
      content: [
        t('A '),
        { type: 'text', text: 'bold', marks: [{ type: 'strong' }, { type: 'emphasis' }] },
        t(' and '),
        { type: 'text', text: 'x', marks: [{ type: 'superscript' }] },
        t(' '),
        { type: 'text', text: 'H', marks: [{ type: 'subscript' }] },
        t(' '),
        { type: 'text', text: 'u', marks: [{ type: 'underline' }] },
        t(' '),
        { type: 'text', text: 's', marks: [{ type: 'strike' }] },
        t(' '),
        { type: 'text', text: 'f()', marks: [{ type: 'code' }] },
        t(' '),
        { type: 'text', text: 'link', marks: [{ type: 'link', href: 'https://example.org/a?b=1&c=<2>' }] },
      ],
    },
    { type: 'salutation', content: [t('A salutation in the middle')] },
    { type: 'heading', level: 3, content: [t('Deep heading')] },
    { type: 'quote', content: [t('Quoted'), { type: 'lineBreak' }, t('text')], align: 'center' },
    { type: 'verse', content: [t('line one'), { type: 'lineBreak' }, t('line two')] },
    { type: 'preformatted', content: [t('  keep   this\n    indentation  ')] },
    { type: 'list', ordered: true, items: [[t('first')], [t('second'), { type: 'text', text: ' item', marks: [{ type: 'emphasis' }] }]] },
    { type: 'list', ordered: false, items: [[t('bullet')]] },
    {
      type: 'table',
      rows: [
        [[t('a')], [t('b')]],
        [[t('c')], []],
      ],
    },
    { type: 'rule' },
    { type: 'heading', level: 2, content: [t('Back up')] },
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Marx',
          marks: [{ type: 'entity', entity: 'person', id: 'marx', ref: 'http://www.wikidata.org/entity/Q9061' }],
        },
        t(' met the '),
        { type: 'text', text: 'Council', marks: [{ type: 'entity', entity: 'organisation', id: 'baku-council-of-peoples-commissars' }] },
        t(' at the '),
        { type: 'text', text: 'Congress', marks: [{ type: 'entity', entity: 'event', id: 'congress' }] },
        t(' about '),
        { type: 'text', text: 'Capital', marks: [{ type: 'entity', entity: 'work', id: 'capital', ref: '#capital' }] },
        { type: 'noteRef', note: '2 b', label: '*' },
      ],
    },
    { type: 'closer', content: [t('With greetings,')] },
    { type: 'signature', content: [t('N. Lenin')], align: 'right' },
    { type: 'dateline', content: [t('14.V.18')] },
    { type: 'postscript', content: [t('P.S. One more thing.')] },
  ];
  return {
    ...w,
    kind: 'letter',
    subtitle: 'A test of everything <&>',
    language: 'Russian (pre-1918 spelling)',
    body,
    authors: [...w.authors, { id: 'someone-else', name: 'Someone Else', asWritten: 'Else, S.' }],
    written: {
      date: {
        text: 'spring 1918 (O.S.)',
        iso: '1918-21',
        precision: 'season',
        start: '1918-03-01',
        end: '1918-05-31',
        qualifier: 'early',
        uncertain: true,
        calendar: 'julian',
      },
      place: { id: 'moscow', name: 'Moscow', asWritten: 'Moskau', refs: ['http://www.wikidata.org/entity/Q649'] },
      text: 'Written   in spring\n1918',
    },
    published: [
      {
        venue: 'Pravda',
        date: { text: 'before 1919', iso: '1919', precision: 'year', start: '1919-01-01', end: '1919-12-31', qualifier: 'before' },
      },
      {
        venue: 'Izvestia',
        date: { text: '1917–1918', iso: '1917-10/1918-03', precision: 'month', start: '1917-10-01', end: '1918-03-31' },
      },
      {
        venue: 'Iskra',
        date: { text: 'c. 1903', iso: '1903', precision: 'year', start: '1903-01-01', end: '1903-12-31', qualifier: 'circa' },
      },
    ],
    contributors: [...w.contributors, { role: 'other', name: 'Octavo', label: 'Online Version' }, { role: 'editor', name: 'E. D. Itor' }],
    rights: {
      statement: 'Para one.\n\nPara two.',
      licence: 'CC-BY-SA-4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
      credit: '',
    },
    translationOf: 'lenin/1918/05/14-shahumyan-ru',
    translations: ['lenin/1918/05/14-shahumyan-de'],
    notes: [
      ...w.notes,
      {
        id: '2 b',
        label: '*',
        kind: 'author',
        blocks: [
          { type: 'heading', level: 1, content: [t('Note heading')] },
          { type: 'list', ordered: false, items: [[t('x')]] },
        ],
      },
    ],
    entities: {
      ...w.entities,
      people: [...w.entities.people, { id: 'marx', name: 'Karl Marx', refs: ['http://www.wikidata.org/entity/Q9061'] }],
      events: [{ id: 'congress', name: 'Second Congress', aliases: ['II Congress'] }],
    },
  };
}

describe('renderTei: every block kind and header form', () => {
  const work = kitchenSink();
  const xml = renderTei(work);
  it('is a valid Work', () => expect(Work.safeParse(work).success).toBe(true));
  it('round-trips exactly', () => {
    expect(withoutProvenance(reimport(xml))).toEqual(withoutProvenance(work));
  });
  it('escapes what it writes', () => {
    expect(xml).toContain('<title type="sub">A test of everything &lt;&amp;&gt;</title>');
    expect(xml).toContain('target="https://example.org/a?b=1&amp;c=&lt;2&gt;"');
  });
  it('is valid TEI P5', () => {
    expect(jing(TEI_ALL, [{ name: 'kitchen-sink.xml', xml }]).errors).toEqual([]);
  });
});

describe('renderTei: real TEI letters', () => {
  const files = TEI_DIRS.flatMap((d) =>
    readdirSync(join(CORPUS, d))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join(CORPUS, d, f)),
  );
  const works = files.flatMap((p) => tei.parse({ path: p, bytes: readFileSync(p) }, { register }).works);

  it('imports every corpus letter', () => {
    expect(files.length).toBe(281);
    expect(works.length).toBe(281);
  });

  it('import → export → import gives the same Work for every corpus letter', () => {
    const differing: string[] = [];
    for (const w of works) {
      const back = tei.parse({ path: 'export.xml', bytes: Buffer.from(renderTei(w)) }, { register });
      try {
        expect(back.diagnostics).toEqual([]);
        expect(withoutProvenance(back.works[0]!)).toEqual(withoutProvenance(w));
      } catch {
        differing.push(w.provenance.file);
      }
    }
    expect(differing).toEqual([]);
  });

  it('every export is valid TEI P5 (one jing run)', () => {
    const r = jing(
      TEI_ALL,
      works.map((w) => ({ name: w.id, xml: renderTei(w) })),
    );
    expect(r.errors.slice(0, 10)).toEqual([]);
    expect(r.ok).toBe(true);
  });
});
