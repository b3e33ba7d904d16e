// The reading app through app.request(): no port opened. Every case runs over an in-memory SQLite
// archive, with the seed letter as imported from the seed page.
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection, Work } from '../model/work.js';
import { exportFormats } from '../render/formats.js';
import { renderJson } from '../render/json/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { renderText } from '../render/text/index.js';
import { openArchive, type Archive } from '../archive/open.js';
import type { Store } from '../store/store.js';
import { workVariant } from '../../test/support/works.js';
import { SEED_ID, seedWork } from '../../test/support/seed.js';
import { createApp } from './app.js';

const VOL35 = ['lenin', 'collected-works', 'volume-35'];
const VOL35_TITLES = ['V. I. Lenin', 'Collected Works', 'Volume 35'];

function fixtures(seed: Work): { works: Work[]; collections: Collection[] } {
  const inVol = (id: string, title: string, day: string, position: number) =>
    workVariant(seed, { id, title, day, collection: VOL35, titles: VOL35_TITLES, position });
  const before = inVol('lenin/1918/05/10-before', 'Letter Before', '1918-05-10', 331);
  const after = inVol('lenin/1918/05/20-after', 'Letter After', '1918-05-20', 333);
  const toLenin = workVariant(
    seed,
    { id: 'krupskaya/1918/06/01-lenin', title: 'To Lenin', day: '1918-06-01', collection: ['krupskaya', 'letters'] },
    {
      authors: [{ id: 'krupskaya-nadezhda', name: 'N. K. Krupskaya' }],
      recipients: [{ id: 'lenin', name: 'V. I. Lenin' }],
    },
  );
  const volume: Collection = {
    path: VOL35,
    title: 'Collected Works, Volume 35',
    description: 'Letters, February 1912 – December 1922.',
    members: [
      { title: 'Letter Before', workId: before.id },
      { title: 'To S. G. Shahumyan', workId: SEED_ID },
      { title: 'A letter not in the archive', workId: 'lenin/1918/05/16-nobody', href: '../1918/may/16.htm' },
      { title: 'Letter After', workId: after.id },
    ],
    provenance: {
      file: 'cw/volume35.htm',
      format: 'mia-html',
      importer: 'test',
      checksum: 'c',
      url: 'https://www.marxists.org/archive/lenin/works/cw/volume35.htm',
    },
  };
  return { works: [seed, before, after, toLenin], collections: [volume] };
}

const STORES: [string, () => Promise<Archive>][] = [['sqlite', () => openArchive(':memory:')]];

