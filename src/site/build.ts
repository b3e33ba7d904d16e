// `octavo build <outdir>`: the whole archive as static files. Every page is rendered by the web app
// itself (app.request, no port), so the static site and the server share one set of templates; the
// build then makes its links relative (src/site/links.ts). Beside each work page, every export the
// registry has (src/render/formats.ts; formats that need a browser only with `withPdf`); beside each
// book, its book exports; the assets; sitemap.xml, robots.txt, feed.atom, cmif.xml; the client-side
// search (search.html and search/). Only files whose bytes changed are rewritten (src/site/output.ts).
import { availableParallelism } from 'node:os';
import type { Archive } from '../archive/open.js';
import { bookOf, resolvedWork } from '../archive/books.js';
import { siteInfo } from '../archive/site-info.js';
import { bookFormats } from '../render/book/index.js';
import { exportFormats, type ExportFormat } from '../render/formats.js';
import { siteAssets } from '../render/html/assets.js';
import { authorHref, collectionHref, workHref } from '../render/html/href.js';
import { createApp } from '../web/app.js';
import { atomFeed, robotsTxt, sitemapEntries, sitemapFiles } from '../web/routes/discovery.js';
import { relativeLinks, type SiteFiles } from './links.js';
import { cachingStore } from './cache.js';
import { Output, type OutputStats } from './output.js';
import { renderPool } from './render-pool.js';
import { searchPage, staticSearchAssets } from './search-page.js';
import { StaticIndex } from './search-index.js';

export interface BuildOptions {
  outDir: string;
  /** Public address of the static site (absolute links in sitemap.xml and feed.atom); default $OCTAVO_BASE_URL. */
  baseUrl?: string;
  /** Where addresses the static site lacks (a record's history) lead; without it they are not links. */
  liveUrl?: string;
  /** Also write the formats that need a browser to render (PDF). */
  withPdf?: boolean;
  /**
   * Worker threads rendering pages (each with its own connection to the archive); 0 renders in this
   * thread. Default: one less than the cores (at most 4) on a machine with 4 cores or more, for an archive
   * in a file or PostgreSQL of at least 200 works; none on fewer cores.
   */
  workers?: number;
  /** Called after each page with the pages done and the pages in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary extends OutputStats {
  works: number;
  collections: number;
  authors: number;
  /** HTML pages rendered. */
  pages: number;
  /** Export files beside the pages. */
  exports: number;
  /** Bytes of the search index (search/). */
  indexBytes: number;
  seconds: number;
  /** Formats of the registry left out (they need a browser). */
  skippedFormats: string[];
  /** Seconds spent on work pages, on each export format and on the search index. */
  timings: Record<string, number>;
}

/** Formats that are made by printing a page in a browser (PDF): left out unless asked for. */
/** Pages sent for rendering at once. */
const BATCH = 64;

const needsBrowser = (f: { ext: string; name: string; browser?: boolean }) => f.browser === true || f.ext === '.pdf';

