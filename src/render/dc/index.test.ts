import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tei } from '../../ingest/tei/index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { corpusTeiFiles } from '../../../test/oai/archive.js';
import { all, children, DC, OAI_DC, parseXml, texts, xmllint } from '../../../test/oai/xml.js';
import { seedWork } from '../../../test/support/seed.js';
import { dcFields, renderOaiDc, sourceCitation } from './index.js';
import { licenceUrl } from '../../model/licences.js';

const DC_ELEMENTS = new Set([
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
]);

/** Parse an oai_dc record and check it is what the oai_dc schema allows: dc:* children only, text only. */
function parseDc(xml: string) {
  expect(xmllint(xml)).toBe('');
  const root = parseXml(xml).documentElement!;
  expect(root.namespaceURI).toBe(OAI_DC);
  expect(root.localName).toBe('dc');
  for (const c of children(root)) {
    expect(c.namespaceURI).toBe(DC);
    expect(DC_ELEMENTS.has(c.localName!)).toBe(true);
    expect(children(c)).toEqual([]);
  }
  return root;
}

describe('renderOaiDc', () => {
  it('maps the seed letter', () => {
    const seed = seedWork();
    const dc = parseDc(renderOaiDc(seed, { url: 'https://octavo.example.org/works/lenin/1918/05/14-shahumyan', publisher: 'Octavo' }));
    const f = (n: string) => texts(dc, n, DC);
    expect(f('title')).toEqual(['To S. G. Shahumyan']);
    expect(f('creator')).toEqual(['V. I. Lenin']);
    // recipients first among the contributors, then the people who made this edition, once each
    expect(f('contributor')).toEqual(['S. G. Shahumyan', 'Andrew Rothstein', 'R. Cymbala']);
    expect(f('description')).toEqual([
      'Letter from V. I. Lenin to S. G. Shahumyan, written May 14, 1918; sent to Baku.',
      seed.published[0]!.text,
      'Contributors: Andrew Rothstein (translator); R. Cymbala (transcriber, markup).',
    ]);
    expect(f('date')).toEqual(['1918-05-14']);
    expect(f('source')).toEqual([seed.source!.text]);
    expect(f('coverage')).toEqual(['Baku']);
    expect(f('subject')).not.toContain('V. I. Lenin'); // correspondents are not their letter's subjects
    expect(f('identifier')).toEqual(['https://octavo.example.org/works/lenin/1918/05/14-shahumyan']);
    expect(f('format')).toEqual(['text/html']);
    // element order follows the oai_dc schema's sequence
    const order = children(dc).map((c) => c.localName);
    expect(order.indexOf('title')).toBeLessThan(order.indexOf('creator'));
    expect(order.indexOf('language')).toBeLessThan(order.indexOf('rights'));
  });

  it('falls back sensibly when fields are missing', () => {
    const seed = seedWork();
    const { written: _w, source: _s, sentTo: _t, ...rest } = seed;
    const work = {
      ...rest,
      kind: 'article' as const,
      subtitle: 'A reply',
      contributors: [],
      translations: ['lenin/1918/05/14-shahumyan-ru'],
      rights: { statement: 'CC BY 4.0', licence: 'CC-BY-4.0' },
    };
    const f = dcFields(work, { workUrl: (id) => `https://x.org/works/${id}` });
    expect(f.title).toEqual(['To S. G. Shahumyan: A reply']);
    expect(f.date).toEqual(['1918-09-08']); // first publication, when the writing date is unknown
    expect(f.source).toEqual([]);
    expect(f.description[0]).toBe(seed.published[0]!.text); // no correspondence line for an article
    expect(f.identifier).toEqual([]);
    expect(f.relation).toContain('https://x.org/works/lenin/1918/05/14-shahumyan-ru');
    expect(f.rights).toEqual(['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/']);
  });

  it('builds a citation when the source has no printed statement', () => {
    expect(
      sourceCitation({
        author: 'Lenin',
        title: 'Collected Works',
        publisher: 'Progress Publishers',
        place: 'Moscow',
        year: '1976',
        volume: '35',
        pages: '332',
      }),
    ).toBe('Lenin, Collected Works, Progress Publishers, Moscow, 1976, Volume 35, p. 332.');
  });

  it('knows the licences of the corpus', () => {
    expect(licenceUrl('CC0-1.0')).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(licenceUrl('CC-BY-SA-2.0')).toBe('https://creativecommons.org/licenses/by-sa/2.0/');
    expect(licenceUrl('public-domain')).toBe('https://creativecommons.org/publicdomain/mark/1.0/');
    // One licence table for every format (src/model/licences.ts): MIT is known there; an id it lacks is not.
    expect(licenceUrl('MIT')).toBe('https://opensource.org/licenses/MIT');
    expect(licenceUrl('LicenseRef-house-terms')).toBeUndefined();
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const work = { ...seedWork(), title: 'A <b>bold</b> & "quoted" title\u0001' };
    const dc = parseDc(renderOaiDc(work));
    expect(texts(dc, 'title', DC)).toEqual(['A <b>bold</b> & "quoted" title']);
  });

  it('renders the TEI letters of the corpus', () => {
    const register = loadDefaultRegister();
    let rendered = 0;
    for (const path of corpusTeiFiles()) {
      const out = tei.parse({ path, bytes: readFileSync(path) }, { register });
      for (const work of out.works) {
        const dc = parseDc(renderOaiDc(work));
        expect(texts(dc, 'title', DC)[0]).toBe(work.subtitle ? `${work.title}: ${work.subtitle}` : work.title);
        expect(texts(dc, 'creator', DC)).toEqual([...new Set(work.authors.map((a) => a.name.trim()))].filter(Boolean));
        expect(all(dc, 'language', DC).length).toBe(1);
        expect(all(dc, 'rights', DC).length).toBeGreaterThan(0);
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(corpusTeiFiles().length);
  });
});
