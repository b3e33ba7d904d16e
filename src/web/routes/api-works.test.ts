// The write API and the history page through app.request(), over both stores.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { Hono } from 'hono';
import { openArchive } from '../../archive/open.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/index.js';
import { openPostgresStore } from '../../store/postgres/index.js';
import { dropSchema, testSchema } from '../../../test/support/pg.js';
import { onBackend, ON_POSTGRES } from '../../../test/support/backends.js';
import type { Store } from '../../store/store.js';
import type { Work } from '../../model/work.js';
import { authFor, createToken } from '../../archive/tokens.js';
import { apiWorkRoutes } from './api-works.js';
import { historyRoutes } from './history.js';
import { SEED_ID, SEED_PATH, seedWork } from '../../../test/support/seed.js';
import { variantText } from '../../../test/durability/batch.js';

const dir = mkdtempSync(join(tmpdir(), 'octavo-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pg = testSchema('api');
afterAll(async () => {
  if (ON_POSTGRES) await dropSchema(pg.schema);
});

const backends = (
  [
    ['sqlite', () => openSqliteStore(join(dir, 'api.db'))],
    ['postgres', () => openPostgresStore(pg.url)],
  ] as const satisfies readonly [string, () => Promise<Store>][]
).filter(([name]) => onBackend(name));

describe.each(backends)('write API over %s', (_name, open) => {
  let store: Store;
  let app: Hono;
  let editor: string;
  let reader: string;
  const seed = seedWork();
  const seedText = readFileSync(SEED_PATH, 'utf8');

  beforeAll(async () => {
    store = await open();
    await store.upsertWork(seed);
    editor = (await createToken(store.tokens!, 'ed-1', 'editor')).secret;
    reader = (await createToken(store.tokens!, 'viewer', 'reader')).secret;
    app = new Hono();
    app.route('/api', apiWorkRoutes(store, authFor(store), { limits: { maxBodyBytes: 200_000 } }));
    app.route('/works', historyRoutes(store, authFor(store)));
  });
  afterAll(async () => {
    await store.close();
  });

  const send = (method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}, token: string | null = editor) =>
    app.request(path, { method, body, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  const json = (w: unknown) => JSON.stringify(w);
  const JSON_TYPE = { 'Content-Type': 'application/json' };

  it('reads are public; writes need a valid token (401) with the editor role (403)', async () => {
    const got = await app.request(`/api/works/${SEED_ID}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(seed);
    expect(got.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(got.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const none = await send('PUT', `/api/works/${SEED_ID}`, json(seed), JSON_TYPE, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await send('PUT', `/api/works/${SEED_ID}`, json(seed), JSON_TYPE, 'oct_not-a-real-token-at-all')).status).toBe(401);
    expect((await send('DELETE', `/api/works/${SEED_ID}`, undefined, {}, reader)).status).toBe(403);
    expect((await send('POST', '/api/works', json(seed), JSON_TYPE, reader)).status).toBe(403);
    expect((await store.listRevisions!(SEED_ID)).length).toBe(1);
  });

  it('creates from Work JSON, a source body and a multipart upload, each a revision by the token with its message', async () => {
    const w: Work = { ...structuredClone(seed), id: 'api/json-letter', title: 'Posted as JSON' };
    const r1 = await send('POST', '/api/works', json({ work: w, message: 'first draft' }), JSON_TYPE);
    expect(r1.status).toBe(201);
    expect(r1.headers.get('Location')).toBe('/api/works/api/json-letter');
    expect(await store.getRevision!('api/json-letter', 1)).toMatchObject({ author: 'ed-1', message: 'first draft', work: w });

    const r2 = await send('POST', '/api/works', variantText(seedText, 40), {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Octavo-Message': encodeURIComponent('Letter № 41 – typed in'),
    });
    expect(r2.status).toBe(201);
    const body2 = (await r2.json()) as { works: { id: string; status: string; revision: number }[] };
    expect(body2.works).toEqual([{ id: 'lenin/1900/02/13-shahumyan', status: 'imported', revision: 1 }]);
    expect((await store.listRevisions!('lenin/1900/02/13-shahumyan'))[0]).toMatchObject({
      author: 'ed-1',
      message: 'Letter № 41 – typed in',
    });

    const form = new FormData();
    form.append('file', new File([variantText(seedText, 41)], 'a.txt', { type: 'text/plain' }));
    form.append('file', new File([variantText(seedText, 42)], '../../etc/b.txt', { type: 'text/plain' }));
    form.append('message', 'two uploads');
    const r3 = await send('POST', '/api/works', form);
    expect(r3.status).toBe(201);
    const ids = ((await r3.json()) as { works: { id: string }[] }).works.map((x) => x.id);
    expect(ids).toEqual(['lenin/1900/02/14-shahumyan', 'lenin/1900/02/15-shahumyan']);
    expect((await store.getWork(ids[1]!))?.provenance.file).toBe('b.txt');
  });

  it('refuses bad input with located reasons: bad JSON 400, invalid Work 422, unknown type 415, junk source 422, too large 413', async () => {
    expect((await send('POST', '/api/works', '{"id":', JSON_TYPE)).status).toBe(400);
    const bad = await send('POST', '/api/works', json({ ...seed, id: 'Not A Slug', kind: 'novel' }), JSON_TYPE);
    expect(bad.status).toBe(422);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['id', 'kind']));
    expect((await send('POST', '/api/works', 'x', { 'Content-Type': 'image/png' })).status).toBe(415);
    const junk = await send('POST', '/api/works', 'just some words\nand more words\n', {
      'Content-Type': 'text/plain',
      'X-Octavo-Filename': 'junk.txt',
    });
    expect(junk.status).toBe(422);
    const d = ((await junk.json()) as { diagnostics: { file: string; line?: number }[] }).diagnostics[0]!;
    expect(d.file).toBe('junk.txt');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect((await send('POST', '/api/works', 'x'.repeat(300_000), { 'Content-Type': 'text/plain' })).status).toBe(413);
  });

  it('updates with PUT, deletes, lists revisions and restores an old one (also undeleting)', async () => {
    const id = 'api/json-letter';
    const base = (await store.getWork(id))!;
    const put = await send('PUT', `/api/works/${id}`, json({ ...base, title: 'Posted as JSON, corrected' }), {
      ...JSON_TYPE,
      'X-Octavo-Message': 'fix title',
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id, status: 'updated', revision: 2 });
    const same = await send('PUT', `/api/works/${id}`, json({ ...base, title: 'Posted as JSON, corrected' }), JSON_TYPE);
    expect(await same.json()).toMatchObject({ status: 'unchanged', revision: 2 });
    expect((await send('PUT', `/api/works/${id}`, json({ ...base, id: 'other/id' }), JSON_TYPE)).status).toBe(400);
    // A source file PUT keeps the URL's id.
    const src = await send('PUT', `/api/works/${id}`, variantText(seedText, 7), { 'Content-Type': 'text/plain' });
    expect(await src.json()).toMatchObject({ id, status: 'updated', revision: 3 });

    expect((await send('DELETE', `/api/works/${id}?message=gone`)).status).toBe(200);
    // A deleted work is gone, not unknown: 410 with the time of its deletion.
    const gone = await app.request(`/api/works/${id}`);
    expect(gone.status).toBe(410);
    const deletedAt = ((await gone.json()) as { error: string; deletedAt: string }).deletedAt;
    expect(deletedAt).toBe((await store.listRevisions!(id)).at(-1)!.at);
    expect((await send('DELETE', `/api/works/${id}`)).status).toBe(410);
    expect((await app.request('/api/works/api/never-was')).status).toBe(404);
    const revs = (await (await app.request(`/api/works/${id}/revisions`)).json()) as {
      revisions: { n: number; deleted: boolean; message?: string; author?: string }[];
    };
    expect(revs.revisions.map((r) => [r.n, r.deleted, r.message ?? null])).toEqual([
      [1, false, 'first draft'],
      [2, false, 'fix title'],
      [3, false, null],
      [4, true, 'gone'],
    ]);
    expect((await send('POST', `/api/works/${id}/restore`, json({ revision: 4 }), JSON_TYPE)).status).toBe(409);
    expect((await send('POST', `/api/works/${id}/restore`, json({ revision: 9 }), JSON_TYPE)).status).toBe(404);
    const restored = await send('POST', `/api/works/${id}/restore`, json({ revision: 2 }), JSON_TYPE);
    expect(await restored.json()).toEqual({ id, status: 'imported', revision: 5 });
    expect((await store.getWork(id))?.title).toBe('Posted as JSON, corrected');
    expect(await store.getRevision!(id, 5)).toMatchObject({ author: 'ed-1', message: 'restore revision 2' });
    const one = await app.request(`/api/works/${id}/revisions/1`);
    expect(((await one.json()) as { work: Work }).work.title).toBe('Posted as JSON');
  });

  it('shows the history with a readable diff, escaping imported markup', async () => {
    const id = 'api/script-title';
    const w: Work = { ...structuredClone(seed), id, title: 'Plain title' };
    await send('POST', '/api/works', json(w), JSON_TYPE);
    const evil = {
      ...w,
      title: '<script>alert(1)</script>',
      body: [
        ...w.body.slice(0, 1),
        {
          type: 'paragraph' as const,
          content: [{ type: 'text' as const, text: 'Many thanks for your <img src=x onerror=alert(1)> letter.' }],
        },
        ...w.body.slice(2),
      ],
    };
    await send('PUT', `/api/works/${id}`, json(evil), { ...JSON_TYPE, 'X-Octavo-Message': 'vandalism' });
    const res = await app.request(`/works/${id}/history`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    const $ = load(html);
    expect($('tbody tr').length).toBeGreaterThanOrEqual(2);
    expect($('td').text()).toContain('vandalism');
    expect(
      $('.field-diff th[scope=row]')
        .map((_, e) => $(e).text())
        .get(),
    ).toContain('title');
    expect($('.field-diff ins').text()).toContain('<script>alert(1)</script>');
    expect($('pre.diff .diff-del').text()).toContain('We are delighted');
    expect($('pre.diff .diff-del del').first().text()).toBe('Plain title');
    expect($('pre.diff ins').text()).toContain('onerror');
    expect($('pre.diff .diff-skip').length).toBeGreaterThan(0);
    expect($('script:not([src])').length).toBe(0);
    expect((await app.request('/works/no/such/work/history')).status).toBe(404);
  });

  it('restores from the history page with an editor token in the form, and refuses others', async () => {
    const id = 'api/script-title';
    const post = (fields: Record<string, string>) =>
      app.request(`/works/${id}/history/restore`, { method: 'POST', body: new URLSearchParams(fields) });
    expect((await post({ n: '1', token: 'wrong' })).status).toBe(401);
    expect((await post({ n: '1', token: reader })).status).toBe(403);
    const ok = await post({ n: '1', token: editor, message: 'revert vandalism' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe(`/works/${id}/history?restored=1`);
    expect((await store.getWork(id))?.title).toBe('Plain title');
    expect((await store.listRevisions!(id)).at(-1)).toMatchObject({ author: 'ed-1', message: 'revert vandalism' });
  });

  it('limits the rate of writes per token with 429 and Retry-After', async () => {
    const tiny = new Hono().route('/api', apiWorkRoutes(store, authFor(store), { limits: { writesPerMinute: 1, writeBurst: 2 } }));
    const del = () => tiny.request('/api/works/none/such', { method: 'DELETE', headers: { Authorization: `Bearer ${editor}` } });
    expect((await del()).status).toBe(404);
    expect((await del()).status).toBe(404);
    const third = await del();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('mounted beside the reading app', () => {
  it('reaches the history page and the API while the work pages keep their own paths', async () => {
    const { createApp } = await import('../app.js');
    const archive = await openArchive(join(dir, 'mounted.db'));
    const { store } = archive;
    await store.upsertWork(seedWork(), { message: 'imported' });
    const { searchRoutes } = await import('./search.js');
    const app = new Hono();
    app.route('/api', apiWorkRoutes(store, authFor(store)));
    app.route('/works', historyRoutes(store, authFor(store)));
    app.route('/', searchRoutes(archive.search));
    app.route('/', createApp(archive));
    // The API's routes do not shadow other /api routes mounted after them.
    expect((await app.request('/api/search?q=diplomacy')).status).toBe(200);
    expect((await app.request(`/works/${SEED_ID}/history`)).status).toBe(200);
    expect(await (await app.request(`/works/${SEED_ID}/history`)).text()).toContain('History of');
    expect((await app.request(`/works/${SEED_ID}`)).status).toBe(200);
    expect((await app.request(`/api/works/${SEED_ID}/revisions/1`)).status).toBe(200);
    expect((await app.request(`/works/${SEED_ID}.json`)).headers.get('Content-Type')).toContain('application/json');
    await store.close();
  });
});
