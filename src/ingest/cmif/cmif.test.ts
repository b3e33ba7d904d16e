import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmif } from './index.js';
import { tei } from '../tei/index.js';
import { loadDefaultRegister } from '../../model/register.js';
import { Work } from '../../model/work.js';

const CMIF = join(import.meta.dirname, '..', '..', '..', 'test', 'corpus', 'cmif');
const register = loadDefaultRegister();
const load = (rel: string) => cmif.parse({ path: rel, bytes: readFileSync(join(CMIF, rel)) }, { register });

describe('cmif importer: Dehmel digital (2453 letters, CC0)', () => {
  const t0 = performance.now();
  const out = load('dehmel-digital-cmif.xml');
  const ms = performance.now() - t0;
  const byId = new Map(out.works.map((w) => [w.id, w]));

  it('reads every correspDesc as a metadata-only letter, in under 5 s', () => {
    expect(out.diagnostics).toEqual([]);
    expect(out.works).toHaveLength(2453);
    expect(ms).toBeLessThan(5000);
    expect(out.works.every((w) => w.kind === 'letter' && w.body.length === 0 && Work.safeParse(w).success)).toBe(true);
  });

  it('gives stable unique ids from correspDesc/@ref, the same as the TEI letter gets', () => {
    expect(byId.size).toBe(2453);
    const letter = tei.parse(
      { path: 'HANSb13009.xml', bytes: readFileSync(join(CMIF, '..', 'tei-dehmel-digital', 'brief', 'HANSb13009.xml')) },
      { register },
    ).works[0]!;
    const record = byId.get(letter.id)!;
    expect(record).toBeDefined();
    expect(record.authors).toEqual(letter.authors);
    expect(record.recipients).toEqual(letter.recipients);
    expect(record.written?.date?.iso).toBe(letter.written?.date?.iso);
  });

  it('keeps several senders, and senders without @ref', () => {
    const w = byId.get('dehmel/hansb17550')!;
    expect(w.title).toBe('Gustav Falke, Detlev von Liliencron, unbekannt (1) to Richard Dehmel, 1894-10-29');
    expect(w.authors.map((a) => [a.name, a.refs])).toEqual([
      ['Gustav Falke', ['https://d-nb.info/gnd/118685929']],
      ['Detlev von Liliencron', ['https://d-nb.info/gnd/118572954']],
      ['unbekannt (1)', undefined],
    ]);
    expect(w.written?.place).toEqual({ id: 'hamburg', name: 'Hamburg', refs: ['https://sws.geonames.org/2911297'] });
    expect(w.sentTo?.name).toBe('Berlin-Pankow');
    expect(w.otherFormats).toEqual([{ label: 'TEI', href: 'https://data.dehmel.digital/brief/HANSb17550/content.xml' }]);
    expect(out.works.filter((x) => x.authors.length > 1)).toHaveLength(136);
  });

  it('takes rights and source from the file header', () => {
    expect(out.works.every((w) => w.rights.licence === 'CC0-1.0')).toBe(true);
    expect(out.works[0]!.source).toEqual({
      title: 'Dehmel digital. Hg. v. Julia Nantke unter Mitarbeit von Sandra Bläß und Marie Flüh',
      note: 'https://dehmel-digital.de',
    });
    expect(out.works[0]!.provenance).toMatchObject({ format: 'cmif', url: 'http://dehmel.digital/brief/HANSb15381' });
  });
});

describe('cmif importer: Thun correspondence (413 letters, CC BY 4.0)', () => {
  const out = load('thun-korrespondenz-cmif.xml');
  const byId = new Map(out.works.map((w) => [w.id, w]));

  it('reads all records, with undated letters left undated', () => {
    expect(out.diagnostics).toEqual([]);
    expect(out.works).toHaveLength(413);
    expect(byId.size).toBe(413);
    const undated = out.works.filter((w) => !w.written?.date);
    expect(undated).toHaveLength(20);
    expect(byId.get('thun-korrespondenz/thun-an-bach-1850-07-ca932')!.title).toBe('Leo (Leopold) Thun-Hohenstein to Alexander Bach');
    expect(out.works.every((w) => w.rights.licence === 'CC-BY-4.0')).toBe(true);
  });

  it('dates "[1852]" wordings from @when and keeps the wording', () => {
    const w = byId.get('thun-korrespondenz/thun-an-exner-1852-09-22-ca81')!;
    expect(w.written?.date).toEqual({
      text: '22. September [1852]',
      iso: '1852-09-22',
      precision: 'day',
      start: '1852-09-22',
      end: '1852-09-22',
    });
    expect(w.written?.place).toEqual({
      id: 'gemeindebezirk-hietzing',
      name: 'Gemeindebezirk Hietzing',
      refs: ['https://www.geonames.org/2776421'],
    });
    expect(w.recipients).toEqual([{ id: 'franz-serafin-exner', name: 'Franz Serafin Exner', refs: ['https://d-nb.info/gnd/116319410'] }]);
    expect(w.title).toBe('Leo (Leopold) Thun-Hohenstein to Franz Serafin Exner, 22. September [1852]');
  });
});

describe('cmif importer: the specification examples', () => {
  it('example 1 (digital edition): ids from @ref, notBefore/notAfter ranges', () => {
    const out = load('spec-examples/example01_basic.xml');
    expect(out.diagnostics).toEqual([]);
    expect(out.works.map((w) => w.id)).toEqual([
      'weber-gesamtausgabe/a044980',
      'weber-gesamtausgabe/a044943',
      'weber-gesamtausgabe/a041523',
    ]);
    expect(out.works[0]!.written?.date).toMatchObject({
      iso: '1810-07-11/1810-07-18',
      start: '1810-07-11',
      end: '1810-07-18',
      uncertain: true,
    });
  });

  it('example 2 (printed edition): ids from @key within the edition', () => {
    const out = load('spec-examples/example02_cmi-with-printed-edition.xml');
    expect(out.works.map((w) => w.id)).toEqual([
      'samuel-thomas-soemmerring-briefwechsel/631',
      'samuel-thomas-soemmerring-briefwechsel/632',
      'samuel-thomas-soemmerring-briefwechsel/633',
    ]);
    expect(out.works[0]!.recipients[0]).toEqual({
      id: 'melchior-von-birkenstock',
      name: 'Melchior von Birkenstock',
      refs: ['http://viaf.org/viaf/59894734/'],
    });
    expect(out.works[0]!.rights).toMatchObject({ licence: 'CC-BY-4.0', url: 'http://creativecommons.org/licenses/by/4.0/' });
  });

  it('reports malformed input as a located error', () => {
    const out = cmif.parse(
      { path: 'bad.xml', bytes: Buffer.from('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n<x></y>') },
      { register },
    );
    expect(out.works).toEqual([]);
    expect(out.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.xml', line: 3 });
  });

  it('sniffs CMIF files and leaves single TEI letters to the TEI importer', () => {
    const head = (p: string) => readFileSync(p, 'utf8').slice(0, 4096);
    expect(cmif.sniff({ path: '', bytes: new Uint8Array() }, head(join(CMIF, 'thun-korrespondenz-cmif.xml')))).toBeGreaterThan(0.9);
    const letter = head(join(CMIF, '..', 'tei-dehmel-digital', 'brief', 'HANSb13009.xml'));
    expect(cmif.sniff({ path: '', bytes: new Uint8Array() }, letter)).toBe(0);
    expect(tei.sniff({ path: '', bytes: new Uint8Array() }, letter)).toBeGreaterThan(0.5);
  });
});
