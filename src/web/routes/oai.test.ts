// OAI-PMH through app.request() on a real SQLite archive: every verb, every error that can arise,
// paging, from/until, deletions and sets. Time is pinned (Date only) so datestamps are known.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { openArchive, seedVariants, type Archive } from '../../../test/oai/archive.js';
import { attrsOf as requestAttrs, BASE, harvest, idsOf, mount, oai, oaiId, type App } from '../../../test/oai/client.js';
import { all, children, DC, errorCodes, one, OAI_DC, TEI, text, texts, validateOaiPmh, XSI } from '../../../test/oai/xml.js';
import { SEED_ID, seedWork } from '../../../test/support/seed.js';

const T1 = '2024-03-01T10:00:00.000Z'; // sample archive, corpus TEI, seed
const T2 = '2024-03-02T10:00:00.000Z'; // variants 1-150
const T3 = '2024-03-03T12:30:15.250Z'; // variants 151-250, all in one millisecond
const T4 = '2024-03-04T08:00:00.000Z'; // five variants deleted
const variantId = (n: number) => `${SEED_ID}-variant-${String(n).padStart(3, '0')}`;
const DELETED = [7, 60, 151, 200, 250].map(variantId);

let archive: Archive;
let app: App;
let total: number; // works in the archive, present and deleted

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(T1));
  archive = await openArchive({ real: true });
  vi.setSystemTime(new Date(T2));
  await archive.store.upsertWorks(seedVariants(150, 1));
  vi.setSystemTime(new Date(T3));
  await archive.store.upsertWorks(seedVariants(100, 151));
  vi.setSystemTime(new Date(T4));
  for (const id of DELETED) expect(await archive.store.deleteWork(id)).toBe(true);
  vi.setSystemTime(new Date('2024-03-05T00:00:00.000Z'));
  total = (await archive.store.countWorks()) + DELETED.length;
  app = mount(archive.store);
});

afterAll(async () => {
  vi.useRealTimers();
  await archive?.close();
});

describe('Identify', () => {
  it('describes the repository, its granularity and deletion policy', async () => {
    const { doc, request } = await oai(app, 'verb=Identify');
    expect(requestAttrs(request)).toEqual({ verb: 'Identify' });
    const id = one(doc, 'Identify');
    expect(text(one(id, 'repositoryName'))).toBe('Octavo test archive');
    expect(text(one(id, 'baseURL'))).toBe(`${BASE}/oai`);
    expect(text(one(id, 'protocolVersion'))).toBe('2.0');
    expect(texts(id, 'adminEmail')).toEqual(['archive@octavo.example.org']);
    expect(text(one(id, 'earliestDatestamp'))).toBe('2024-03-01T10:00:00Z');
    expect(text(one(id, 'deletedRecord'))).toBe('persistent');
    expect(text(one(id, 'granularity'))).toBe('YYYY-MM-DDThh:mm:ssZ');
    const desc = one(id, 'oai-identifier', 'http://www.openarchives.org/OAI/2.0/oai-identifier');
    expect(text(one(desc, 'repositoryIdentifier', desc.namespaceURI!))).toBe('octavo.example.org');
    expect(text(one(desc, 'sampleIdentifier', desc.namespaceURI!))).toMatch(/^oai:octavo\.example\.org:[a-z0-9]/);
  });

  it('takes no arguments', async () => {
    const { doc, request } = await oai(app, 'verb=Identify&metadataPrefix=oai_dc');
    expect(errorCodes(doc)).toEqual(['badArgument']);
    expect(requestAttrs(request)).toEqual({});
  });

  it('answers POST forms like GET, and refuses other bodies', async () => {
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: 'verb=Identify' };
    const { doc } = await oai(app, '', form);
    expect(text(one(doc, 'repositoryName'))).toBe('Octavo test archive');
    const json = await oai(app, '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"verb":"Identify"}' });
    expect(errorCodes(json.doc)).toEqual(['badArgument']);
  });
});

