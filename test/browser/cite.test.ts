// "Cite this" in chromium: it opens without JavaScript, axe finds no serious or critical violation
// with it open (light and dark), the Copy button puts the entry on the clipboard, and a screenshot
// goes to test-output/screenshots/publish/cite.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { serve, type RunningServer } from '../../src/web/serve.js';
import { axeViolations, describeViolations, severe } from '../support/axe.js';
import { SEED_ID, seedWork } from '../support/seed.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots', 'publish');
let browser: Browser;
let archive: Archive;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  archive = await openArchive(':memory:');
  await archive.store.upsertWork(seedWork());
  server = await serve(archive, { port: 0, baseUrl: 'https://archive.example.org' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await archive?.close();
});

describe('Cite this in chromium', () => {
  it('opens without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/works/${SEED_ID}`);
    await expect(page.locator('#cite-mla').isVisible()).resolves.toBe(false);
    await page.locator('#cite summary').click();
    await expect(page.locator('#cite-mla').isVisible()).resolves.toBe(true);
    expect(await page.locator('#cite-mla').innerText()).toContain('vol. 35, Progress Publishers, 1976, p. 332');
    expect(await page.locator('.cite-copy').count()).toBe(0);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`has no serious or critical axe violation when open (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1000, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${server.url}/works/${SEED_ID}`, { waitUntil: 'load' });
      await page.locator('#cite summary').click();
      const found = await axeViolations(page);
      const minor = found.filter((v) => !severe([v]).length);
      if (minor.length) console.log(`axe, Cite this (${scheme}), moderate and minor:\n${describeViolations(minor)}`);
      expect(describeViolations(severe(found))).toBe('');
      // The Copy button (octavo.js) copies the entry as text.
      await page.getByRole('button', { name: 'Copy the APA citation' }).click();
      await expect.poll(() => page.locator('#cite-apa + .cite-copy').getAttribute('aria-label')).toBe('Copied the APA citation');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('Lenin, V. I. (1976). To S. G. Shahumyan');
      expect(copied).not.toContain('<i>');
      if (scheme === 'light') {
        const cite = page.locator('#cite');
        await cite.scrollIntoViewIfNeeded();
        await cite.screenshot({ path: join(SHOTS, 'cite.png') });
      } else await page.locator('#cite').screenshot({ path: join(SHOTS, 'cite-dark.png') });
      expect(errors).toEqual([]);
      await context.close();
    });
});