for (const [name, open] of STORES) {
  describe(`reading app over the ${name} store`, () => {
    let archive: Archive;
    let store: Store;
    let app: ReturnType<typeof createApp>;
    const seed = seedWork();
    const get = async (path: string) => {
      const res = await app.request(path);
      return { res, html: await res.text() };
    };

    beforeAll(async () => {
      archive = await open();
      ({ store } = archive);
      const { works, collections } = fixtures(seed);
      await store.upsertWorks(works);
      for (const c of collections) await store.upsertCollection(c);
      app = createApp(archive);
    });
    afterAll(async () => {
      await archive.close();
    });

    it('serves the work page at a multi-segment id', async () => {
      const { res, html } = await get(`/works/${SEED_ID}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      const $ = load(html);
      expect($('h1').text()).toBe(seed.title);
      expect($('article.work').attr('lang')).toBe('en');
    });

    it('shows breadcrumbs from the first collection: author → Collected Works → volume', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      const crumbs = $('.breadcrumbs li')
        .map((_, li) => ({ text: $(li).text(), href: $(li).find('a').attr('href') }))
        .get();
      expect(crumbs).toEqual([
        { text: 'Home', href: '/' },
        { text: 'V. I. Lenin', href: '/authors/lenin' },
        { text: 'Collected Works', href: '/collections/lenin/collected-works' },
        { text: 'Volume 35', href: '/collections/lenin/collected-works/volume-35' },
        { text: seed.title, href: undefined },
      ]);
      expect($('.breadcrumbs li').last().attr('aria-current')).toBe('page');
    });

    it('shows every header field of the seed in the information block', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      const row = (cls: string) => $(`.information .info-${cls}`);
      expect(row('written').find('dt').text()).toBe('Written');
      expect(row('written').find('time').attr('datetime')).toBe('1918-05-14');
      expect(row('written').find('dd').text()).toBe('May 14, 1918');
      expect(row('sent-to').find('dd').text()).toBe('Baku');
      expect(row('published').find('dd').text()).toBe(seed.published[0]!.text);
      expect(row('header-note').find('dd').text()).toBe('Printed from the Bulletins text.');
      const source = row('source').find('dd');
      expect(source.find('cite').text()).toBe('Collected Works');
      expect(source.text()).toBe('Lenin, Collected Works, Progress Publishers, 1976, Moscow, Volume 35, page 332.');
      const contributors = row('contributors')
        .map((_, r) => `${$(r).find('dt').text()}: ${$(r).find('dd').text()}`)
        .get();
      expect(contributors).toEqual(['Translated: Andrew Rothstein', 'Transcription/Markup: R. Cymbala']);
      expect(row('rights').find('dt').text()).toBe('Public Domain');
      expect(row('rights').find('.statement').text()).toMatch(/^Lenin Internet Archive\. You may freely copy, distribute/);
      expect(row('rights').find('.credit').text()).toBe('Credit: Marxists Internet Archive');
      const formats = row('formats')
        .find('.formats a')
        .map((_, a) => $(a).attr('href'))
        .get();
      // The row is the export registry, in its order: the text formats and the citation downloads among it.
      expect(formats).toEqual(exportFormats.map((f) => `/works/${SEED_ID}${f.ext}`));
      for (const ext of ['.txt', '.md', '.json', '.tei.xml', '.bib', '.ris', '.csl.json'])
        expect(formats).toContain(`/works/${SEED_ID}${ext}`);
      expect(row('formats').find('.formats-source').text()).toContain('Text, README');
      expect($('.byline').text()).toBe('V. I. Lenin to S. G. Shahumyan');
    });

    it('renders the body blocks with their types', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      expect($('.work-body p.salutation').text()).toBe('Dear Comrade Shahumyan,');
      expect($('.work-body p.closer').text()).toBe('Yours,');
      expect($('.work-body p.signature').text()).toBe('Lenin');
      expect($('.work-body > p').length).toBe(seed.body.length);
    });

    it('links note marker and note both ways', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      const marker = $('sup.noteref a');
      expect(marker.length).toBe(1);
      expect(marker.text()).toBe('1');
      const noteId = marker.attr('href')!.slice(1);
      const markerId = marker.attr('id')!;
      expect(marker.attr('href')).toBe('#note-1');
      expect(markerId).toBe('ref-1');
      // The marker sits right after "learn diplomacy." as in the seed.
      expect(marker.closest('p').text()).toMatch(/learn diplomacy\.1$/);
      const note = $(`li#${noteId}`);
      expect(note.find('.note-body p').first().text()).toMatch(/^The defeat of the anti-Soviet revolt/);
      const back = note.find('a.backref');
      expect(back.attr('href')).toBe(`#${markerId}`);
      expect(back.text()).toBe('↩');
      expect($(`[id="${markerId}"]`).length).toBe(1);
      expect($(`[id="${noteId}"]`).length).toBe(1);
    });

    it('links previous and next within the first collection', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      expect($('.pager a[rel=prev]').attr('href')).toBe('/works/lenin/1918/05/10-before');
      expect($('.pager a[rel=prev] .pager-title').text()).toBe('Letter Before');
      expect($('.pager a[rel=next]').attr('href')).toBe('/works/lenin/1918/05/20-after');
      const first = load((await get('/works/lenin/1918/05/10-before')).html);
      expect(first('.pager a[rel=prev]').length).toBe(0);
      expect(first('.pager a[rel=next]').attr('href')).toBe(`/works/${SEED_ID}`);
    });

    it('lists the entities mentioned and the record provenance', async () => {
      const $ = load((await get(`/works/${SEED_ID}`)).html);
      const mentions = $('.mentions .mention-group')
        .map((_, g) => `${$(g).find('dt').text()}: ${$(g).find('li').length}`)
        .get();
      expect(mentions).toEqual([`People: ${seed.entities.people.length}`, `Places: ${seed.entities.places.length}`]);
      expect($('.mentions a.authority').attr('href')).toBe('http://www.wikidata.org/entity/Q1394');
      expect($('.record').text()).toContain(seed.provenance.file);
      expect($('.record').text()).toContain('Also in: V. I. Lenin › Letters › 1918');
    });

    it('serves the other formats from the exporters', async () => {
      for (const [ext, type, render] of [
        ['.txt', 'text/plain', renderText],
        ['.md', 'text/markdown', renderMarkdown],
        ['.json', 'application/json', renderJson],
      ] as const) {
        const { res, html } = await get(`/works/${SEED_ID}${ext}`);
        expect(res.status, ext).toBe(200);
        expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
        expect(html).toBe(render(seed));
      }
      const json = JSON.parse((await get(`/works/${SEED_ID}.json`)).html) as Work;
      expect(json).toEqual(seed);
    });

    it('answers unknown ids and paths with the HTML 404 page', async () => {
      for (const path of [
        '/works/lenin/1918/05/14-nobody',
        `/works/${SEED_ID}.docx`,
        '/works/lenin/1918/05/14-nobody.txt',
        '/collections/nobody/here',
        '/authors/nobody',
        '/no/such/page',
        '/assets/other.css',
      ]) {
        const { res, html } = await get(path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(load(html)('h1').text()).toBe('Not found');
      }
    });

    it('lists a collection in order, linking the members that exist', async () => {
      const { res, html } = await get('/collections/lenin/collected-works/volume-35');
      expect(res.status).toBe(200);
      const $ = load(html);
      expect($('h1').text()).toBe('Collected Works, Volume 35');
      expect($('.lede').text()).toBe('Letters, February 1912 – December 1922.');
      const members = $('.member-list li')
        .map((_, li) => ({ text: $(li).children().first().text(), href: $(li).children('a').first().attr('href') }))
        .get();
      expect(members).toEqual([
        { text: 'Letter Before', href: '/works/lenin/1918/05/10-before' },
        { text: 'To S. G. Shahumyan', href: `/works/${SEED_ID}` },
        { text: 'A letter not in the archive', href: 'https://www.marxists.org/archive/lenin/works/1918/may/16.htm' },
        { text: 'Letter After', href: '/works/lenin/1918/05/20-after' },
      ]);
      expect($('.member-list li').eq(2).hasClass('member-absent')).toBe(true);
      expect(
        $('.breadcrumbs a')
          .map((_, a) => $(a).text())
          .get(),
      ).toEqual(['Home', 'V. I. Lenin', 'Collected Works']);
    });

    it('lists works by position when a collection has no record, and sub-collections above', async () => {
      const $ = load((await get('/collections/lenin/letters/1918')).html);
      expect(
        $('.work-list .work-item-title')
          .map((_, a) => $(a).text())
          .get(),
      ).toEqual([seed.title]);
      const top = load((await get('/collections/lenin')).html);
      expect(top('h1').text()).toBe('V. I. Lenin');
      expect(
        top('.collection-tree > li > a')
          .map((_, a) => top(a).attr('href'))
          .get(),
      ).toEqual(['/collections/lenin/collected-works', '/collections/lenin/letters']);
      expect(top('.stats').text()).toBe('3 works in the archive');
    });

    it('lists authors and an author’s letters written and received', async () => {
      const $ = load((await get('/authors')).html);
      const people = $('.people-list a')
        .map((_, a) => $(a).text())
        .get();
      expect(people).toEqual(['N. K. Krupskaya', 'V. I. Lenin', 'S. G. Shahumyan']);
      const lenin = load((await get('/authors/lenin')).html);
      expect(lenin('h1').text()).toBe('V. I. Lenin');
      expect(lenin('#written-heading').text()).toBe('Letters written 3');
      expect(lenin('#received-heading').text()).toBe('Letters received 1');
      expect(lenin('[aria-labelledby=received-heading] .work-item-title').attr('href')).toBe('/works/krupskaya/1918/06/01-lenin');
      const recipient = load((await get('/authors/shaumyan-stepan')).html);
      expect(recipient('#received-heading').text()).toBe('Letters received 3');
      expect(recipient('#written-heading').length).toBe(0);
    });

    it('shows counts, collections and recent additions on the home page', async () => {
      const $ = load((await get('/')).html);
      expect(
        $('.stats .stat')
          .map((_, s) => $(s).text())
          .get(),
      ).toEqual(['4 works', '2 authors', '4 letters']);
      const top = $('.home-collections > .collection-tree > li');
      expect(top.map((_, li) => $(li).children('a').text()).get()).toEqual(['Krupskaya', 'V. I. Lenin']);
      expect($('.home-collections a[href="/collections/lenin/collected-works"]').next('.count').text()).toBe(' 3 works · 1 sub-collection');
      expect($('.home-recent .work-item').length).toBe(4);
      expect($('a[href="/authors"]').length).toBeGreaterThan(0);
    });

    it('sends the security headers and no inline script or style', async () => {
      for (const path of ['/', `/works/${SEED_ID}`, '/authors', '/collections/lenin']) {
        const { res, html } = await get(path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        const $ = load(html);
        // The one script is the site's own; a work page adds its JSON-LD, a data block the browser never runs.
        $('script:not([type="application/ld+json"])').each((_, s) => {
          expect($(s).attr('src')).toMatch(/^\/assets\/octavo\.js\?v=[0-9a-f]{10}$/);
          expect($(s).text()).toBe('');
        });
        $('script[type="application/ld+json"]').each((_, s) => {
          expect($(s).attr('src')).toBeUndefined();
          expect(() => JSON.parse($(s).text())).not.toThrow();
        });
        expect($('[style]').length).toBe(0);
        expect($('style').length).toBe(0);
        expect(html).not.toMatch(/\son[a-z]+=/i);
      }
    });
  });
}
