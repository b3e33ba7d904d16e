// A client no one here wrote: the Perl HTTP::OAI harvester (Debian libhttp-oai-perl) harvests the
// sample archive over real HTTP, following resumption tokens; then some works change and a harvest
// with from= must bring back exactly those. Fails, never skips, when perl, HTTP::OAI or xmllint is missing.
import { serve, type ServerType } from '@hono/node-server';
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oaiRoutes } from '../../src/web/routes/oai.js';
import { openArchive, seedVariants, type Archive } from './archive.js';
import { all, errorCodes, parseXml, text, xmllint } from './xml.js';

const run = promisify(execFile);
const HARVEST = join(import.meta.dirname, 'harvest.pl');
const VARIANTS = 260; // with the sample archive, enough for three pages of 100

interface Harvest {
  repository: string;
  records: { identifier: string; datestamp: string; status: string; title: string }[];
  count: number;
  deleted: number;
}

/** Run the Perl harvester against the live server (asynchronously: the server lives in this process). */
async function harvest(base: string, prefix = 'oai_dc', from = ''): Promise<Harvest> {
  const { stdout } = await run('perl', [HARVEST, `${base}/oai`, prefix, from], { maxBuffer: 64 << 20, encoding: 'utf8' });
  const lines = stdout.split('\n');
  const value = (key: string) => Number(lines.find((l) => l.startsWith(`${key} `))?.slice(key.length + 1));
  return {
    repository: lines.find((l) => l.startsWith('identify '))?.slice(9) ?? '',
    records: lines
      .filter((l) => l.startsWith('record '))
      .map((l) => {
        const [identifier = '', datestamp = '', status = '', title = ''] = l.slice(7).split('\t');
        return { identifier, datestamp, status, title };
      }),
    count: value('records'),
    deleted: value('deleted'),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('harvesting with HTTP::OAI (Perl)', () => {
  let archive: Archive;
  let server: ServerType;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    // The tools must be present: a missing harvester is a failure, not a reason to skip.
    const perl = spawnSync('perl', ['-MHTTP::OAI', '-e', 'print $HTTP::OAI::VERSION'], { encoding: 'utf8' });
    if (perl.error || perl.status !== 0)
      throw new Error(`perl with HTTP::OAI is required (Debian package libhttp-oai-perl): ${perl.error?.message ?? perl.stderr}`);
    xmllint('<ok/>');

    archive = await openArchive({ real: true });
    await archive.store.upsertWorks(seedVariants(VARIANTS));
    const app = new Hono();
    app.use('/oai', async (c, next) => {
      requests.push(new URL(c.req.url).search);
      await next();
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: (req) => app.fetch(req), hostname: '127.0.0.1', port: 0 }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    app.route(
      '/',
      oaiRoutes(archive.store, { baseUrl: base, repositoryName: 'Octavo sample archive', adminEmail: 'archive@octavo.example.org' }),
    );
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await archive?.close();
  });

  it('harvests every work, following resumption tokens', async () => {
    const works = await archive.store.countWorks();
    requests.length = 0;
    const h = await harvest(base);
    expect(h.repository).toBe('Octavo sample archive\tYYYY-MM-DDThh:mm:ssZ\tpersistent');
    expect(h.count).toBe(works);
    expect(h.records.length).toBe(works);
    expect(h.deleted).toBe(0);
    expect(new Set(h.records.map((r) => r.identifier)).size).toBe(works);
    const byId = new Map(h.records.map((r) => [r.identifier.replace(/^oai:127\.0\.0\.1:/, ''), r]));
    for (const { id } of await archive.store.listWorks()) {
      const w = (await archive.store.getWork(id))!;
      expect(byId.get(id)?.title, id).toBe(w.subtitle ? `${w.title}: ${w.subtitle}` : w.title);
    }
    // ListRecords came in pages of 100: the first request and one per resumption token.
    const tokens = requests.filter((q) => q.includes('resumptionToken=')).length;
    expect(tokens).toBe(Math.ceil(works / 100) - 1);
    expect(tokens).toBeGreaterThanOrEqual(2);
    console.log(`HTTP::OAI harvested ${h.count} records of ${works} works in ${tokens + 1} ListRecords requests`);
  });

  it('harvests the TEI format too', async () => {
    const h = await harvest(base, 'tei');
    expect(h.count).toBe(await archive.store.countWorks());
  });

  it('re-harvests with from= and gets only what changed', async () => {
    // Changes must fall in a later second than everything harvested before, since datestamps are in seconds.
    const from = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
    await sleep(from.getTime() - Date.now() + 20);
    const changed = seedVariants(3, 40).map((w) => ({ ...w, title: `${w.title} (revised)` }));
    expect(await archive.store.upsertWorks(changed)).toEqual(['updated', 'updated', 'updated']);
    const gone = seedVariants(1, 51)[0]!.id;
    expect(await archive.store.deleteWork(gone)).toBe(true);
    const stamp = `${from.toISOString().slice(0, 19)}Z`;

    const h = await harvest(base, 'oai_dc', stamp);
    expect(h.count).toBe(4);
    expect(h.deleted).toBe(1);
    expect(h.records.map((r) => r.identifier).sort()).toEqual(
      [...changed.map((w) => w.id), gone].map((id) => `oai:127.0.0.1:${id}`).sort(),
    );
    for (const w of changed) expect(h.records.find((r) => r.identifier.endsWith(w.id))?.title).toBe(w.title);
    expect(h.records.find((r) => r.identifier.endsWith(gone))?.status).toBe('deleted');
    for (const r of h.records) expect(r.datestamp >= stamp).toBe(true);

    // The whole list now has the deleted work too, as a deleted record.
    const again = await harvest(base);
    expect(again.count).toBe((await archive.store.countWorks()) + 1);
    expect(again.deleted).toBe(1);
  });

  it('serves well-formed XML for every verb over HTTP (xmllint)', async () => {
    const [first] = await archive.store.listWorks({ limit: 1 });
    const id = `oai:127.0.0.1:${first!.id}`;
    const queries = [
      'verb=Identify',
      'verb=ListMetadataFormats',
      'verb=ListSets',
      'verb=ListIdentifiers&metadataPrefix=oai_dc',
      'verb=ListRecords&metadataPrefix=oai_dc',
      'verb=ListRecords&metadataPrefix=tei',
      `verb=GetRecord&metadataPrefix=oai_dc&identifier=${id}`,
      `verb=GetRecord&metadataPrefix=tei&identifier=${id}`,
      'verb=Nonsense',
    ];
    for (const q of queries) {
      const res = await fetch(`${base}/oai?${q}`);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const body = await res.text();
      expect(xmllint(body), q).toBe('');
      const doc = parseXml(body);
      expect(errorCodes(doc), q).toEqual(q === 'verb=Nonsense' ? ['badVerb'] : []);
      // The embedded oai_dc records stand on their own as documents too.
      for (const dc of all(doc, 'dc', 'http://www.openarchives.org/OAI/2.0/oai_dc/')) expect(xmllint(dc.toString())).toBe('');
      expect(text(doc.getElementsByTagName('request').item(0) ?? undefined)).toBe(`${base}/oai`);
    }
  });
});
