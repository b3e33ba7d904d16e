// `octavo build` as a function over an in-memory archive: relative links that all lead to files of
// the site, every export of the registry beside each work page, the static sitemap and feed, the
// incremental rebuild (unchanged files not rewritten, a changed work's files rewritten, a deleted
// work's files removed) and the client-side search run in Node over the written index.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { exportFormats } from '../../src/render/formats.js';
import { testWorks } from '../../src/search/test-support.js';
import { buildSite, type BuildSummary } from '../../src/site/build.js';
import { SEED_ID, seedWork } from '../support/seed.js';
import { staticSearch } from './client.js';

let archive: Archive;
let dir: string;
let first: BuildSummary;
const BASE = 'https://static.example.org/mirror';

function walk(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
}

beforeAll(async () => {
  archive = await openArchive(':memory:');
  await archive.store.upsertWorks([seedWork(), ...testWorks(40)]);
  dir = mkdtempSync(join(tmpdir(), 'octavo-site-'));
  first = await buildSite(archive, { outDir: dir, baseUrl: BASE });
}, 120_000);
afterAll(async () => {
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('octavo build', () => {
  it('writes every page with relative links only, each leading to a file of the site', async () => {
    const html = walk(dir).filter((f) => f.endsWith('.html'));
    const works = walk(join(dir, 'works')).filter((f) => f.endsWith('.html'));
    expect(works.length).toBe(first.works);
    expect(first.works).toBe(await archive.store.countWorks());
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'collections', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'search.html'))).toBe(true);
    expect(existsSync(join(dir, '404.html'))).toBe(true);
    let checked = 0;
    for (const f of html) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/ (?:href|src|action)="([^"]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        expect(href.startsWith('/'), `${relative(dir, f)}: ${href}`).toBe(false);
        if (/^[a-z]+:|^#/.test(href)) continue;
        const target = resolve(dirname(f), decodeURIComponent(href.replace(/[?#].*$/, '')));
        expect(existsSync(target), `${relative(dir, f)} → ${href}`).toBe(true);
        expect(target.startsWith(dir)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // The seed's page climbs four folders to the root.
    const seed = readFileSync(join(dir, 'works', `${SEED_ID}.html`), 'utf8');
    expect(seed).toContain('href="../../../../index.html"');
    expect(seed).toContain('href="../../../../collections/index.html"');
  });

  it('writes every export of the registry beside each work page', () => {
    const formats = exportFormats.filter((f) => f.ext !== '.pdf');
    for (const f of formats) expect(existsSync(join(dir, 'works', `${SEED_ID}${f.ext}`)), f.ext).toBe(true);
    expect(readFileSync(join(dir, 'works', `${SEED_ID}.txt`), 'utf8')).toMatch(/Shahumyan/);
    expect(first.exports).toBeGreaterThanOrEqual(first.works * formats.length);
    const page = readFileSync(join(dir, 'works', `${SEED_ID}.html`), 'utf8');
    expect(page).toContain('href="../../../../works/lenin/1918/05/14-shahumyan.txt"');
  });

  it('writes the sitemap, robots.txt and feed with the static file addresses', () => {
    const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${BASE}/works/${SEED_ID}.html</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}/index.html</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}/collections/lenin/index.html</loc>`);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    const feed = readFileSync(join(dir, 'feed.atom'), 'utf8');
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}/feed.atom"/>`);
    expect(feed).toContain(`<id>${BASE}/works/${SEED_ID}.html</id>`);
  });

  it('rewrites only what changed', async () => {
    const again = await buildSite(archive, { outDir: dir, baseUrl: BASE });
    expect(again.written).toBe(0);
    expect(again.removed).toBe(0);
    expect(again.unchanged).toBe(first.written);
    // One work changes: its page and exports are rewritten, not the other works' pages.
    const seed = (await archive.store.getWork(SEED_ID))!;
    await archive.store.upsertWork({ ...seed, title: `${seed.title} (revised)` });
    const pages = walk(join(dir, 'works')).filter((f) => f.endsWith('.html'));
    const before = new Map(pages.map((f) => [f, statSync(f).mtimeMs]));
    const changed = await buildSite(archive, { outDir: dir, baseUrl: BASE });
    expect(readFileSync(join(dir, 'works', `${SEED_ID}.html`), 'utf8')).toContain('(revised)');
    expect(changed.written).toBeGreaterThan(3);
    expect(changed.written).toBeLessThan(first.written / 4);
    // The pages that name the seed (its neighbours, its correspondence) change with it; the rest stay.
    const touched = pages.filter((f) => statSync(f).mtimeMs !== before.get(f));
    expect(touched.map((f) => relative(dir, f))).toContain(`works/${SEED_ID}.html`);
    expect(touched.length).toBeLessThan(pages.length / 4);
    // A deleted work's files go.
    const gone = (await archive.store.listWorks()).find((w) => w.id !== SEED_ID && !w.id.startsWith('test/ru'))!;
    await archive.store.deleteWork(gone.id);
    const removed = await buildSite(archive, { outDir: dir, baseUrl: BASE });
    expect(removed.removed).toBeGreaterThanOrEqual(1 + exportFormats.filter((f) => f.ext !== '.pdf').length);
    expect(existsSync(join(dir, 'works', `${gone.id}.html`))).toBe(false);
    expect(existsSync(join(dir, 'works', `${gone.id}.txt`))).toBe(false);
  });

  it('searches the written index as the browser does, reading only some of it', async () => {
    const search = staticSearch(dir);
    const ids = (r: { res: { hits: { url: string }[] } }) => r.res.hits.map((h) => h.url.replace(/^works\/|\.html$/g, ''));
    const shaumyan = await search('Шаумян');
    expect(ids(shaumyan)).toContain(SEED_ID);
    // Latin spellings reach Cyrillic text, and the register's spellings the English letter.
    expect(ids(await search('Shaumyan'))).toContain('test/ru/shaumyan-letter');
    expect(ids(await search('Šaumjan'))).toContain(SEED_ID);
    // Phrases in order only; filters; prefixes; negation.
    expect(ids(await search('"learn diplomacy"'))).toContain(SEED_ID);
    expect(ids(await search('"diplomacy learn"'))).not.toContain(SEED_ID);
    expect(ids(await search('diplom* author:lenin'))).toContain(SEED_ID);
    expect(ids(await search('diplomacy -Shahumyan'))).not.toContain(SEED_ID);
    const letters = await search('kind:letter year:1918');
    expect(ids(letters)).toContain(SEED_ID);
    expect(letters.res.facets.find((f) => f.name === 'kind')?.values.map((v) => v.value) ?? []).not.toContain('letter');
    const facets = (await search('diplomacy')).res.facets;
    expect(facets.find((f) => f.name === 'kind')!.values.length).toBeGreaterThan(0);
    // A query reads a part of the index, not all of it.
    const index = walk(join(dir, 'search')).reduce((n, f) => n + statSync(f).size, 0);
    expect(shaumyan.bytes).toBeLessThan(index);
  });

  it('writes the same files when worker threads render the pages', async () => {
    const file = join(dir, '..', `${dir.split('/').pop()}-workers.db`);
    const onDisk = await openArchive(file);
    try {
      await onDisk.store.upsertWorks([seedWork(), ...testWorks(12)]);
      const a = join(dir, '..', `${dir.split('/').pop()}-a`);
      const b = join(dir, '..', `${dir.split('/').pop()}-b`);
      const inThread = await buildSite(onDisk, { outDir: a, workers: 0 });
      const pooled = await buildSite(onDisk, { outDir: b, workers: 2 });
      expect(pooled.pages).toBe(inThread.pages);
      const files = walk(a).map((f) => relative(a, f));
      expect(
        walk(b)
          .map((f) => relative(b, f))
          .sort(),
      ).toEqual(files.sort());
      for (const f of files) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    } finally {
      await onDisk.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  }, 120_000);
});
