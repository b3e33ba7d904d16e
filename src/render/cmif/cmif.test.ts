import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCmif, stableUuid } from './index.js';
import { cmif } from '../../ingest/cmif/index.js';
import { tei } from '../../ingest/tei/index.js';
import { leninToShahumyan } from '../tei/lenin.fixture.js';
import { loadDefaultRegister } from '../../model/register.js';
import type { Work } from '../../model/work.js';
import { CMIF_RNG, jing, xpathNumber } from '../../../test/validate/jing.js';
import { SEED_ID, seedWork } from '../../../test/support/seed.js';
import { DOMParser } from '@xmldom/xmldom';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'test', 'corpus');
const register = loadDefaultRegister();
const NS = 'http://www.tei-c.org/ns/1.0';

function corpusWorks(): Work[] {
  const works: Work[] = [leninToShahumyan()];
  for (const f of [
    'thun-korrespondenz-cmif.xml',
    'spec-examples/example01_basic.xml',
    'spec-examples/example02_cmi-with-printed-edition.xml',
  ]) {
    works.push(...cmif.parse({ path: f, bytes: readFileSync(join(CORPUS, 'cmif', f)) }, { register }).works);
  }
  for (const d of ['tei-schnitzler-briefe/editions', 'tei-correspdesc-examples']) {
    for (const f of readdirSync(join(CORPUS, d)).filter((x) => x.endsWith('.xml'))) {
      works.push(...tei.parse({ path: f, bytes: readFileSync(join(CORPUS, d, f)) }, { register }).works);
    }
  }
  const orphan: Work = {
    ...leninToShahumyan(),
    id: 'test/unknown-recipient',
    authors: [],
    recipients: [],
    written: undefined,
    sentTo: undefined,
    source: undefined,
    published: [],
  };
  delete orphan.written;
  delete orphan.sentTo;
  delete orphan.source;
  works.push(orphan);
  return works;
}

const opts = {
  title: 'Octavo test export',
  editor: 'Test Editor',
  editorEmail: 'editor@example.org',
  publisher: 'Octavo',
  url: 'https://octavo.example.org/cmif.xml',
  date: '2025-01-15',
};
/** Elements by local name (xmllint's XPath 1.0 has no default-namespace binding). */
const E = (name: string): string => `*[local-name()='${name}']`;

describe('renderCmif: the bibl of a letter', () => {
  const archive = { ...opts, workUrl: (w: Work) => `https://octavo.example.org/works/${w.id}` };
  const teiWork = (f: string) => tei.parse({ path: f, bytes: readFileSync(join(CORPUS, f)) }, { register }).works[0]!;
  const sourceOf = (xml: string, id: string) => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const desc = Array.from(doc.getElementsByTagNameNS(NS, 'correspDesc')).find((d) => d.getAttribute('key') === id)!;
    const ref = desc.getAttribute('source')!.slice(1);
    return Array.from(doc.getElementsByTagNameNS(NS, 'bibl')).find((b) => b.getAttribute('xml:id') === ref)!;
  };

  it('names the printed edition of the seed letter as a print bibl: title, volume, publisher, place, year, page', () => {
    const seed = seedWork();
    expect(seed.source).toMatchObject({ title: 'Collected Works', publisher: 'Progress Publishers', year: '1976', place: 'Moscow' });
    const xml = renderCmif([seed], archive);
    const bibl = sourceOf(xml, SEED_ID);
    expect(bibl.getAttribute('type')).toBe('print');
    expect(bibl.textContent).toBe('Lenin, Collected Works, vol. 35, Moscow: Progress Publishers, 1976, p. 332');
    const title = bibl.getElementsByTagNameNS(NS, 'title')[0]!;
    expect([title.getAttribute('level'), title.textContent]).toEqual(['m', 'Collected Works']);
    expect(bibl.getElementsByTagNameNS(NS, 'publisher')[0]!.textContent).toBe('Progress Publishers');
    // the archive's own address is the letter's @ref, not a second bibl
    expect(xpathNumber(xml, `count(//${E('bibl')})`)).toBe(1);
    expect(xpathNumber(xml, `count(//${E('correspDesc')}[@ref='https://octavo.example.org/works/${SEED_ID}'])`)).toBe(1);
    expect(jing(CMIF_RNG, [{ name: 'seed-cmif.xml', xml }]).errors).toEqual([]);
  });

  it('cites a manuscript letter by its printed edition, or else by the archive (type online), not by its shelfmark', () => {
    const printed = teiWork('tei-schnitzler-briefe/editions/L00088.xml');
    const unprinted = teiWork('tei-schnitzler-briefe/editions/L00001.xml');
    const postcard = teiWork('tei-dehmel-digital/brief/HANSb13009.xml');
    expect(printed.source).toEqual({ title: expect.stringMatching(/^University Library, Schnitzler, B\s43$/), place: 'Cambridge' });
    const xml = renderCmif([printed, unprinted, postcard], archive);
    const edition = sourceOf(xml, printed.id);
    expect(edition.getAttribute('type')).toBe('print');
    expect(edition.textContent).toContain('Briefwechsel');
    expect(edition.textContent).not.toContain('University Library');
    for (const w of [unprinted, postcard]) {
      const own = sourceOf(xml, w.id);
      expect(own.getAttribute('type')).toBe('online');
      expect(own.getElementsByTagNameNS(NS, 'ref')[0]!.getAttribute('target')).toBe(opts.url);
    }
    expect(jing(CMIF_RNG, [{ name: 'manuscripts-cmif.xml', xml }]).errors).toEqual([]);
  });
});

