// Citations as a reader and a reference manager meet them: the work page's "Cite this" section and
// <head> metadata, /works/<id>.bib, .ris and .csl.json, and `octavo export --format bibtex|ris|csl`.
import { Cite } from '@citation-js/core';
import { load } from 'cheerio';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { createApp } from '../../src/web/app.js';
import { SEED_ID, SEED_PATH, seedWork } from '../support/seed.js';

const BASE = 'https://archive.example.org';
const URL_ = `${BASE}/works/${SEED_ID}`;
const today = () => new Date().toISOString().slice(0, 10);

describe('citations on the site', () => {
  let archive: Archive;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    archive = await openArchive(':memory:');
    const seed = seedWork();
    await archive.store.upsertWorks([seed, { ...seed, id: 'test/hostile', title: 'Bad </script><script>alert(1)</script> title' }]);
    app = createApp(archive, { baseUrl: BASE });
  });
  afterAll(() => archive?.close());

  it('the work page has Cite this, Highwire tags, JSON-LD and COinS', async () => {
    const res = await app.request(`/works/${SEED_ID}`);
    expect(res.status).toBe(200);
    const $ = load(await res.text());
    const meta = (name: string) =>
      $(`meta[name="${name}"]`)
        .map((_, m) => $(m).attr('content'))
        .get();
    expect(meta('citation_title')).toEqual(['To S. G. Shahumyan']);
    expect(meta('citation_author')).toEqual(['Lenin, V. I.']);
    expect(meta('citation_volume')).toEqual(['35']);
    expect(meta('citation_firstpage')).toEqual(['332']);
    expect(meta('citation_publisher')).toEqual(['Progress Publishers']);
    expect(meta('citation_public_url')).toEqual([URL_]);
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld).toMatchObject({ '@type': 'Message', name: 'To S. G. Shahumyan', url: URL_ });
    const cite = $('details#cite');
    expect(cite.find('summary').text()).toBe('Cite this');
    expect(
      cite
        .find('dt')
        .map((_, d) => $(d).text())
        .get(),
    ).toEqual(['Chicago', 'MLA', 'APA']);
    expect(cite.find('#cite-mla').text()).toContain('vol. 35, Progress Publishers, 1976, p. 332');
    expect(
      cite
        .find('.cite-downloads a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['.bib', '.ris', '.csl.json'].map((ext) => `/works/${SEED_ID}${ext}`));
    const coins = new URLSearchParams(cite.find('span.Z3988').attr('title'));
    expect(coins.get('rft.btitle')).toBe('Collected Works');
    // The Other Formats row offers the downloads too.
    expect(
      $('.formats a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(expect.arrayContaining(['BibTeX', 'RIS', 'CSL-JSON']));
  });

  it('a hostile title cannot end the JSON-LD block', async () => {
    const html = await (await app.request('/works/test/hostile')).text();
    const $ = load(html);
    // The site's own script and the data block, nothing the title smuggled in.
    expect($('script').length).toBe(2);
    expect($('script:not([type])').attr('src')).toMatch(/^\/assets\/octavo\.js/);
    expect(JSON.parse($('script[type="application/ld+json"]').text()).name).toBe('Bad </script><script>alert(1)</script> title');
    expect($('meta[name="citation_title"]').attr('content')).toBe('Bad </script><script>alert(1)</script> title');
  });

  it('serves BibTeX, RIS and CSL-JSON that read back to the seed', async () => {
    const bib = await app.request(`/works/${SEED_ID}.bib`);
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    const fromBib = new Cite(await bib.text()).data[0]!;
    expect(fromBib).toMatchObject({ title: 'To S. G. Shahumyan', volume: '35', page: '332', URL: URL_ });
    const ris = await app.request(`/works/${SEED_ID}.ris`);
    expect(ris.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(new Cite(await ris.text()).data[0]).toMatchObject({ title: 'To S. G. Shahumyan', volume: '35', page: '332' });
    const csl = await app.request(`/works/${SEED_ID}.csl.json`);
    expect(csl.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const [item] = await csl.json();
    expect(item).toMatchObject({ type: 'chapter', 'container-title': 'Collected Works', URL: URL_ });
    const [y, m, d] = today().split('-').map(Number);
    expect(item.accessed).toEqual({ 'date-parts': [[y, m, d]] });
    // .csl.json is its own format, not the JSON export of a work whose id ends in ".csl".
    expect((await app.request(`/works/${SEED_ID}.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('octavo export --format bibtex|ris|csl', () => {
  const BIN = join(import.meta.dirname, '..', '..', 'bin', 'octavo.js');
  const db = join(mkdtempSync(join(tmpdir(), 'octavo-cite-')), 'a.db');
  const { OCTAVO_BASE_URL: _, ...env } = process.env;
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...env, OCTAVO_DB: db } });

  it('writes each, with the given base URL', () => {
    expect(run('import', SEED_PATH).status).toBe(0);
    const bib = run('export', SEED_ID, '--format', 'bibtex', '--base-url', BASE);
    expect(bib.status).toBe(0);
    expect(new Cite(bib.stdout).data[0]).toMatchObject({ title: 'To S. G. Shahumyan', volume: '35', page: '332', URL: URL_ });
    expect(run('export', SEED_ID, '--format', 'ris', '--base-url', BASE).stdout).toMatch(
      /^TY {2}- CHAP\n[\s\S]*^UR {2}- https:\/\/archive\.example\.org\/works\/lenin/m,
    );
    expect(JSON.parse(run('export', SEED_ID, '--format', 'csl', '--base-url', BASE).stdout)[0].URL).toBe(URL_);
  });
});