describe('badVerb', () => {
  it.each([
    ['', 'missing'],
    ['verb=Harvest', 'unknown'],
    ['verb=Identify&verb=Identify', 'repeated'],
    ['verb=identify', 'wrong case'],
  ])('%s (%s)', async (query) => {
    const { doc, request } = await oai(app, query);
    expect(errorCodes(doc)).toEqual(['badVerb']);
    expect(requestAttrs(request)).toEqual({});
  });
});

describe('ListMetadataFormats', () => {
  it('lists oai_dc and tei, for the archive and for one item', async () => {
    for (const q of [
      'verb=ListMetadataFormats',
      `verb=ListMetadataFormats&identifier=${oaiId(SEED_ID)}`,
      `verb=ListMetadataFormats&identifier=${oaiId(DELETED[0]!)}`,
    ]) {
      const { doc } = await oai(app, q);
      expect(errorCodes(doc)).toEqual([]);
      expect(texts(doc, 'metadataPrefix')).toEqual(['oai_dc', 'tei']);
      expect(texts(doc, 'metadataNamespace')).toEqual([OAI_DC, TEI]);
    }
  });

  it('idDoesNotExist for unknown and foreign identifiers', async () => {
    for (const id of [oaiId('nobody/1900/nothing'), `oai:elsewhere.org:${SEED_ID}`, SEED_ID, `${oaiId(SEED_ID)}"/><x a='<&>`]) {
      const { doc, request } = await oai(app, `verb=ListMetadataFormats&identifier=${encodeURIComponent(id)}`);
      expect(errorCodes(doc)).toEqual(['idDoesNotExist']);
      expect(requestAttrs(request)).toEqual({ verb: 'ListMetadataFormats', identifier: id });
    }
  });
});

describe('ListSets', () => {
  it('has a set for every collection and each level above it, named by titles', async () => {
    const pages = await harvest(app, 'ListSets', '', 'set');
    const sets = new Map(pages.flatMap((p) => p.items).map((s) => [text(one(s, 'setSpec')), text(one(s, 'setName'))]));
    expect(sets.get('octavo-test')).toBe('Octavo test data');
    expect(sets.get('octavo-test:variants')).toBe('Octavo test data › Generated variants');
    expect(sets.get('lenin:collected-works:volume-35')).toMatch(/ › Volume 35$/);
    expect(sets.get('lenin:letters:1918')).toMatch(/ › 1918$/);
    for (const c of await archive.store.listCollections()) {
      const name = sets.get(c.path.join(':'));
      expect(name, c.path.join('/')).toBeDefined();
      expect(name!.endsWith(c.title) || name!.endsWith(c.path.at(-1)!), c.path.join('/')).toBe(true);
    }
    for (const spec of sets.keys()) {
      const parent = spec.split(':').slice(0, -1).join(':');
      if (parent) expect(sets.has(parent), spec).toBe(true);
    }
    for (const spec of sets.keys()) expect(spec).toMatch(/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/);
  });

  it('pages through the sets with resumption tokens', async () => {
    const whole = (await harvest(app, 'ListSets', '', 'set')).flatMap((p) => p.items.map((s) => text(one(s, 'setSpec'))));
    const small = mount(archive.store, { pageSize: 2 });
    const pages = await harvest(small, 'ListSets', '', 'set');
    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(pages.flatMap((p) => p.items.map((s) => text(one(s, 'setSpec'))))).toEqual(whole);
    expect(pages.at(-1)!.token!.getAttribute('completeListSize')).toBe(String(whole.length));
  });

  it('takes only a resumptionToken', async () => {
    expect(errorCodes((await oai(app, 'verb=ListSets&set=lenin')).doc)).toEqual(['badArgument']);
    expect(errorCodes((await oai(app, 'verb=ListSets&resumptionToken=xyz')).doc)).toEqual(['badResumptionToken']);
  });
});

