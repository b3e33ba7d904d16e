// Hostile imported content, server errors and static assets.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { Work, type Mark } from '../model/work.js';
import type { Store } from '../store/store.js';
import { memoryArchive, workVariant } from '../../test/support/works.js';
import { seedWork } from '../../test/support/seed.js';
import { createApp } from './app.js';

const XSS = '<script>alert("x")</script>';
const text = (t: string, marks?: Mark[]) => ({ type: 'text' as const, text: t, ...(marks ? { marks } : {}) });

/** A work whose every imported string tries something. */
function hostileWork(): Work {
  const seed = seedWork();
  return Work.parse(
    workVariant(
      seed,
      { id: 'evil/1', title: `Title ${XSS}`, day: '1918-01-01', collection: ['evil'], titles: [`Coll ${XSS}`] },
      {
        subtitle: `<img src=x onerror=alert(1)>`,
        authors: [{ id: 'mallory', name: `Mallory <b onmouseover="alert(1)">` }],
        recipients: [{ id: 'bob"><script>', name: 'Bob' }],
        sentTo: { id: 'x', name: `</dd><script>alert(2)</script>` },
        rights: { statement: `Free ${XSS}`, licence: 'CC-BY-SA-2.0', url: 'javascript:alert(3)', credit: '<i>credit</i>' },
        otherFormats: [
          { label: 'Evil', href: 'data:text/html,<script>alert(4)</script>' },
          { label: 'PDF', href: 'mia.pdf' },
        ],
        body: [
          { type: 'paragraph', content: [text(`Body ${XSS} & more`)] },
          {
            type: 'paragraph',
            content: [
              text('js', [{ type: 'link', href: 'javascript:alert(5)' }]),
              text('spaced', [{ type: 'link', href: ' JaVa\tScRiPt:alert(6)' }]),
              text('data', [{ type: 'link', href: 'data:text/html;base64,PHNjcmlwdD4=' }]),
              text('vb', [{ type: 'link', href: 'vbscript:msgbox(1)' }]),
              text('web', [{ type: 'link', href: 'https://example.org/a?b=1&c=2' }]),
              text('mail', [{ type: 'link', href: 'mailto:someone@example.org' }]),
              text('frag', [{ type: 'link', href: '#top' }]),
              text('quote', [{ type: 'link', href: 'https://example.org/"onmouseover="alert(7)' }]),
              text('entity', [{ type: 'entity', entity: 'person', id: '"><script>alert(8)</script>' }]),
              { type: 'noteRef', note: 'n"1', label: '<1>' },
            ],
          },
        ],
        notes: [{ id: 'n"1', label: '<1>', blocks: [{ type: 'paragraph', content: [text(`Note ${XSS}`)] }] }],
        entities: {
          people: [{ id: 'p', name: XSS, refs: ['javascript:alert(9)', 'https://www.wikidata.org/wiki/Q1'] }],
          places: [],
          organisations: [],
          events: [],
        },
        provenance: { file: XSS, format: 'x', importer: 'x', checksum: 'x', url: 'javascript:alert(10)' },
      },
    ),
  );
}

