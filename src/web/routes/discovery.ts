// /sitemap.xml (a sitemap index with /sitemap-<n>.xml parts past 50,000 addresses), /robots.txt and
// /feed.atom (the latest additions). The documents are built by functions over the store and an
// address mapper, so the static build (src/site/) writes the same XML with its own file names.
import { Hono } from 'hono';
import type { SiteInfo } from '../../archive/site-info.js';
import { collectionHref, workHref } from '../../render/html/href.js';
import { escapeAttr, escapeText, XML_DECLARATION } from '../../render/xml.js';
import type { WorkSummary } from '../../model/summary.js';
import type { Store } from '../../store/store.js';
import { notFound } from '../errors.js';

/** The sitemap protocol's limit of addresses per file. */
export const SITEMAP_MAX_URLS = 50_000;
const FEED_ENTRIES = 50;
const PAGE = 5000;

export interface SitemapEntry {
  /** Site path, e.g. "/works/lenin/1918/05/14-shahumyan". */
  path: string;
  lastmod?: string;
}

/** Every work in id order, read a page at a time. */
async function* allWorks(store: Store): AsyncGenerator<WorkSummary> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listWorks({ order: 'title', limit: PAGE, offset });
    yield* page;
    if (page.length < PAGE) return;
  }
}

const later = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);

/**
 * The pages a sitemap lists: home, the indexes, every work and every collection (with the collections
 * above it), each work's lastmod its record's time and a collection's the latest of the works under it.
 */
export async function sitemapEntries(store: Store): Promise<SitemapEntry[]> {
  const works: SitemapEntry[] = [];
  const collections = new Map<string, { path: string[]; lastmod?: string }>();
  const addCollection = (path: string[], lastmod?: string) => {
    for (let n = 1; n <= path.length; n++) {
      const key = path.slice(0, n).join('/');
      const c = collections.get(key) ?? { path: path.slice(0, n) };
      if (lastmod) c.lastmod = later(c.lastmod, lastmod);
      collections.set(key, c);
    }
  };
  let newest: string | undefined;
  for await (const w of allWorks(store)) {
    works.push({ path: workHref(w.id), lastmod: w.updatedAt });
    newest = later(newest, w.updatedAt);
    for (const c of w.collections) addCollection(c.path, w.updatedAt);
  }
  for (const c of await store.listCollections()) addCollection(c.path);
  const top = (path: string): SitemapEntry => ({ path, ...(newest ? { lastmod: newest } : {}) });
  return [
    top('/'),
    top('/collections'),
    top('/authors'),
    ...[...collections.values()]
      .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')))
      .map((c) => ({ path: collectionHref(c.path), ...(c.lastmod ? { lastmod: c.lastmod } : {}) })),
    ...works,
  ];
}

/** W3C datetime as the sitemap protocol and Atom want it: the stored ISO time, or a date alone. */
const w3c = (t: string) => (/^\d{4}-\d{2}-\d{2}T/.test(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z') : t);

/** One urlset document. */
export function urlset(entries: SitemapEntry[], loc: (path: string) => string): string {
  const urls = entries.map(
    (e) => `<url><loc>${escapeText(loc(e.path))}</loc>${e.lastmod ? `<lastmod>${escapeText(w3c(e.lastmod))}</lastmod>` : ''}</url>`,
  );
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * The sitemap as files: one urlset named `sitemap.xml`, or past `max` addresses a sitemap index named
 * `sitemap.xml` over `sitemap-1.xml`, `sitemap-2.xml`… `loc` makes a page's absolute address, `fileUrl`
 * a sitemap part's.
 */
export function sitemapFiles(
  entries: SitemapEntry[],
  loc: (path: string) => string,
  fileUrl: (name: string) => string,
  max = SITEMAP_MAX_URLS,
): Map<string, string> {
  const files = new Map<string, string>();
  if (entries.length <= max) return files.set('sitemap.xml', urlset(entries, loc));
  const parts: string[] = [];
  for (let i = 0; i < entries.length; i += max) {
    const part = entries.slice(i, i + max);
    const name = `sitemap-${parts.length + 1}.xml`;
    files.set(name, urlset(part, loc));
    const lastmod = part.reduce<string | undefined>((m, e) => (e.lastmod ? later(m, e.lastmod) : m), undefined);
    parts.push(
      `<sitemap><loc>${escapeText(fileUrl(name))}</loc>${lastmod ? `<lastmod>${escapeText(w3c(lastmod))}</lastmod>` : ''}</sitemap>`,
    );
  }
  files.set(
    'sitemap.xml',
    `${XML_DECLARATION}\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`,
  );
  return files;
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${sitemapUrl}\n`;
}

function entrySummary(w: WorkSummary): string {
  const kind = w.kind[0]!.toUpperCase() + w.kind.slice(1);
  const who = w.authors.map((a) => a.name).join(', ');
  const to = w.recipients.map((r) => r.name).join(', ');
  return [kind, who ? `by ${who}` : '', to ? `to ${to}` : '', w.dateText ?? w.date ?? ''].filter(Boolean).join(' · ');
}

/**
 * The Atom feed of the latest additions (most recently added or changed first). `loc` makes absolute
 * addresses from site paths; `self` is the feed's own address.
 */
export async function atomFeed(store: Store, site: SiteInfo, loc: (path: string) => string, self: string): Promise<string> {
  const recent = await store.listWorks({ order: 'recent', limit: FEED_ENTRIES });
  const updated = w3c(recent[0]?.updatedAt ?? new Date(0).toISOString());
  const entries = recent.map((w) => {
    const href = loc(workHref(w.id));
    const authors = w.authors.length ? w.authors : [{ name: site.publisher }];
    return [
      '<entry>',
      `<id>${escapeText(href)}</id>`,
      `<title>${escapeText(w.title)}</title>`,
      `<updated>${escapeText(w3c(w.updatedAt))}</updated>`,
      `<link rel="alternate" type="text/html" href="${escapeAttr(href)}"/>`,
      ...authors.map((a) => `<author><name>${escapeText(a.name)}</name></author>`),
      `<summary type="text">${escapeText(entrySummary(w))}</summary>`,
      '</entry>',
    ].join('\n');
  });
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`,
    `<id>${escapeText(loc('/'))}</id>`,
    `<title>${escapeText(`${site.name}: latest additions`)}</title>`,
    `<updated>${escapeText(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeAttr(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeAttr(loc('/'))}"/>`,
    `<author><name>${escapeText(site.publisher)}</name></author>`,
    `<generator>Octavo</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The routes; addresses are `site.baseUrl` + path. */
export function discoveryRoutes(store: Store, site: SiteInfo): Hono {
  const app = new Hono();
  const abs = (path: string) => `${site.baseUrl}${path}`;
  const sitemap = async () => sitemapFiles(await sitemapEntries(store), abs, (name) => abs(`/${name}`));
  const xml = { 'Content-Type': 'application/xml; charset=utf-8' };
  app.get('/sitemap.xml', async (c) => c.body((await sitemap()).get('sitemap.xml')!, 200, xml));
  app.get('/:name{sitemap-[0-9]+\\.xml}', async (c) => {
    const body = (await sitemap()).get(c.req.param('name'));
    if (!body) throw notFound();
    return c.body(body, 200, xml);
  });
  app.get('/robots.txt', (c) => c.body(robotsTxt(abs('/sitemap.xml')), 200, { 'Content-Type': 'text/plain; charset=utf-8' }));
  app.get('/feed.atom', async (c) =>
    c.body(await atomFeed(store, site, abs, abs('/feed.atom')), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }),
  );
  return app;
}
