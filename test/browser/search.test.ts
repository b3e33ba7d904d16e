// The search page in a real browser (Debian chromium through playwright-core): type a query and see
// instant results, refine by a facet, open a result; the same without JavaScript. No console errors
// (CSP violations included). Screenshots in test-output/screenshots/search-*.png.
import { serve as nodeServe } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorks } from '../../src/search/test-support.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { createApp } from '../../src/web/app.js';
import { searchRoutes } from '../../src/web/routes/search.js';
import { SEED_ID } from '../support/seed.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;
let store: Archive;
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  store = await openArchive(':memory:');
  await store.store.upsertWorks(testWorks(120));
  // The reading app with the search sub-app mounted, as the lead mounts it.
  const app = createApp(store);
  app.route('/', searchRoutes(store.search));
  base = await new Promise<string>((resolve) => {
    server = nodeServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    ) as Server;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => {
    if (!server) return done();
    server.close(() => done());
    server.closeAllConnections?.();
  });
  await store?.close();
});

async function open(o: BrowserContextOptions, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext(o)).newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return { page, errors };
}

describe('search page in chromium', () => {
  it('types a query, refines by a facet and opens a result', async () => {
    const { page, errors } = await open(DESKTOP, '/search');
    expect(await page.locator('details.search-help').getAttribute('open')).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, 'search-empty.png'), fullPage: true });

    // Instant results: no submit, the results arrive as the words are typed.
    await page.locator('#q').pressSequentially('diplomacy', { delay: 40 });
    await page.waitForSelector('#search-results li.result');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'diplomacy');
    const total = await page.locator('.search-summary').innerText();
    expect(total).toMatch(/^\d+ works/);
    const marked = await page.locator('#search-results li.result mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(m.toLowerCase()).toMatch(/^diploma(cy|cies)$/);
    await page.screenshot({ path: join(SHOTS, 'search-results.png'), fullPage: true });

    // Refine by the Kind facet's first value; its count becomes the total.
    const value = page.locator('.facet-kind li').first();
    const label = await value.locator('.facet-label').innerText();
    const count = Number((await value.locator('.facet-count').innerText()).replace(/,/g, ''));
    await value.locator('a').click();
    await page.waitForFunction(() => /kind:/.test(new URL(location.href).searchParams.get('q') ?? ''));
    await page.waitForSelector('.facet-kind li.selected');
    expect(await page.locator('#q').inputValue()).toMatch(/^diplomacy kind:\w+$/);
    expect(await page.locator('.facet-kind li.selected .facet-label').innerText()).toBe(label);
    expect(await page.locator('.search-summary').innerText()).toMatch(new RegExp(`^${count} works?`));
    await page.screenshot({ path: join(SHOTS, 'search-refined.png') });

    // Back in history returns to the unrefined results.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'diplomacy');
    await page.waitForFunction((t) => document.querySelector('.search-summary')?.textContent === t, total);

    // Open the first result.
    const first = page.locator('li.result h2 a').first();
    const target = await first.getAttribute('href');
    await Promise.all([page.waitForURL(`${base}${target}`), first.click()]);
    expect(await page.locator('h1').first().innerText()).not.toBe('');
    await page.screenshot({ path: join(SHOTS, 'search-opened-result.png') });
    expect(errors).toEqual([]);
  });

  it('works without JavaScript: the form submits, facets are links', async () => {
    const { page, errors } = await open({ ...DESKTOP, javaScriptEnabled: false }, '/search');
    await page.locator('#q').fill('Shaumyan year:1918');
    await Promise.all([page.waitForURL(/\/search\?q=Shaumyan\+year%3A1918/), page.locator('.search-form button').click()]);
    expect(await page.locator('li.result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain(`/works/${SEED_ID}`);
    const seed = page.locator('li.result', { has: page.locator(`a[href="/works/${SEED_ID}"]`) });
    expect(await seed.locator('.result-title mark').allInnerTexts()).toEqual(['Shahumyan']);
    await page.screenshot({ path: join(SHOTS, 'search-nojs.png'), fullPage: true });
    await Promise.all([page.waitForURL(/recipient%3A/), page.locator('.facet-recipient li a').first().click()]);
    expect(await page.locator('.facet-recipient li.selected').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows a malformed query’s message in place of results', async () => {
    const { page } = await open(DESKTOP, '/search?q=Shahumyan');
    await page.locator('#q').fill('date:1918..oops');
    await page.waitForSelector('.search-error');
    expect(await page.locator('.search-error').innerText()).toContain('"oops" is not a date.');
    await page.screenshot({ path: join(SHOTS, 'search-error.png') });
  });

  const top = (page: Page, selector: string) => page.$eval(selector, (el) => el.getBoundingClientRect().top);
  const panelOpen = (page: Page) => page.$eval('details.facets-panel', (d) => (d as HTMLDetailsElement).open);

  it('puts the results first on a phone, the facets folded under them; with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const suffix = javaScriptEnabled ? '' : '-nojs';
      const { page, errors } = await open({ ...PHONE, javaScriptEnabled }, '/search?q=diplomacy');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await top(page, '.results')).toBeLessThan(await top(page, '.facets'));
      expect(await panelOpen(page)).toBe(false);
      expect(await page.locator('.facet-kind li a').first().isVisible()).toBe(false);
      await page.screenshot({ path: join(SHOTS, `search-phone${suffix}.png`), fullPage: true });

      await page.locator('.facets-panel > summary').click();
      const value = page.locator('.facet-kind li a').first();
      await value.waitFor({ state: 'visible' });
      await page.screenshot({ path: join(SHOTS, `search-phone-refine${suffix}.png`), fullPage: true });
      if (javaScriptEnabled) {
        // A facet value swaps the results in: the panel stays as the reader left it, the results come into view.
        await value.click();
        await page.waitForSelector('.facet-kind li.selected');
        expect(await panelOpen(page)).toBe(true);
        expect(await page.locator('.facets-panel > summary').innerText()).toMatch(/1 selected/);
        await page.waitForFunction(() => Math.abs(document.getElementById('search-results')!.getBoundingClientRect().top) < 2);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('shows the facets open beside the results on a wide screen; with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, errors } = await open({ ...DESKTOP, javaScriptEnabled }, '/search?q=diplomacy');
      expect(await page.locator('.facet-kind li a').first().isVisible()).toBe(true);
      expect(await page.locator('.facets-panel > summary').isVisible()).toBe(false);
      const [results, facets] = await Promise.all(
        ['.search-main', '.facets'].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().toJSON() as DOMRect)),
      );
      expect(facets!.left).toBeGreaterThanOrEqual(results!.right);
      expect(Math.abs(facets!.top - results!.top)).toBeLessThan(2);
      expect(results!.width).toBeGreaterThan(600);
      if (javaScriptEnabled) expect(await panelOpen(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
