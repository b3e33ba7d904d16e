// The search surfaces over one archive: the /search page, /api/search, and `octavo search`.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSearch } from '../cli/search.js';
import { openArchive, type Archive } from '../archive/open.js';
import { searchRoutes } from '../web/routes/search.js';
import { SEED_ID } from '../../test/support/seed.js';
import { testWorks } from './test-support.js';
import type { SearchResponse } from '../model/search.js';

let archive: Archive;
let app: Hono;
beforeAll(async () => {
  archive = await openArchive(':memory:');
  await archive.store.upsertWorks(testWorks(60));
  app = new Hono();
  app.route('/', searchRoutes(archive.search));
});
afterAll(async () => {
  await archive?.close();
});

describe('/api/search', () => {
  it('answers JSON with hits, facets and expansions', async () => {
    const res = await app.request('/api/search?q=Shaumyan&facets=kind,recipient&pageSize=5');
    expect(res.status).toBe(200);
    const r = (await res.json()) as SearchResponse;
    expect(r.hits.map((h) => h.id)).toContain(SEED_ID);
    expect(r.pageSize).toBe(5);
    expect(r.facets.map((f) => f.name)).toEqual(['kind', 'recipient']);
    expect(r.expansions[0]!.aliases).toContain('Shahumyan');
  });

  it('gives 400 and a message for a malformed query', async () => {
    const res = await app.request('/api/search?q=date:1918..oops');
    expect(res.status).toBe(400);
    expect(((await res.json()) as SearchResponse).error?.message).toBe('"oops" is not a date.');
  });

  it('honours page, sort and facets=none', async () => {
    const r = (await (
      await app.request('/api/search?q=kind:letter&sort=date-desc&page=2&pageSize=3&facets=none')
    ).json()) as SearchResponse;
    expect([r.page, r.sort, r.hits.length, r.facets]).toEqual([2, 'date-desc', 3, []]);
  });
});

describe('/search', () => {
  it('renders results, facets that refine, and the query language', async () => {
    const res = await app.request('/search?q=%22learn+diplomacy%22');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/works/${SEED_ID}"`);
    expect(html).toContain('<mark>learn diplomacy</mark>');
    expect(html).toContain('href="/search?q=%22learn+diplomacy%22+recipient%3Ashaumyan-stepan"');
    expect(html).toContain('<details class="search-help">');
    expect(html).toMatch(/<script src="\/search\/assets\/search\.js\?v=[0-9a-f]{10}" defer="?"?><\/script>/);
    expect(html).not.toMatch(/<script>|style="/);
  });

  it('shows a malformed query’s message and where it went wrong', async () => {
    const res = await app.request('/search?q=lenin+OR');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('&quot;OR&quot; needs a search term after it.');
    expect(html).toContain('lenin OR\n      ^');
  });

  it('escapes the query everywhere it is shown', async () => {
    const html = await (await app.request('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves the results alone for instant search, and its assets', async () => {
    const part = await (await app.request('/search?q=Shahumyan&partial=1')).text();
    expect(part.startsWith('<div class="search-layout">')).toBe(true);
    const js = await app.request('/search/assets/search.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('partial');
    expect((await app.request('/search/assets/nothing.js')).status).toBe(404);
  });
});

describe('octavo search', () => {
  const capture = () => {
    let text = '';
    return {
      out: {
        write: (s: string) => {
          text += s;
        },
      },
      text: () => text,
    };
  };

  it('prints results with marked words, and JSON with --json', async () => {
    const c = capture();
    expect(await runSearch(archive, '"learn diplomacy"', {}, c.out)).toBe(0);
    expect(c.text()).toContain('To S. G. Shahumyan');
    expect(c.text()).toContain('«learn diplomacy»');
    expect(c.text()).toContain(SEED_ID);
    const j = capture();
    await runSearch(archive, 'Shahumyan', { json: true, page: 1, sort: 'date' }, j.out);
    expect((JSON.parse(j.text()) as SearchResponse).sort).toBe('date');
  });

  it('explains a malformed query and returns 2', async () => {
    const c = capture();
    expect(await runSearch(archive, '"unclosed', {}, c.out)).toBe(2);
    expect(c.text()).toMatch(/^Unclosed quotation mark\.\n {2}"unclosed\n {2}\^\nAdd a closing "/);
    expect(await runSearch(archive, 'x', { sort: 'size' }, capture().out)).toBe(2);
  });
});
