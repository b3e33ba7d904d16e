// PDF by Chromium's print (playwright-core), of the print documents src/render/print writes. One
// browser per process, started on the first PDF and reused; at most OCTAVO_PDF_JOBS (default 2)
// pages print at once, the others wait their turn. playwright-core is loaded only when a PDF is made,
// so commands and servers that never print do not load it. Importing this module sets the printer
// the PDF formats of the registries use (src/render/formats.ts, src/render/book). A browser idle for
// OCTAVO_PDF_IDLE_MS (default 10 s) is closed, so a process that printed can exit without closing it.
import { accessSync, constants } from 'node:fs';
import type { Browser } from 'playwright-core';
import { type PrintDocument, usePrinter } from '../render/print/index.js';

/** Chromium is not installed (or not where OCTAVO_CHROMIUM says): the server answers 503. */
export class PdfUnavailableError extends Error {
  readonly status = 503;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const chromiumPath = () => process.env.OCTAVO_CHROMIUM || '/usr/bin/chromium';
const maxJobs = () => Math.max(1, Number(process.env.OCTAVO_PDF_JOBS) || 2);
/** An idle browser is closed after this long (a command that printed can then exit; a server starts it again). */
const idleMs = () => Math.max(0, Number(process.env.OCTAVO_PDF_IDLE_MS) || 10_000);
let idle: NodeJS.Timeout | undefined;

let browser: Promise<Browser> | undefined;
let running = 0;
let peak = 0;
const waiting: (() => void)[] = [];

/** PDFs printing now, the most printed at once so far in this process, and whether a browser is open. */
export const pdfJobs = () => ({ running, waiting: waiting.length, peak, browser: browser !== undefined });

async function launch(): Promise<Browser> {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new PdfUnavailableError(
      `PDF export needs Chromium, and there is none at ${path} (install Debian's chromium package, or set OCTAVO_CHROMIUM to its path)`,
    );
  }
  const { chromium } = await import('playwright-core');
  try {
    const b = await chromium.launch({ executablePath: path, args: ARGS });
    b.on('disconnected', () => {
      browser = undefined;
    });
    return b;
  } catch (err) {
    throw new PdfUnavailableError(`PDF export could not start Chromium at ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
}

function theBrowser(): Promise<Browser> {
  if (!browser) {
    browser = launch();
    browser.catch(() => {
      browser = undefined;
    });
  }
  return browser;
}

async function turn<T>(job: () => Promise<T>): Promise<T> {
  if (running >= maxJobs()) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  peak = Math.max(peak, running);
  clearTimeout(idle);
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
    if (running === 0 && waiting.length === 0) {
      idle = setTimeout(() => void closePdfBrowser(), idleMs());
      idle.unref();
    }
  }
}

/** The PDF of a print document: A4, running head and page numbers, an outline from the headings. */
export function printToPdf(doc: PrintDocument): Promise<Uint8Array<ArrayBuffer>> {
  return turn(async () => {
    const b = await theBrowser();
    // A context of its own per job, without scripts: the document prints what it holds and fetches nothing.
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await page.setContent(doc.html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: doc.headerTemplate,
        footerTemplate: doc.footerTemplate,
        margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof PdfUnavailableError) throw err;
      throw new Error(`the PDF of ${doc.what} could not be printed: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/** Closes the shared browser (the CLI, when it has printed; tests). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  const b = browser;
  browser = undefined;
  if (b) await (await b.catch(() => undefined))?.close();
}

usePrinter(printToPdf);
