// Fair throttling and plain answers from the whole app, through app.request() (no port): failed
// authentications never lock out a valid token; X-Forwarded-For is believed only as far as
// OCTAVO_TRUST_PROXY says; unknown methods get 405 with Allow, unknown API paths a JSON 404; deleted
// works answer 410 with a tombstone; a second source whose derived id is taken gets "-2", as in
// `octavo import`.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../src/archive/open.js';
import { createParsePool } from '../../src/archive/parse-pool.js';
import { createToken } from '../../src/archive/tokens.js';
import type { Work } from '../../src/model/work.js';
import { createApp } from '../../src/web/app.js';
import { clientAddress, type Limits, limitsWith, proxyHops } from '../../src/web/limits.js';
import { SEED_ID, SEED_PATH, seedWork } from '../support/seed.js';

const parser = createParsePool({ workers: 1 });
afterAll(() => parser.close());
const seedText = readFileSync(SEED_PATH, 'utf8');
const JSON_TYPE = { 'Content-Type': 'application/json' };
/** The seed letter with one sentence changed: another source giving the same id. */
const variantText = (i: number) => seedText.replace('Many thanks for your letter.', `Many thanks for your letter number ${i}.`);

async function fixture(limits?: Partial<Limits>) {
  const archive = await openArchive(':memory:');
  const editor = (await createToken(archive.store.tokens!, 'ed', 'editor')).secret;
  const app = createApp(archive, { parser, ...(limits ? { limits } : {}) });
  return { archive, editor, app };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });
const work = (id: string): Work => ({ ...structuredClone(seedWork()), id, title: `Work ${id}` });

describe('failed-auth throttling', () => {
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(() => f.archive.close());

  it('after 40 bad tokens from one address, a valid editor token from it still writes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await f.app.request('/api/works', {
        method: 'POST',
        body: JSON.stringify(work(`bad/${i}`)),
        headers: bearer(`oct_guess-number-${i}-xxxxxxxx`, JSON_TYPE),
      });
      statuses.push(r.status);
    }
    // The first 30 are told the token is wrong; then the address is throttled.
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const ok = await f.app.request('/api/works', {
      method: 'POST',
      body: JSON.stringify(work('good/after-guessing')),
      headers: bearer(f.editor, JSON_TYPE),
    });
    expect(ok.status).toBe(201);
    expect(await f.archive.store.getWork('good/after-guessing')).toBeDefined();
    // Bad tokens are still throttled, and the restore form lets the valid token through as well.
    const still = await f.app.request('/api/works/good/after-guessing', { method: 'DELETE', headers: bearer('oct_guess-again-xxxxxxxx') });
    expect(still.status).toBe(429);
    expect(still.headers.get('Retry-After')).toMatch(/^[0-9]+$/);
    const form = (token: string) =>
      f.app.request('/works/good/after-guessing/history/restore', { method: 'POST', body: new URLSearchParams({ n: '1', token }) });
    for (let i = 0; i < 40; i++) await form(`wrong-${i}`);
    expect((await form('wrong-again')).status).toBe(429);
    expect((await form(f.editor)).status).toBe(303);
  });
});