describe('ListIdentifiers and ListRecords paging', () => {
  it('pages through 250 records 100 at a time, with cursor and completeListSize', async () => {
    const pages = await harvest(app, 'ListIdentifiers', 'metadataPrefix=oai_dc&set=octavo-test:variants', 'header');
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.token?.getAttribute('cursor'))).toEqual(['0', '100', '200']);
    expect(pages.map((p) => p.token?.getAttribute('completeListSize'))).toEqual(['250', '250', '250']);
    expect(pages[0]!.token!.getAttribute('expirationDate')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(text(pages[2]!.token)).toBe(''); // the last page closes the list with an empty token
    const ids = idsOf(pages.flatMap((p) => p.items));
    expect(new Set(ids).size).toBe(250);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 250 }, (_, i) => oaiId(variantId(i + 1)))));
    const deleted = pages.flatMap((p) => p.items).filter((h) => h.getAttribute('status') === 'deleted');
    expect(idsOf(deleted).sort()).toEqual(DELETED.map(oaiId).sort());
  });

  it('lists the whole archive, present and deleted, in both verbs', async () => {
    const headers = (await harvest(app, 'ListIdentifiers', 'metadataPrefix=oai_dc', 'header')).flatMap((p) => p.items);
    expect(headers.length).toBe(total);
    const records = (await harvest(app, 'ListRecords', 'metadataPrefix=oai_dc', 'record')).flatMap((p) => p.items);
    expect(records.length).toBe(total);
    expect(idsOf(records.map((r) => one(r, 'header')))).toEqual(idsOf(headers));
    for (const r of records) {
      const deleted = one(r, 'header').getAttribute('status') === 'deleted';
      expect(all(r, 'metadata').length).toBe(deleted ? 0 : 1);
    }
  });

  it('gives datestamps in seconds and setSpecs of the record collections', async () => {
    const { doc } = await oai(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(variantId(151))}`);
    expect(errorCodes(doc)).toEqual([]);
    const header = one(doc, 'header');
    expect(header.getAttribute('status')).toBe('deleted');
    expect(text(one(header, 'datestamp'))).toBe('2024-03-04T08:00:00Z');
    expect(texts(header, 'setSpec')).toEqual(['octavo-test:variants']);
    const seed = one((await oai(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(SEED_ID)}`)).doc, 'header');
    expect(text(one(seed, 'datestamp'))).toBe('2024-03-01T10:00:00Z');
    expect(texts(seed, 'setSpec')).toEqual(['lenin:collected-works:volume-35', 'lenin:letters:1918']);
  });

  it('a token carries the original arguments: a mixed request is a badArgument', async () => {
    const first = await oai(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=octavo-test:variants');
    const token = text(one(first.doc, 'resumptionToken'));
    const { doc, request } = await oai(app, `verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=${token}`);
    expect(errorCodes(doc)).toEqual(['badArgument']);
    expect(requestAttrs(request)).toEqual({});
  });
});

