// Debian's Chromium for the browser tests, headless, with the flags the PDF printer uses
// (src/archive/pdf.ts).
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/archive/pdf.js';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', ...CHROMIUM_ARGS] });