describe('hostile imported content', () => {
  it('shows markup in titles, bodies and headers as text', async () => {
    const app = createApp(await memoryArchive([hostileWork()]));
    for (const path of ['/works/evil/1', '/', '/collections/evil', '/authors', '/authors/mallory']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toMatch(/<script>alert/);
      expect(html, path).not.toMatch(/<img src=x/);
      expect(html, path).not.toMatch(/<b onmouseover/);
      expect(html, path).not.toMatch(/\son[a-z]+="/i);
      if (path === '/works/evil/1') {
        const $ = load(html);
        expect($('h1').text()).toBe(`Title ${XSS}`);
        expect($('.work-body p').first().text()).toBe(`Body ${XSS} & more`);
        expect(html).toContain('Body &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
        expect($('.note-body').text()).toContain(`Note ${XSS}`);
        // Only /assets/octavo.js runs; the JSON-LD block is data, and the hostile title inside it stays JSON.
        expect($('script:not([type="application/ld+json"])').length).toBe(1);
        for (const ld of $('script[type="application/ld+json"]').toArray()) {
          const text = $(ld).html() ?? '';
          expect(text).not.toMatch(/<\/?script/i);
          expect(() => JSON.parse(text)).not.toThrow();
        }
      }
    }
  });

  it('links only http(s), mailto, relative and fragment hrefs', async () => {
    const app = createApp(await memoryArchive([hostileWork()]));
    const $ = load(await (await app.request('/works/evil/1')).text());
    const hrefs = $('a[href]')
      .map((_, a) => $(a).attr('href')!)
      .get();
    for (const h of hrefs) expect(h, h).toMatch(/^(https?:\/\/|mailto:|\/|#)/);
    const linked = (label: string) =>
      $('.work-body a')
        .filter((_, a) => $(a).text() === label)
        .attr('href');
    for (const dropped of ['js', 'spaced', 'data', 'vb']) {
      expect(linked(dropped), dropped).toBeUndefined();
      expect($('.work-body .link-dropped').filter((_, s) => $(s).text() === dropped).length, dropped).toBe(1);
    }
    expect(linked('web')).toBe('https://example.org/a?b=1&c=2');
    expect(linked('mail')).toBe('mailto:someone@example.org');
    expect(linked('frag')).toBe('#top');
    expect(linked('quote')).toBe('https://example.org/"onmouseover="alert(7)');
    // Note ids with quotes still give working two-way links.
    const marker = $('sup.noteref a');
    expect($(marker.attr('href')!).find('a.backref').attr('href')).toBe(`#${marker.attr('id')}`);
    expect(marker.text()).toBe('<1>');
    // A javascript: licence URL and authority URI are not linked; the https one is.
    expect($('.info-rights a').length).toBe(0);
    expect(
      $('.mentions a.authority')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://www.wikidata.org/wiki/Q1']);
    // The record's own source link (a javascript: URL here) is dropped; only the history link remains.
    expect(
      $('.record a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([expect.stringMatching(/^\/works\/.+\/history$/)]);
  });
});

describe('server errors', () => {
  it('renders a 500 page that leaks nothing and logs the cause', async () => {
    const archive = await memoryArchive([seedWork()]);
    const broken: Store = Object.assign(Object.create(archive.store) as Store, {
      getWork: async () => {
        throw new Error('SQLITE_CORRUPT at /var/lib/octavo/secret.db');
      },
    });
    const logged: unknown[] = [];
    const app = createApp({ ...archive, store: broken }, { log: (_m, err) => logged.push(err) });
    const res = await app.request('/works/lenin/1918/05/14-shahumyan');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(load(html)('h1').text()).toBe('Something went wrong');
    expect(html).not.toMatch(/SQLITE|secret|\.db|Error|\bat\s+\S+\s+\(/);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain('SQLITE_CORRUPT');
  });

  it('answers a malformed percent-encoding without a server error', async () => {
    const app = createApp(await memoryArchive([seedWork()]), { log: () => {} });
    const res = await app.request('/works/lenin/%E0%A4%A');
    expect(res.status).toBe(404);
  });
});

describe('addresses', () => {
  it('redirects a trailing slash to the canonical address, never off the site', async () => {
    const app = createApp(await memoryArchive([seedWork()]));
    for (const [from, to] of [
      ['/authors/', '/authors'],
      ['/works/lenin/1918/05/14-shahumyan/?x=1', '/works/lenin/1918/05/14-shahumyan?x=1'],
      ['//evil.example/', '/evil.example'],
    ]) {
      const res = await app.request(from!);
      expect(res.status, from).toBe(301);
      expect(res.headers.get('location'), from).toBe(to);
    }
  });

  it('lists every collection at /collections', async () => {
    const app = createApp(await memoryArchive([seedWork()]));
    const $ = load(await (await app.request('/collections')).text());
    expect(
      $('.collection-tree a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      '/collections/lenin',
      '/collections/lenin/collected-works',
      '/collections/lenin/collected-works/volume-35',
      '/collections/lenin/letters',
      '/collections/lenin/letters/1918',
    ]);
  });
});

describe('assets', () => {
  it('serves the stylesheet and script with content-hash caching', async () => {
    const app = createApp(await memoryArchive());
    const page = load(await (await app.request('/')).text());
    const cssUrl = page('link[rel=stylesheet]').attr('href')!;
    const jsUrl = page('script[src]').attr('src')!;
    expect(cssUrl).toMatch(/^\/assets\/octavo\.css\?v=[0-9a-f]{10}$/);
    const css = await app.request(cssUrl);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
    const js = await app.request(jsUrl);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('note-popup');
    const plain = await app.request('/assets/octavo.css');
    expect(plain.headers.get('cache-control')).not.toContain('immutable');
    const etag = plain.headers.get('etag')!;
    const again = await app.request('/assets/octavo.css', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
