// Every page type in a real browser (Debian chromium through playwright-core): axe-core finds no
// serious or critical violation in the light and the dark colour scheme, and nothing scrolls
// sideways on a phone. Screenshots at phone and desktop widths in test-output/screenshots/pages/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, importPaths } from '../../src/archive/import.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { testWorks } from '../../src/search/test-support.js';
import { serve, type RunningServer } from '../../src/web/serve.js';
import { axeViolations, describeViolations, severe } from '../support/axe.js';
import { CORPUS, SEED_ID, seedWork } from '../support/seed.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots', 'pages');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** One page of each type: name, path, expected status. */
const PAGES = [
  ['home', '/', 200],
  ['work', `/works/${SEED_ID}`, 200],
  ['collections', '/collections', 200],
  ['collection', '/collections/lenin/collected-works/volume-35', 200],
  ['authors', '/authors', 200],
  ['author', '/authors/lenin', 200],
  ['search-results', '/search?q=diplomacy', 200],
  ['search-empty', '/search', 200],
  ['history', `/works/${SEED_ID}/history`, 200],
  // A book: its contents page (title page, nested parts, held and not-held entries) and a long chapter
  // with its own contents list and inherited header.
  ['book', '/collections/marx/1867-c1', 200],
  ['chapter', '/works/marx/1867-c1/ch01', 200],
  ['not-found', '/works/no/such/work', 404],
] as const;

let browser: Browser;
let archive: Archive;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  archive = await openArchive(':memory:');
  await archive.store.upsertWorks(testWorks(120));
  const capital = await collectFiles([join(CORPUS, 'mia-html', 'marx', 'works', '1867-c1')]);
  const imported = await importPaths(archive.store, capital, { register: loadDefaultRegister() });
  expect(imported.failed).toBe(0);
  // A second revision of the seed, so its history page has a diff to show.
  const seed = seedWork();
  await archive.store.upsertWork({ ...seed, title: `${seed.title} (revised)` });
  server = await serve(archive, { port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await archive?.close();
});

/** A full-page screenshot, or the first screens of a page too long to be worth a picture of it all. */
async function shot(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()!.width;
  await page.screenshot({
    path: join(SHOTS, file),
    fullPage: true,
    ...(height > 6000 ? { clip: { x: 0, y: 0, width, height: 6000 } } : {}),
  });
}

async function open(o: BrowserContextOptions, path: string, status: number): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext(o)).newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !(status !== 200 && /status of \d+/.test(m.text()))) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(status);
  return { page, errors };
}

describe('every page type in chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s has no serious or critical axe violation (${scheme})`, async (name, path, status) => {
      const { page, errors } = await open({ ...DESKTOP, colorScheme: scheme }, path, status);
      await shot(page, `${name}-desktop${scheme === 'dark' ? '-dark' : ''}.png`);
      const found = await axeViolations(page);
      const minor = found.filter((v) => !severe([v]).length);
      if (minor.length) console.log(`axe, ${name} (${scheme}), moderate and minor:\n${describeViolations(minor)}`);
      expect(describeViolations(severe(found)), `${name} (${scheme})`).toBe('');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it.each(PAGES)('%s fits a phone screen without sideways scrolling', async (name, path, status) => {
    const { page, errors } = await open(PHONE, path, status);
    // A phone browser zooms out to show a page that is too wide, which widens innerWidth too: so the
    // width must also stay the phone's. Then again with every <details> open (help, facets, expansions).
    const fits = async (what: string) => {
      const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(w.scroll, what).toBeLessThanOrEqual(w.inner);
      expect(w.inner, what).toBe(PHONE.viewport!.width);
    };
    await fits(name);
    await shot(page, `${name}-phone.png`);
    await page.evaluate(async () => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      await new Promise(requestAnimationFrame);
    });
    await fits(`${name}, every <details> open`);
    // The dark scheme at phone width too, and axe on it (the small-screen styles have their own rules).
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(describeViolations(severe(await axeViolations(page))), `${name} (phone, dark)`).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