describe('from and until', () => {
  const count = async (args: string) =>
    (await harvest(app, 'ListIdentifiers', `metadataPrefix=oai_dc&${args}`, 'header')).flatMap((p) => idsOf(p.items));

  it('selects by day', async () => {
    const ids = await count('from=2024-03-02&until=2024-03-02');
    expect(ids).toEqual(Array.from({ length: 150 }, (_, i) => oaiId(variantId(i + 1))).filter((id) => !DELETED.map(oaiId).includes(id)));
  });

  it('selects by second, both bounds inclusive', async () => {
    // Variants 151-250 changed at 12:30:15.250; three of them were deleted later.
    expect((await count('from=2024-03-03T12:30:15Z&until=2024-03-03T12:30:15Z')).length).toBe(97);
    expect((await count('from=2024-03-03T12:30:14Z&until=2024-03-03T12:30:16Z')).length).toBe(97);
    const after = await oai(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-03-03T12:30:16Z&until=2024-03-03T23:59:59Z');
    expect(errorCodes(after.doc)).toEqual(['noRecordsMatch']);
  });

  it('from alone and until alone', async () => {
    expect((await count('from=2024-03-04')).sort()).toEqual(DELETED.map(oaiId).sort());
    const early = await count('until=2024-03-01T23:59:59Z');
    expect(early.length).toBe(total - 250);
    expect(early).toContain(oaiId(SEED_ID));
  });

  it.each([
    ['from=2024-03-02&until=2024-03-02T23:59:59Z', 'mixed granularity'],
    ['from=2024-03-03&until=2024-03-02', 'from after until'],
    ['from=2024-02-30', 'no such day'],
    ['from=2024-03-02T10:00:00.000Z', 'finer than seconds'],
    ['until=2024-03-02T10:00:00', 'no Z'],
    ['from=March 2024', 'not a date'],
  ])('%s is a badArgument (%s)', async (args) => {
    const { doc, request } = await oai(app, `verb=ListRecords&metadataPrefix=oai_dc&${args.replace(/ /g, '%20')}`);
    expect(errorCodes(doc)).toEqual(['badArgument']);
    expect(requestAttrs(request)).toEqual({});
  });

  it('noRecordsMatch when nothing changed in the range', async () => {
    const { doc, request } = await oai(app, 'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01');
    expect(errorCodes(doc)).toEqual(['noRecordsMatch']);
    expect(requestAttrs(request)).toEqual({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2030-01-01' });
  });
});

describe('GetRecord', () => {
  it('gives the seed as Dublin Core', async () => {
    const { doc, request } = await oai(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(SEED_ID)}`);
    expect(requestAttrs(request)).toEqual({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: oaiId(SEED_ID) });
    expect(text(one(doc, 'identifier'))).toBe(oaiId(SEED_ID));
    const dc = one(one(doc, 'metadata'), 'dc', OAI_DC);
    expect(dc.getAttributeNS(XSI, 'schemaLocation')).toBe(`${OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
    for (const child of children(dc)) expect(child.namespaceURI).toBe(DC);
    const seed = seedWork();
    const f = (name: string) => texts(dc, name, DC);
    expect(f('title')).toEqual([seed.title]);
    expect(f('creator')).toEqual(['V. I. Lenin']);
    expect(f('contributor')).toEqual(['S. G. Shahumyan', 'Andrew Rothstein', 'R. Cymbala']);
    expect(f('date')).toEqual(['1918-05-14']);
    expect(f('type')).toEqual(['Text', 'letter']);
    expect(f('language')).toEqual(['en']);
    expect(f('identifier')).toEqual([`${BASE}/works/${SEED_ID}`]);
    expect(f('source')).toEqual(['Lenin Collected Works, Progress Publishers, [1976], Moscow, Volume 35, page 332.']);
    expect(f('rights')).toEqual([seed.rights.statement, 'https://creativecommons.org/publicdomain/mark/1.0/']);
    expect(f('coverage')).toEqual(['Baku']);
    expect(f('description')[0]).toBe('Letter from V. I. Lenin to S. G. Shahumyan, written May 14, 1918; sent to Baku.');
    expect(f('description')).toContain(seed.published[0]!.text);
    expect(f('relation')).toEqual(['V. I. Lenin › Collected Works › Volume 35', 'V. I. Lenin › Letters › 1918']);
    expect(f('publisher')).toEqual(['Octavo test archive']);
  });

  it('escapes markup in imported text', async () => {
    const { doc, body } = await oai(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(variantId(10))}`);
    expect(texts(doc, 'title', DC)).toEqual(['To Inessa Armand <on "tactics"> & strategy №10']);
    expect(body).toContain('To Inessa Armand &lt;on "tactics"&gt; &amp; strategy №10');
  });

  it('gives the seed as a TEI document inside <metadata>', async () => {
    const { doc, body } = await oai(app, `verb=GetRecord&metadataPrefix=tei&identifier=${oaiId(SEED_ID)}`);
    expect(errorCodes(doc)).toEqual([]);
    const metadata = one(doc, 'metadata');
    const [tei] = children(metadata);
    expect(children(metadata).length).toBe(1);
    expect(tei!.localName).toBe('TEI');
    expect(tei!.namespaceURI).toBe(TEI);
    expect(body.match(/<\?xml/g)?.length).toBe(1);
    const sent = all(tei!, 'correspAction', TEI).find((a) => a.getAttribute('type') === 'sent')!;
    expect(texts(sent, 'persName', TEI).join(' ')).toMatch(/Lenin/);
    expect(all(sent, 'date', TEI)[0]!.getAttribute('when')).toBe('1918-05-14');
  });

  it('gives a deleted work as a header with status="deleted"', async () => {
    const { doc } = await oai(app, `verb=GetRecord&metadataPrefix=tei&identifier=${oaiId(DELETED[1]!)}`);
    expect(errorCodes(doc)).toEqual([]);
    expect(one(doc, 'header').getAttribute('status')).toBe('deleted');
    expect(all(doc, 'metadata')).toEqual([]);
  });

  it('cannotDisseminateFormat, idDoesNotExist, badArgument', async () => {
    const cases: [string, string[]][] = [
      [`metadataPrefix=marc21&identifier=${oaiId(SEED_ID)}`, ['cannotDisseminateFormat']],
      [`metadataPrefix=oai_dc&identifier=${oaiId('lenin/1918/05/14-nobody')}`, ['idDoesNotExist']],
      [`metadataPrefix=oai_dc&identifier=oai:elsewhere.org:${SEED_ID}`, ['idDoesNotExist']],
      [`metadataPrefix=marc21&identifier=${oaiId('nobody/1900/x')}`, ['idDoesNotExist', 'cannotDisseminateFormat']],
      [`identifier=${oaiId(SEED_ID)}`, ['badArgument']],
      ['metadataPrefix=oai_dc', ['badArgument']],
      [`metadataPrefix=oai_dc&metadataPrefix=tei&identifier=${oaiId(SEED_ID)}`, ['badArgument']],
      [`metadataPrefix=oai_dc&identifier=${oaiId(SEED_ID)}&set=lenin&from=2024-01-01`, ['badArgument', 'badArgument']],
      [`metadataPrefix=&identifier=${oaiId(SEED_ID)}`, ['badArgument']],
    ];
    for (const [args, codes] of cases) {
      const { doc, request } = await oai(app, `verb=GetRecord&${args}`);
      expect(errorCodes(doc), args).toEqual(codes);
      expect(Object.keys(requestAttrs(request)).length > 0, args).toBe(!codes.includes('badArgument'));
    }
  });
});

describe('sets in list requests', () => {
  const ids = async (set: string) =>
    (await harvest(app, 'ListIdentifiers', `metadataPrefix=oai_dc&set=${set}`, 'header')).flatMap((p) => idsOf(p.items));

  it('a set holds its collection and every collection below it', async () => {
    expect(await ids('lenin:collected-works:volume-35')).toContain(oaiId(SEED_ID));
    const lenin = await ids('lenin');
    expect(lenin).toContain(oaiId(SEED_ID));
    expect(lenin).not.toContain(oaiId(variantId(1)));
    expect((await ids('octavo-test')).length).toBe(250);
  });

  it('a set no collection has is noRecordsMatch; a malformed setSpec is badArgument', async () => {
    expect(errorCodes((await oai(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=trotsky')).doc)).toEqual(['noRecordsMatch']);
    expect(errorCodes((await oai(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=lenin/letters')).doc)).toEqual(['badArgument']);
    expect(errorCodes((await oai(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=lenin::x')).doc)).toEqual(['badArgument']);
  });

  it('several problems are reported together', async () => {
    const { doc } = await oai(app, 'verb=ListRecords&metadataPrefix=marc21&from=2024-13-01&set=a%20b');
    expect(errorCodes(doc).sort()).toEqual(['badArgument', 'badArgument', 'cannotDisseminateFormat']);
  });
});

describe('badResumptionToken', () => {
  let token: string;
  beforeAll(async () => {
    token = text(one((await oai(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc')).doc, 'resumptionToken'));
  });

  it.each([
    ['garbled', () => 'not-a-token'],
    ['not base64', () => '%%%'],
    ['truncated', () => token.slice(0, -7)],
    ['forged shape', () => Buffer.from(JSON.stringify({ v: 1, verb: 'ListIdentifiers', cursor: 'x' })).toString('base64url')],
    [
      'forged format',
      () =>
        Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(token, 'base64url').toString()), metadataPrefix: 'marc21' })).toString(
          'base64url',
        ),
    ],
  ])('%s', async (_, make) => {
    const value = make();
    const { doc, request } = await oai(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(value)}`);
    expect(errorCodes(doc)).toEqual(['badResumptionToken']);
    expect(requestAttrs(request)).toEqual({ verb: 'ListIdentifiers', resumptionToken: value });
  });

  it('issued for another verb', async () => {
    expect(errorCodes((await oai(app, `verb=ListRecords&resumptionToken=${token}`)).doc)).toEqual(['badResumptionToken']);
    expect(errorCodes((await oai(app, `verb=ListSets&resumptionToken=${token}`)).doc)).toEqual(['badResumptionToken']);
  });

  it('expired', async () => {
    const later = mount(archive.store, { now: () => new Date(Date.now() + 86_400_000 + 1000) });
    const { doc } = await oai(later, `verb=ListIdentifiers&resumptionToken=${token}`);
    expect(errorCodes(doc)).toEqual(['badResumptionToken']);
    expect(text(one(doc, 'error'))).toMatch(/expired/);
    const soon = mount(archive.store, { now: () => new Date(Date.now() + 3_600_000) });
    expect(errorCodes((await oai(soon, `verb=ListIdentifiers&resumptionToken=${token}`)).doc)).toEqual([]);
  });
});

describe('an archive without collections', () => {
  let store: Store;
  let bare: App;
  beforeAll(async () => {
    store = await openSqliteStore(`${archive.dir}/bare.db`);
    await store.upsertWork({ ...seedWork(), collections: [] });
    bare = mount(store);
  });
  afterAll(async () => store.close());

  it('noSetHierarchy for ListSets and for a set argument', async () => {
    expect(errorCodes((await oai(bare, 'verb=ListSets')).doc)).toEqual(['noSetHierarchy']);
    expect(errorCodes((await oai(bare, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=lenin')).doc)).toEqual(['noSetHierarchy']);
    const { doc } = await oai(bare, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(idsOf(all(doc, 'header'))).toEqual([oaiId(SEED_ID)]);
    expect(all(doc, 'resumptionToken')).toEqual([]); // a complete list in one response has no token
  });

  it('an empty archive matches no records', async () => {
    const empty = await openSqliteStore(':memory:');
    const { doc } = await oai(mount(empty), 'verb=ListRecords&metadataPrefix=oai_dc');
    expect(errorCodes(doc)).toEqual(['noRecordsMatch']);
    expect(text(one((await oai(mount(empty), 'verb=Identify')).doc, 'earliestDatestamp'))).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
    );
    await empty.close();
  });
});

describe('valid against the official OAI-PMH 2.0 schemas (OAI-PMH.xsd, oai_dc.xsd, oai-identifier.xsd; xmllint --schema)', () => {
  it('every verb, every page of a list, a deleted record, markup in titles, and each kind of error', async () => {
    const get = async (q: string) => (await app.request(`/oai?${q}`)).text();
    const queries = [
      'verb=Identify',
      'verb=ListMetadataFormats',
      `verb=ListMetadataFormats&identifier=${oaiId(SEED_ID)}`,
      'verb=ListSets',
      'verb=ListRecords&metadataPrefix=oai_dc',
      `verb=ListRecords&metadataPrefix=oai_dc&set=octavo-test:variants&from=${T3.slice(0, 10)}`,
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(SEED_ID)}`,
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(variantId(10))}`,
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(DELETED[0]!)}`,
      '',
      'verb=Nonsense',
      'verb=ListRecords',
      `verb=GetRecord&metadataPrefix=marc21&identifier=${oaiId(SEED_ID)}`,
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId('nobody/1900/nothing')}`,
      'verb=ListIdentifiers&resumptionToken=not-a-token',
      'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01',
    ];
    const docs = await Promise.all(queries.map(get));
    // ListIdentifiers page by page to the last one (an empty resumptionToken with the list's size).
    let query = 'verb=ListIdentifiers&metadataPrefix=oai_dc';
    for (let page = 1; ; page++) {
      const body = await get(query);
      queries.push(`${query} (page ${page})`);
      docs.push(body);
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(body)?.[1];
      if (!token || page > 10) break;
      query = `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`;
    }
    expect(queries.at(-1)).toMatch(/page [3-9]/);
    const verdicts = validateOaiPmh(docs);
    const invalid = Object.fromEntries(queries.map((q, i) => [q || '(no verb)', verdicts[i]]).filter(([, v]) => v));
    expect(invalid).toEqual({});
  });
});