describe('renderCmif', () => {
  const works = corpusWorks();
  const xml = renderCmif(works, opts);

  it('writes one correspDesc per work', () => {
    expect(works.length).toBe(1 + 413 + 3 + 3 + 150 + 11 + 1);
    expect(xpathNumber(xml, `count(//${E('correspDesc')})`)).toBe(works.length);
  });

  it('is valid against cmi-customization.rng (jing)', () => {
    const r = jing(CMIF_RNG, [{ name: 'export-cmif.xml', xml }]);
    expect(r.errors.slice(0, 10)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('meets the cmif.sch rules (checked as XPath)', () => {
    // E0001, E0002: sent and received actions in every correspDesc
    expect(xpathNumber(xml, `count(//${E('correspDesc')}[not(${E('correspAction')}[@type='sent'])])`)).toBe(0);
    expect(xpathNumber(xml, `count(//${E('correspDesc')}[not(${E('correspAction')}[@type='received'])])`)).toBe(0);
    // E0003: correspDesc/@source names a bibl/@xml:id
    expect(xpathNumber(xml, `count(//${E('correspDesc')}[not(@source)])`)).toBe(0);
    expect(xpathNumber(xml, `count(//${E('correspDesc')}[not(substring-after(@source, '#') = //${E('bibl')}/@xml:id)])`)).toBe(0);
    // E0004: a dating attribute on every date
    expect(xpathNumber(xml, `count(//${E('date')}[not(@when or @from or @to or @notBefore or @notAfter)])`)).toBe(0);
    expect(xpathNumber(xml, `count(//${E('correspAction')}/${E('date')})`)).toBeGreaterThan(500);
    // W0001: bibl/@xml:id holds a UUID
    const uuid = `substring-after(@xml:id, 'bibl-')`;
    expect(
      xpathNumber(xml, `count(//${E('bibl')}[not(string-length(${uuid}) = 36 and translate(${uuid}, '0123456789abcdef', '') = '----')])`),
    ).toBe(0);
  });

  it('writes "Unknown" for a missing party and authority @ref where known', () => {
    const desc = `//${E('correspDesc')}[@key='test/unknown-recipient']`;
    expect(xpathNumber(xml, `count(${desc}/${E('correspAction')}[@type='sent']/${E('persName')}[. = 'Unknown'])`)).toBe(1);
    expect(xpathNumber(xml, `count(${desc}/${E('correspAction')}[@type='received']/${E('persName')}[. = 'Unknown'])`)).toBe(1);
    expect(xpathNumber(xml, `count(${desc}//${E('date')})`)).toBe(0);
    const lenin = `//${E('correspDesc')}[@key='lenin/1918/05/14-shahumyan']`;
    expect(
      xpathNumber(
        xml,
        `count(${lenin}/${E('correspAction')}[@type='sent']/${E('persName')}[@ref='http://www.wikidata.org/entity/Q1394'][. = 'V. I. Lenin'])`,
      ),
    ).toBe(1);
    expect(xpathNumber(xml, `count(${lenin}/${E('correspAction')}[@type='sent']/${E('date')}[@when='1918-05-14'])`)).toBe(1);
    expect(xpathNumber(xml, `count(${lenin}/${E('correspAction')}[@type='received']/${E('placeName')}[. = 'Baku'])`)).toBe(1);
    // every name that had an authority URI in the Work carries it
    const withRefs = works.flatMap((w) => [...w.authors, ...w.recipients]).filter((a) => a.refs?.some((r) => r.startsWith('http'))).length;
    expect(xpathNumber(xml, `count(//${E('correspAction')}/${E('persName')}[@ref])`)).toBe(withRefs);
  });

  it('imports back with the same senders, recipients and dates', () => {
    const back = cmif.parse({ path: 'export-cmif.xml', bytes: Buffer.from(xml) }, { register });
    expect(back.diagnostics).toEqual([]);
    const sig = (w: Work) => ({
      id: w.id,
      from: w.authors.map((a) => [a.id, a.name]),
      to: w.recipients.map((a) => [a.id, a.name]),
      date: w.written?.date && [w.written.date.iso, w.written.date.start, w.written.date.end],
      place: w.written?.place?.name,
      sentTo: w.sentTo?.name,
    });
    expect(back.works.map(sig)).toEqual(works.map(sig));
  });

  it('points every letter from a manuscript at its printing or the archive, never at a shelfmark', () => {
    const bibls = `//${E('sourceDesc')}/${E('bibl')}`;
    expect(xpathNumber(xml, `count(${bibls}[contains(., 'University Library, Schnitzler')])`)).toBe(0);
    expect(xpathNumber(xml, `count(${bibls}[contains(., 'Pk-Album')])`)).toBe(0);
  });

  it('names bibls with stable UUIDs', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(renderCmif(works.slice(0, 3), opts)).toBe(renderCmif(works.slice(0, 3), opts));
  });
});
