// /sitemap.xml, /robots.txt and /feed.atom through app.request(): the XML parsed back, every work and
// collection page listed with its record's time, a sitemap index past the protocol's limit, and an
// Atom feed with what RFC 4287 requires (id, title, updated, author, self and alternate links).
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { testWorks } from '../../src/search/test-support.js';
import { createApp } from '../../src/web/app.js';
import { sitemapEntries, sitemapFiles } from '../../src/web/routes/discovery.js';
import { SEED_ID, seedWork } from '../support/seed.js';

const BASE = 'https://archive.example.org';
const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const ATOM = 'http://www.w3.org/2005/Atom';

let archive: Archive;
let app: ReturnType<typeof createApp>;

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(
    xml,
    'application/xml',
  );
  expect(errors).toEqual([]);
  return doc;
};
const texts = (doc: Document, ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => e.textContent ?? '');

beforeAll(async () => {
  archive = await openArchive(':memory:');
  await archive.store.upsertWorks([seedWork(), ...testWorks(40)]);
  app = createApp(archive, { baseUrl: BASE });
});
afterAll(() => archive.close());

describe('sitemap', () => {
  it('lists every work and collection page with its lastmod', async () => {
    const res = await app.request('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const doc = parse(await res.text());
    expect(doc.documentElement!.localName).toBe('urlset');
    expect(doc.documentElement!.namespaceURI).toBe(SM);
    const locs = texts(doc, SM, 'loc');
    const works = await archive.store.listWorks();
    expect(works.length).toBe(await archive.store.countWorks());
    expect(works.length).toBeGreaterThan(40);
    for (const w of works) expect(locs).toContain(`${BASE}/works/${w.id}`);
    expect(locs).toContain(`${BASE}/`);
    // Every collection a work sits in, and the collections above it.
    for (const w of works)
      for (const c of w.collections)
        for (let n = 1; n <= c.path.length; n++) expect(locs).toContain(`${BASE}/collections/${c.path.slice(0, n).join('/')}`);
    // A work's lastmod is its record's time.
    const seed = works.find((w) => w.id === SEED_ID)!;
    const url = Array.from(doc.getElementsByTagNameNS(SM, 'url')).find(
      (u) => u.getElementsByTagNameNS(SM, 'loc')[0]!.textContent === `${BASE}/works/${SEED_ID}`,
    )!;
    const lastmod = url.getElementsByTagNameNS(SM, 'lastmod')[0]!.textContent!;
    expect(new Date(lastmod).getTime()).toBe(Math.floor(new Date(seed.updatedAt).getTime() / 1000) * 1000);
    expect(lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Every listed page answers.
    for (const loc of locs.slice(0, 12)) expect((await app.request(loc.slice(BASE.length))).status, loc).toBe(200);
  });

  it('becomes a sitemap index over numbered parts past the limit of addresses per file', async () => {
    const entries = await sitemapEntries(archive.store);
    const files = sitemapFiles(
      entries,
      (p) => `${BASE}${p}`,
      (n) => `${BASE}/${n}`,
      20,
    );
    const index = parse(files.get('sitemap.xml')!);
    expect(index.documentElement!.localName).toBe('sitemapindex');
    const parts = texts(index, SM, 'loc');
    expect(parts.length).toBe(Math.ceil(entries.length / 20));
    let total = 0;
    for (const [i, loc] of parts.entries()) {
      expect(loc).toBe(`${BASE}/sitemap-${i + 1}.xml`);
      const part = parse(files.get(`sitemap-${i + 1}.xml`)!);
      const n = texts(part, SM, 'loc').length;
      expect(n).toBeLessThanOrEqual(20);
      total += n;
    }
    expect(total).toBe(entries.length);
    // The server answers the parts it names; an unknown part is a 404.
    expect((await app.request('/sitemap-1.xml')).status).toBe(404);
  });
});

describe('robots.txt', () => {
  it('allows crawling the pages and names the sitemap', async () => {
    const res = await app.request('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    expect(body).toMatch(/^Disallow: \/api\/$/m);
    expect(body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('feed.atom', () => {
  it('is an Atom feed of the latest additions', async () => {
    const res = await app.request('/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const doc = parse(await res.text());
    const feed = doc.documentElement!;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    const child = (el: Element, name: string) =>
      Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
    expect(child(feed, 'id')[0]!.textContent).toBe(`${BASE}/`);
    expect(child(feed, 'title')[0]!.textContent).toMatch(/latest additions/);
    expect(child(feed, 'author')[0]!.getElementsByTagNameNS(ATOM, 'name')[0]!.textContent).toBeTruthy();
    const links = child(feed, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]);
    expect(links).toContainEqual(['self', `${BASE}/feed.atom`]);
    expect(links).toContainEqual(['alternate', `${BASE}/`]);
    const entries = child(feed, 'entry');
    expect(entries.length).toBe(Math.min(50, await archive.store.countWorks()));
    const recent = await archive.store.listWorks({ order: 'recent', limit: 50 });
    const feedUpdated = child(feed, 'updated')[0]!.textContent!;
    expect(new Date(feedUpdated).getTime()).toBe(Math.floor(new Date(recent[0]!.updatedAt).getTime() / 1000) * 1000);
    const ids = new Set<string>();
    for (const [i, e] of entries.entries()) {
      // RFC 4287 §4.1.2: exactly one id, title, updated; a link rel=alternate; a summary here.
      for (const name of ['id', 'title', 'updated', 'summary']) expect(child(e, name).length, name).toBe(1);
      const id = child(e, 'id')[0]!.textContent!;
      expect(id).toBe(`${BASE}/works/${recent[i]!.id}`);
      ids.add(id);
      expect(child(e, 'updated')[0]!.textContent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(
        child(e, 'link')
          .find((l) => l.getAttribute('rel') === 'alternate')
          ?.getAttribute('href'),
      ).toBe(id);
      expect(child(e, 'summary')[0]!.textContent).not.toBe('');
    }
    expect(ids.size).toBe(entries.length);
    const seed = entries.find((e) => child(e, 'id')[0]!.textContent === `${BASE}/works/${SEED_ID}`)!;
    expect(child(seed, 'author').map((a) => a.textContent)).toEqual(['V. I. Lenin']);
    expect(child(seed, 'summary')[0]!.textContent).toMatch(/Letter · by V\. I\. Lenin · to S\. G\. Shahumyan/);
  });
});
