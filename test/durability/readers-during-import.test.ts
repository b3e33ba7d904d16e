// HTTP readers during a large import (another process writing the same archive) never see a
// half-written work and never get a 5xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve as nodeServe } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { serve } from '../../src/web/serve.js';
import { authFor } from '../../src/archive/tokens.js';
import { apiWorkRoutes } from '../../src/web/routes/api-works.js';
import { historyRoutes } from '../../src/web/routes/history.js';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { dropSchema, testSchema } from '../support/pg.js';
import { ON_POSTGRES, ON_SQLITE } from '../support/backends.js';
import type { Store } from '../../src/store/store.js';
import { Work } from '../../src/model/work.js';
import { writeBatch } from './batch.js';
import { content, expectedWorks, octavo } from './support.js';

/** Each test aims at well under 60 s; the margin is for CI machines busy with other test files. */
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'octavo-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The API and history routes on their own port (the reading app does not mount them itself). */
function serveApi(store: Store): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new Hono().route('/api', apiWorkRoutes(store, authFor(store))).route('/works', historyRoutes(store, authFor(store)));
  return new Promise((resolve) => {
    const server = nodeServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

interface Tally {
  requests: number;
  ok: number;
  missing: number;
  errors: string[];
}

/** Readers hammer random works' page, JSON export, API record and history until `stop` resolves. */
async function readUntil(
  stop: Promise<unknown>,
  site: string,
  api: string,
  expected: Map<string, string>,
  concurrency = 6,
): Promise<Tally> {
  const ids = [...expected.keys()];
  const tally: Tally = { requests: 0, ok: 0, missing: 0, errors: [] };
  let done = false;
  void stop.then(() => {
    done = true;
  });
  async function reader(k: number) {
    for (let i = k; !done; i++) {
      const id = ids[(i * 7919 + k * 104729) % ids.length]!;
      const kind = i % 5;
      const url = [`${site}/works/${id}`, `${site}/works/${id}.json`, `${api}/api/works/${id}`, `${site}/`, `${api}/works/${id}/history`][
        kind
      ]!;
      const res = await fetch(url).catch((e: Error) => ({ status: 599, text: async () => e.message }) as Response);
      tally.requests++;
      const body = await res.text();
      if (res.status >= 500) tally.errors.push(`${url}: ${res.status} ${body.slice(0, 200)}`);
      else if (res.status === 404 && kind !== 3) tally.missing++;
      else if (res.status !== 200) tally.errors.push(`${url}: unexpected ${res.status}`);
      else {
        tally.ok++;
        if (kind === 1 || kind === 2) {
          const parsed = Work.safeParse(JSON.parse(body));
          if (!parsed.success || content(parsed.data) !== expected.get(id)) tally.errors.push(`${url}: a partial or wrong work`);
        } else if (kind === 0 && !(body.includes('</html>') && body.includes('nationalist parties'))) {
          tally.errors.push(`${url}: a page without its full text`);
        } else if (kind === 4 && !(body.includes('</html>') && body.includes('created'))) {
          tally.errors.push(`${url}: a history page without its first revision`);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, k) => reader(k)));
  return tally;
}

describe('HTTP readers during a large import', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(s);
  });

  async function scenario(archive: Archive, db: string, batch: string, n: number) {
    const { store } = archive;
    const files = writeBatch(join(dir, batch), n);
    const expected = expectedWorks(files);
    const site = await serve(archive, { port: 0, hostname: '127.0.0.1' });
    const api = await serveApi(store);
    try {
      const child = octavo(['import', join(dir, batch), '--db', db]);
      const tally = await readUntil(child.exit, site.url, api.url, expected);
      const r = await child.exit;
      expect(r.code, r.stderr).toBe(0);
      expect(tally.errors.slice(0, 10)).toEqual([]);
      // The readers ran during the import: they saw works both before and after they arrived.
      expect(tally.ok).toBeGreaterThan(100);
      expect(tally.missing).toBeGreaterThan(0);
      expect(await store.countWorks()).toBe(n);
      return tally;
    } finally {
      await site.close();
      await api.close();
    }
  }

  it.runIf(ON_SQLITE)(
    'SQLite: one process importing, this one serving',
    async () => {
      const db = join(dir, 'readers.db');
      const store = await openArchive(db);
      const t = await scenario(store, db, 'sqlite-batch', 1200);
      await store.close();
      expect(t.requests).toBeGreaterThan(200);
    },
    SLOW,
  );

  it.runIf(ON_POSTGRES)(
    'PostgreSQL: one process importing, this one serving',
    async () => {
      const { schema, url } = testSchema('readers');
      schemas.push(schema);
      const store = await openArchive(url);
      await scenario(store, url, 'pg-batch', 300);
      await store.close();
    },
    SLOW,
  );
});
