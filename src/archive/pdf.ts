// PDF by Chromium's print (playwright-core), of the print documents src/render/print writes. One
// browser per process, started on the first PDF and reused; at most OCTAVO_PDF_JOBS (default 2)
// pages print at once, the others wait their turn (at most OCTAVO_PDF_QUEUE, default 32; past it, 503). playwright-core is loaded only when a PDF is made,
// so commands and servers that never print do not load it. Importing this module sets the printer
// the PDF formats of the registries use (src/render/formats.ts, src/render/book). A browser idle for
// OCTAVO_PDF_IDLE_MS (default 10 s) is closed, so a process that printed can exit without closing it.
import { accessSync, constants } from 'node:fs';
import type { Browser } from 'playwright-core';
import { type PrintDocument, usePrinter } from '../render/print/index.js';

/** Chromium is not installed (or not where OCTAVO_CHROMIUM says), or too many wait: the server answers 503. */
export class PdfUnavailableError extends Error {
  readonly status = 503;
  /** Seconds after which asking again may succeed (a busy printer), else undefined. */
  readonly retryAfter: number | undefined;
  constructor(message: string, retryAfter?: number) {
    super(message);
    this.retryAfter = retryAfter;
  }
}

/** Chromium's flags on these machines (no sandbox as root, no GPU, no /dev/shm, nothing fetched in the background); the browser tests use them too. */
export const CHROMIUM_ARGS = [
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
/** At most this many PDFs wait their turn; past it a request is refused at once instead of queuing. */
const maxWaiting = () => Math.max(0, Number(process.env.OCTAVO_PDF_QUEUE) || 32);
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
    const b = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
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
  if (running >= maxJobs()) {
    if (waiting.length >= maxWaiting())
      throw new PdfUnavailableError(`the PDF printer is busy (${running} printing, ${waiting.length} waiting); try again in a minute`, 60);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
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

/**
 * The page (from 1) each named destination of a Chromium PDF is on: Chromium names one for every
 * element id a link points at, in a /Dests dictionary of [page /XYZ …] arrays, and writes its objects
 * uncompressed. Names it cannot find are left out (the caller then prints without page numbers).
 */
export function namedPages(pdf: Uint8Array, names: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  const ref = (o: string | undefined, key: string) => o?.match(new RegExp(`/${key}\\s+(\\d+) 0 R`))?.[1];
  const pageNumber = new Map<string, number>();
  const walk = (id: string | undefined, depth: number) => {
    const o = id === undefined ? undefined : objects.get(id);
    if (!o || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(o)) {
      for (const k of o.match(/\/Kids\s*\[([^\]]*)\]/)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) walk(k[1], depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(o)) pageNumber.set(id!, pageNumber.size + 1);
  };
  walk(ref(catalog, 'Pages'), 0);
  const dests = objects.get(ref(catalog, 'Dests') ?? '');
  if (!dests) return out;
  for (const name of names) {
    const escaped = name.replace(/[^A-Za-z0-9_.-]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    const page = dests.match(new RegExp(`/${escaped.replace(/[.]/g, '\\.')}\\s*\\[\\s*(\\d+) 0 R`))?.[1];
    const n = page === undefined ? undefined : pageNumber.get(page);
    if (n !== undefined) out.set(name, n);
  }
  return out;
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
      const print = async (html: string) => {
        await page.setContent(html, { waitUntil: 'load' });
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
      };
      const first = await print(doc.html);
      if (!doc.paged) return first;
      // The contents page's numbers: where the first printing put each chapter, then printed again.
      const pages = namedPages(first, doc.paged.ids);
      return pages.size === doc.paged.ids.length ? await print(doc.paged.html(pages)) : first;
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
