// The static site in a real browser (Debian chromium through playwright-core), opened from file://
// with no server: the header's search box leads to search.html, which finds the seed letter for
// `Шаумян` (the register's spelling of Shahumyan; the letter is in English) by loading index pieces
// as scripts; the result opens the letter, a note marker jumps to its note and Back returns.
// Screenshots in test-output/screenshots/site/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/open.js';
import { testWorks } from '../../src/search/test-support.js';
import { buildSite } from '../../src/site/build.js';
import { SEED_ID, seedWork } from '../support/seed.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots', 'site');
let browser: Browser;
let dir: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'octavo-site-browser-'));
  const archive = await openArchive(':memory:');
  await archive.store.upsertWorks([seedWork(), ...testWorks(60)]);
  await buildSite(archive, { outDir: dir });
  await archive.close();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the static site from file://', () => {
  it('searches Шаумян, opens the letter, follows a note and comes back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const box = page.locator('header input[type="search"]');
    await box.fill('Шаумян');
    await box.press('Enter');
    await page.waitForURL(/search\.html\?q=/);
    const first = page.locator('.static-search .result-title a').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await page.locator('.static-search .search-status').textContent()).toMatch(/match/);
    const hrefs = await page.locator('.static-search .result-title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => h.endsWith(`works/${SEED_ID}.html`))).toBe(true);
    // Facets of the results, with counts.
    expect(await page.locator('.static-search .facet h3').allTextContents()).toContain('Kind');
    await page.screenshot({ path: join(SHOTS, 'search-shaumyan.png'), fullPage: true });

    await page
      .locator(`.static-search .result-title a[href$="${SEED_ID.split('/').pop()}.html"]`)
      .first()
      .click();
    await page.waitForURL(new RegExp(`${SEED_ID}\\.html$`));
    expect(await page.locator('h1').first().textContent()).toMatch(/Shahumyan/);
    await page.locator('sup.noteref a').first().click();
    await page.waitForFunction(() => location.hash === '#note-1');
    await page.goBack();
    await page.waitForFunction(() => location.hash === '');
    expect(page.url()).toMatch(new RegExp(`${SEED_ID}\\.html$`));
    // Every relative link of the page leads to a file that exists.
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const local = [...new Set(links.filter((h) => h.startsWith('file:')).map((h) => h.replace(/#.*$/, '').replace(/\?.*$/, '')))];
    const { existsSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    for (const h of local) expect(existsSync(fileURLToPath(h)), h).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'letter.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps the query language: a phrase, a filter with its facet, a transliterated word', async () => {
    const page = await browser.newPage();
    const search = async (q: string) => {
      await page.goto(`${pathToFileURL(join(dir, 'search.html')).href}?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /match/.test(document.querySelector('.search-status')?.textContent ?? ''));
      return page.locator('.static-search .result-title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    };
    expect((await search('"learn diplomacy"')).some((h) => h.endsWith(`${SEED_ID}.html`))).toBe(true);
    expect((await search('"diplomacy learn"')).some((h) => h.endsWith(`${SEED_ID}.html`))).toBe(false);
    expect((await search('Shaumyan kind:letter')).some((h) => h.endsWith(`${SEED_ID}.html`))).toBe(true);
    expect((await search('diplomacy kind:article')).some((h) => h.endsWith(`${SEED_ID}.html`))).toBe(false);
    expect((await search('Баку year:1918')).some((h) => h.endsWith(`${SEED_ID}.html`))).toBe(true);
    await page.close();
  }, 60_000);
});