export async function buildSite(
  archive: Pick<Archive, 'location' | 'store' | 'search' | 'register'>,
  o: BuildOptions,
): Promise<BuildSummary> {
  const t0 = performance.now();
  // One cache of the store's answers for the whole build (src/site/cache.ts).
  const store = cachingStore(archive.store);
  const site = siteInfo(o.baseUrl);
  const app = createApp(
    { store, search: archive.search, register: archive.register },
    { baseUrl: o.liveUrl ?? site.baseUrl, log: () => {} },
  );
  const out = new Output(o.outDir);
  const formats = exportFormats.filter((f) => o.withPdf || !needsBrowser(f));
  const books = bookFormats.filter((f) => o.withPdf || !needsBrowser(f));
  const skippedFormats = [...new Set([...exportFormats, ...bookFormats].filter((f) => !o.withPdf && needsBrowser(f)).map((f) => f.name))];

  // What the site will hold, so that every link can be told a page from an address it lacks.
  const entries = await sitemapEntries(store);
  const works = new Set<string>();
  const collections = new Set<string>();
  for (const e of entries) {
    if (e.path.startsWith('/works/')) works.add(decodeURIComponent(e.path.slice(7)));
    else if (e.path.startsWith('/collections/')) collections.add(decodeURIComponent(e.path.slice(13)));
  }
  const authors = new Set<string>();
  const collectionTitles = new Map<string, string>();
  for (const c of await store.listCollections()) if (c.title) collectionTitles.set(c.path.join('/'), c.title);
  const bookPaths = new Set((await store.listCollections()).filter((c) => (c.entries ?? 0) > 0).map((c) => c.path.join('/')));
  for (let offset = 0; ; offset += 5000) {
    const page = await store.listWorks({ order: 'title', limit: 5000, offset });
    for (const w of page) for (const p of [...w.authors, ...w.recipients]) authors.add(p.id);
    if (page.length < 5000) break;
  }
  const assets = Object.values(siteAssets());
  const client = await staticSearchAssets();
  const files = new Set<string>([
    'sitemap.xml',
    'robots.txt',
    'feed.atom',
    'cmif.xml',
    ...assets.map((a) => `assets/${a.name}`),
    ...client.map((a) => `assets/${a.name}`),
  ]);
  const map: SiteFiles = {
    works,
    collections,
    authors,
    files,
    workExts: formats.map((f) => f.ext),
    bookExts: books.map((f) => f.ext),
    books: bookPaths,
  };

  const live = o.liveUrl?.replace(/\/+$/, '');
  const inMemory = archive.location === ':memory:' || archive.location === '';
  // Workers pay for themselves only with cores to spare: each opens the archive, warms its own caches.
  const cores = availableParallelism();
  const workerCount = inMemory ? 0 : (o.workers ?? (works.size >= 200 && cores >= 4 ? Math.min(4, cores - 1) : 0));
  const pool = workerCount > 0 ? await renderPool(archive.location, o.liveUrl ?? site.baseUrl, workerCount) : undefined;
  const render = async (path: string) => {
    if (pool) return pool.render(path);
    const res = await app.request(path);
    return { status: res.status, body: await res.text() };
  };
  const write = (path: string, file: string, r: { status: number; body: string }, status = 200) => {
    if (r.status !== status) throw new Error(`${path}: the app answered ${r.status} (expected ${status})`);
    out.write(file, relativeLinks(r.body, file, map, live));
  };
  const page = async (path: string, file: string, status = 200) => write(path, file, await render(path), status);
  /** Pages rendered a batch at a time (in the workers, while this thread does `alongside`). */
  const pages = async <T>(items: T[], at: (x: T) => [path: string, file: string], alongside?: (x: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      const started = batch.map((x) => render(at(x)[0]));
      // A failure is reported when its page is written, not as an unhandled rejection meanwhile.
      for (const p of started) p.catch(() => {});
      if (alongside) for (const x of batch) await alongside(x);
      for (const [k, x] of batch.entries()) {
        const [path, file] = at(x);
        write(path, file, await started[k]!);
        tick();
      }
    }
  };

  const index = new StaticIndex(archive.register, collectionTitles);
  const timings: Record<string, number> = {};
  const timed = async <T>(what: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    timings[what] = (timings[what] ?? 0) + (performance.now() - t) / 1000;
    return r;
  };
  const total = 4 + collections.size + authors.size + works.size;
  let done = 0;
  const tick = () => {
    done++;
    o.onProgress?.(done, total);
  };
  let exports = 0;

  try {
    await page('/', 'index.html');
    tick();
    await page('/collections', 'collections/index.html');
    tick();
    await page('/authors', 'authors/index.html');
    tick();
    await page('/no-such-page', '404.html', 404);
    await pages(
      [...collections],
      (path) => [collectionHref(path.split('/')), `collections/${path}/index.html`],
      async (path) => {
        if (!bookPaths.has(path) || !books.length) return;
        const book = await bookOf(store, path.split('/'));
        if (book)
          for (const f of books) {
            out.write(`collections/${path}${f.ext}`, await f.render(book));
            exports++;
          }
      },
    );
    await pages([...authors], (id) => [authorHref(id), `authors/${id}.html`]);
    await pages(
      [...works].sort(),
      (id) => [workHref(id), `works/${id}.html`],
      async (id) => {
        const stored = await store.getWork(id);
        if (!stored) return;
        const work = await resolvedWork(store, stored);
        for (const f of formats) {
          const body = await timed(f.name, () => (f as ExportFormat).render(work) as string | Uint8Array | Promise<string | Uint8Array>);
          out.write(`works/${id}${f.ext}`, body);
          exports++;
        }
        await timed('search index', () => index.add(stored, `works/${id}.html`));
      },
    );
  } finally {
    await pool?.close();
  }

  // The search: its page (the same shell as every page) and its index.
  const searchHtml = searchPage();
  out.write('search.html', relativeLinks(searchHtml, 'search.html', map, live));
  const before = out.stats.bytes;
  await timed('search index', () => index.write(out));
  const indexBytes = out.stats.bytes - before;

  for (const a of assets) out.write(`assets/${a.name}`, a.body);
  for (const a of client) out.write(`assets/${a.name}`, a.body);

  const abs = (path: string) => `${site.baseUrl}/${path}`;
  const loc = (path: string) => {
    const p = path === '/' ? 'index.html' : path === '/collections' || path === '/authors' ? `${path.slice(1)}/index.html` : '';
    if (p) return abs(p);
    if (path.startsWith('/collections/')) return abs(`${path.slice(1)}/index.html`);
    return abs(`${path.slice(1)}.html`);
  };
  for (const [name, xml] of sitemapFiles(entries, loc, abs)) out.write(name, xml);
  out.write('robots.txt', robotsTxt(abs('sitemap.xml')));
  out.write('feed.atom', await atomFeed(store, site, loc, abs('feed.atom')));
  const cmif = await app.request('/cmif.xml');
  if (cmif.ok) out.write('cmif.xml', await cmif.text());
  out.finish();

  return {
    ...out.stats,
    works: works.size,
    collections: collections.size,
    authors: authors.size,
    pages: done + 2, // with 404.html and search.html
    exports,
    indexBytes,
    seconds: (performance.now() - t0) / 1000,
    skippedFormats,
    timings,
  };
}
