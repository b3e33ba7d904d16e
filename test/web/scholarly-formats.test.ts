// The scholarly formats as a harvester or a correspSearch crawler meets them: over HTTP, and from the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { importPaths } from '../../src/archive/import.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { CORPUS, SEED_ID, SEED_PATH } from '../support/seed.js';
import { CMIF_RNG, TEI_ALL, jing, xpathNumber } from '../validate/jing.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-formats-'));
const db = join(dir, 'a.db');
let store: Archive;
const app = () => createApp(store, { baseUrl: 'https://archive.example.org', log: () => {} });

beforeAll(async () => {
  store = await openArchive(db);
  const teiDir = join(CORPUS, 'tei-schnitzler-briefe', 'editions');
  const sum = await importPaths(store.store, [SEED_PATH, join(teiDir, 'L00001.xml'), join(teiDir, 'L00088.xml')], {
    register: loadDefaultRegister(),
  });
  expect(sum.failed).toBe(0);
});
afterAll(async () => store.close());

describe('TEI and CMIF over HTTP', () => {
  it('serves the seed as valid TEI with its correspDesc', async () => {
    const res = await app().request(`/works/${SEED_ID}.tei.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/tei\+xml/);
    const xml = await res.text();
    expect(jing(TEI_ALL, [{ name: 'seed.tei.xml', xml }]).ok).toBe(true);
    expect(
      xpathNumber(xml, "count(//*[local-name()='correspAction'][@type='sent']/*[local-name()='persName'][contains(., 'Lenin')])"),
    ).toBe(1);
    expect(
      xpathNumber(xml, "count(//*[local-name()='correspAction'][@type='received']/*[local-name()='persName'][contains(., 'Shahumyan')])"),
    ).toBe(1);
    expect(xpathNumber(xml, "count(//*[local-name()='correspAction'][@type='sent']/*[local-name()='date'][@when='1918-05-14'])")).toBe(1);
    expect(xpathNumber(xml, "count(//*[local-name()='correspAction'][@type='received']/*[local-name()='placeName'][.='Baku'])")).toBe(1);
  });

  it('links TEI under Other Formats on the work page', async () => {
    const html = await (await app().request(`/works/${SEED_ID}`)).text();
    expect(html).toContain(`href="/works/${SEED_ID}.tei.xml"`);
  });

  it('serves the archive as one CMIF file valid against the CMIF schema', async () => {
    const res = await app().request('/cmif.xml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(jing(CMIF_RNG, [{ name: 'cmif.xml', xml }]).ok).toBe(true);
    expect(xpathNumber(xml, "count(//*[local-name()='correspDesc'])")).toBe(3);
    expect(xml).toContain(`ref="https://archive.example.org/works/${SEED_ID}"`);
  });

  it('narrows CMIF to a collection', async () => {
    const xml = await (await app().request('/cmif.xml?collection=lenin')).text();
    expect(xpathNumber(xml, "count(//*[local-name()='correspDesc'])")).toBe(1);
  });

  it('answers OAI-PMH Identify at /oai', async () => {
    const xml = await (await app().request('/oai?verb=Identify')).text();
    expect(xml).toContain('<baseURL>https://archive.example.org/oai</baseURL>');
  });
});

describe('TEI and CMIF from the command line', () => {
  const BIN = join(import.meta.dirname, '..', '..', 'bin', 'octavo.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8' });

  it('exports one work as TEI', () => {
    const r = run('export', SEED_ID, '--format', 'tei');
    expect(r.status).toBe(0);
    expect(jing(TEI_ALL, [{ name: 'cli.tei.xml', xml: r.stdout }]).ok).toBe(true);
  });

  it('prints the CMIF of the archive to stdout', () => {
    const r = run('export-cmif');
    expect(r.status).toBe(0);
    expect(jing(CMIF_RNG, [{ name: 'cli-cmif.xml', xml: r.stdout }]).ok).toBe(true);
    expect(r.stderr).toContain('3 letters');
  });
});