describe('client addresses behind proxies', () => {
  const addressApp = (trust: number) => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, trust)));
    return app;
  };
  const seen = async (trust: number, xff?: string) =>
    (await addressApp(trust).request('/', { headers: xff ? { 'X-Forwarded-For': xff } : {} })).text();

  it('reads OCTAVO_TRUST_PROXY as a number of hops', () => {
    expect([undefined, '', '0', 'false', 'no', 'off', 'maybe', '-1', '1.5'].map(proxyHops)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(['1', 'true', 'TRUE', 'yes', 'on'].map(proxyHops)).toEqual([1, 1, 1, 1, 1]);
    expect(proxyHops('2')).toBe(2);
    vi.stubEnv('OCTAVO_TRUST_PROXY', 'true');
    try {
      expect(limitsWith().trustProxy).toBe(1);
      expect(limitsWith({ trustProxy: 0 }).trustProxy).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(limitsWith().trustProxy).toBe(process.env.OCTAVO_TRUST_PROXY ? proxyHops(process.env.OCTAVO_TRUST_PROXY) : 0);
  });

  it('ignores X-Forwarded-For unless told to trust it, then believes only the trusted hops', async () => {
    // No socket under app.request(): the socket's address is "unknown".
    expect(await seen(0, '203.0.113.7')).toBe('unknown');
    expect(await seen(1, '203.0.113.7')).toBe('203.0.113.7');
    // A client may write anything before what the proxies append: with one trusted hop only the last entry counts.
    expect(await seen(1, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await seen(2, '198.51.100.1, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await seen(5, '203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await seen(1)).toBe('unknown');
  });

  it('counts failures per forwarded address only when the proxy is trusted', async () => {
    const guess = (app: Hono, ip: string, i: number) =>
      app.request('/api/works/x', { method: 'DELETE', headers: bearer(`oct_wrong-token-${i}-xxxx`, { 'X-Forwarded-For': ip }) });
    const trusted = await fixture({ trustProxy: 1, authFailuresPerMinute: 5 });
    const direct = await fixture({ trustProxy: 0, authFailuresPerMinute: 5 });
    try {
      for (let i = 0; i < 6; i++) await guess(trusted.app, '203.0.113.7', i);
      expect((await guess(trusted.app, '203.0.113.7', 99)).status).toBe(429);
      expect((await guess(trusted.app, '198.51.100.1', 99)).status).toBe(401);
      // Not trusted: a client cannot escape the limit by writing a new X-Forwarded-For each time.
      for (let i = 0; i < 6; i++) await guess(direct.app, `203.0.113.${i}`, i);
      expect((await guess(direct.app, '198.51.100.1', 99)).status).toBe(429);
    } finally {
      await trusted.archive.close();
      await direct.archive.close();
    }
  });
});

describe('methods, unknown API paths and deleted works', () => {
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    f = await fixture();
    await f.archive.store.upsertWork(seedWork());
  });
  afterAll(() => f.archive.close());

  it('answers 405 with Allow for a method a known path does not take', async () => {
    const cases: [string, string, string][] = [
      ['PATCH', `/api/works/${SEED_ID}`, 'GET, HEAD, PUT, DELETE'],
      ['DELETE', '/api/works', 'GET, HEAD, POST'],
      ['POST', '/', 'GET, HEAD'],
      ['PUT', `/works/${SEED_ID}`, 'GET, HEAD'],
      ['DELETE', '/search', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const r = await f.app.request(path, { method, headers: bearer(f.editor) });
      expect([method, path, r.status, r.headers.get('Allow')]).toEqual([method, path, 405, allow]);
      if (path.startsWith('/api/')) expect(await r.json()).toMatchObject({ error: 'method_not_allowed', allow: allow.split(', ') });
      else expect(load(await r.text())('h1').text()).toBe('Method not allowed');
    }
    expect((await f.app.request(`/api/works/${SEED_ID}`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers unknown /api/ paths with a JSON 404, other unknown paths with the 404 page', async () => {
    for (const path of ['/api', '/api/nothing', '/api/works-and-more/x']) {
      const r = await f.app.request(path);
      expect([path, r.status, r.headers.get('Content-Type')]).toEqual([path, 404, 'application/json']);
      expect(await r.json()).toEqual({ error: 'not_found', message: `there is no API endpoint at ${path}` });
    }
    const page = await f.app.request('/nothing/here');
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect((await f.app.request('/nothing/here', { method: 'POST' })).status).toBe(404);
  });

  it('answers 410 for a deleted work: a tombstone page, and {error, deletedAt} in JSON', async () => {
    const del = await f.app.request(`/api/works/${SEED_ID}`, { method: 'DELETE', headers: bearer(f.editor) });
    expect(del.status).toBe(200);
    const deletedAt = (await f.archive.store.listRevisions!(SEED_ID)).at(-1)!.at;
    const page = await f.app.request(`/works/${SEED_ID}`);
    expect(page.status).toBe(410);
    const $ = load(await page.text());
    const day = new Date(deletedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect($('main').text().replace(/\s+/g, ' ')).toContain(`This work was withdrawn on ${day}.`);
    expect($('time').attr('datetime')).toBe(deletedAt);
    const links = $('main a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toContain('/authors/lenin');
    expect(links).toContain('/collections/lenin/collected-works/volume-35');
    expect(links).toContain(`/works/${SEED_ID}/history`);
    for (const path of [`/api/works/${SEED_ID}`, `/works/${SEED_ID}.json`]) {
      const r = await f.app.request(path);
      expect([path, r.status]).toEqual([path, 410]);
      expect(await r.json()).toMatchObject({ error: 'gone', deletedAt });
    }
    expect((await f.app.request(`/works/${SEED_ID}.txt`)).status).toBe(410);
    expect((await f.app.request('/works/lenin/1918/05/15-never-was')).status).toBe(404);
    expect((await f.app.request('/api/works/lenin/1918/05/15-never-was')).status).toBe(404);
    // Restored, it is a work again.
    await f.app.request(`/api/works/${SEED_ID}/restore`, {
      method: 'POST',
      body: JSON.stringify({ revision: 1 }),
      headers: bearer(f.editor, JSON_TYPE),
    });
    expect((await f.app.request(`/works/${SEED_ID}`)).status).toBe(200);
  });
});

describe('a second source file with a taken id', () => {
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(() => f.archive.close());

  const upload = async (name: string, text: string) => {
    const r = await f.app.request('/api/works', {
      method: 'POST',
      body: text,
      headers: bearer(f.editor, { 'Content-Type': 'text/plain', 'X-Octavo-Filename': name }),
    });
    return { status: r.status, body: (await r.json()) as { works: { id: string; status: string }[] } };
  };

  it('gets "-2" as in octavo import; the same file name or the same bytes update the same work', async () => {
    const first = await upload('shahumyan.txt', seedText);
    expect(first.status).toBe(201);
    expect(first.body.works).toMatchObject([{ id: SEED_ID, status: 'imported' }]);
    const other = await upload('another-copy.txt', variantText(1));
    expect(other.body.works).toMatchObject([{ id: `${SEED_ID}-2`, status: 'imported' }]);
    // The same file again, and the same bytes under another name, are the same source.
    expect((await upload('shahumyan.txt', seedText)).body.works).toMatchObject([{ id: SEED_ID, status: 'unchanged' }]);
    expect((await upload('renamed.txt', seedText)).body.works).toMatchObject([{ id: SEED_ID, status: 'unchanged' }]);
    // A new version of a file under its own name updates its own work.
    expect((await upload('another-copy.txt', variantText(2))).body.works).toMatchObject([{ id: `${SEED_ID}-2`, status: 'updated' }]);
    // Two new sources in one multipart upload: "-3" and "-4".
    const form = new FormData();
    form.append('file', new File([variantText(3)], 'third.txt', { type: 'text/plain' }));
    form.append('file', new File([variantText(4)], 'fourth.txt', { type: 'text/plain' }));
    const both = await f.app.request('/api/works', { method: 'POST', body: form, headers: bearer(f.editor) });
    expect(((await both.json()) as { works: { id: string }[] }).works.map((w) => w.id)).toEqual([`${SEED_ID}-3`, `${SEED_ID}-4`]);
    expect((await f.archive.store.getWork(`${SEED_ID}-2`))?.provenance.file).toBe('another-copy.txt');
    expect((await f.archive.store.getWork(SEED_ID))?.provenance.file).toBe('shahumyan.txt');
  });
});
