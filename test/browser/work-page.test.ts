// The work page in a real browser (Debian chromium through playwright-core): note links both
// ways, the pop-up enhancement, no console errors (CSP violations included), and screenshots at
// desktop and phone widths in test-output/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../src/web/serve.js';
import { memoryArchive, workVariant } from '../support/works.js';
import { SEED_ID, seedWork } from '../support/seed.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const seed = seedWork();
  const vol = seed.collections[0]!;
  const near = (id: string, title: string, day: string, position: number) =>
    workVariant(seed, { id, title, day, collection: vol.path, titles: vol.titles ?? [], position });
  const store = await memoryArchive([
    seed,
    near('lenin/1918/05/13-tsyurupa', 'To A. D. Tsyurupa', '1918-05-13', (vol.position ?? 0) - 1),
    near('lenin/1918/05/15-kamenev', 'To L. B. Kamenev', '1918-05-15', (vol.position ?? 0) + 1),
  ]);
  server = await serve(store, { port: 0 });
  // chromium.launch starts from a fresh temporary profile (user data dir) every time.
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records console errors and uncaught exceptions. */
async function open(o: BrowserContextOptions, path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(o);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return { page, errors };
}

const inView = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
  });

describe('work page in chromium', () => {
  it('follows note marker 1 to its note and the back-link to the marker', async () => {
    const { page, errors } = await open(DESKTOP, `/works/${SEED_ID}`);
    await page.screenshot({ path: join(SHOTS, 'work-desktop.png'), fullPage: true });

    const marker = page.locator('sup.noteref a', { hasText: '1' });
    const markerId = await marker.getAttribute('id');
    const href = await marker.getAttribute('href');
    expect(await marker.evaluate((a) => a.closest('p')!.textContent)).toMatch(/learn diplomacy\.1$/);
    await marker.click();
    await page.waitForFunction((h) => location.hash === h, href);
    expect(new URL(page.url()).hash).toBe(href);
    expect(await inView(page, href!)).toBe(true);
    expect(await page.$eval(href!, (el) => el.textContent)).toContain('Mussavatists');
    expect(await page.$eval(href!, (el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)'); // :target highlight
    await page.screenshot({ path: join(SHOTS, 'work-desktop-note.png') });

    await page.locator(`${href} a.backref`).click();
    await page.waitForFunction((h) => location.hash === h, `#${markerId}`);
    expect(new URL(page.url()).hash).toBe(`#${markerId}`);
    expect(await inView(page, `#${markerId}`)).toBe(true);

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pops the note up on hover and on focus', async () => {
    const { page, errors } = await open(DESKTOP, `/works/${SEED_ID}`);
    const marker = page.locator('sup.noteref a').first();
    await marker.hover();
    const popup = page.locator('.note-popup');
    await popup.waitFor({ state: 'visible' });
    expect(await popup.textContent()).toContain('Mussavatists');
    expect(await popup.locator('.backref').count()).toBe(0);
    expect(await marker.getAttribute('aria-describedby')).toBe('note-popup');
    await page.screenshot({ path: join(SHOTS, 'work-desktop-popup.png') });
    await page.mouse.move(5, 5);
    await popup.waitFor({ state: 'hidden' });
    await marker.focus();
    await popup.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors } = await open(PHONE, `/works/${SEED_ID}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const fontSize = await page.$eval('.work-body p', (p) => parseFloat(getComputedStyle(p).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(17);
    await page.screenshot({ path: join(SHOTS, 'work-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('works without JavaScript and in dark mode', async () => {
    const { page, errors } = await open({ ...DESKTOP, javaScriptEnabled: false, colorScheme: 'dark' }, `/works/${SEED_ID}`);
    await page.locator('sup.noteref a').first().click();
    await page.waitForFunction(() => location.hash === '#note-1');
    expect(await inView(page, '#note-1')).toBe(true);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(251, 248, 241)'); // the light background
    await page.goto(`${server.url}/works/${SEED_ID}`);
    await page.screenshot({ path: join(SHOTS, 'work-desktop-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('renders the home, collection and author pages', async () => {
    for (const [path, name] of [
      ['/', 'home'],
      ['/collections/lenin/collected-works/volume-35', 'collection'],
      ['/authors/lenin', 'author'],
    ] as const) {
      const { page, errors } = await open(DESKTOP, path);
      await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
      expect(errors, path).toEqual([]);
      await page.context().close();
    }
    const { page } = await open(PHONE, '/');
    await page.screenshot({ path: join(SHOTS, 'home-phone.png'), fullPage: true });
    await page.context().close();
  });
});
