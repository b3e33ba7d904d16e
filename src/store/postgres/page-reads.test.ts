// What a work page reads from PostgreSQL: the statements it sends and the bytes they bring back. A
// letter in a 30-letter volume between the same two people lists the volume (contents, neighbours) and
// the correspondence; those listings read the works' stored summaries, never their texts.
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/open.js';
import type { Work } from '../../model/work.js';
import { createApp } from '../../web/app.js';
import { dropSchema, testSchema } from '../../../test/support/pg.js';
import { seedWork } from '../../../test/support/seed.js';
import type { PostgresStore } from './index.js';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

describe('a work page on PostgreSQL', () => {
  it('sends a bounded number of statements and reads listed works as summaries', async () => {
    const { schema, url } = testSchema('page');
    schemas.push(schema);
    const archive = await openArchive(url);
    const seed = seedWork();
    const text = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const letters: Work[] = Array.from({ length: 30 }, (_, i) => ({
      ...structuredClone(seed),
      id: `v/letter-${String(i).padStart(2, '0')}`,
      title: `Letter ${i}`,
      body: [para(text)],
      collections: [{ path: ['v'], titles: ['Volume'], position: i + 1 }],
    }));
    await archive.store.upsertWorks(letters);
    await archive.store.upsertCollection({
      path: ['v'],
      title: 'Volume',
      members: letters.map((w) => ({ title: w.title, workId: w.id })),
      provenance: { file: 'v/index.html', format: 'html', importer: 'test', checksum: 'v' },
    });
    const pool = (archive.store as PostgresStore).pool;
    const sent: { text: string; bytes: number }[] = [];
    const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<{ rows?: Record<string, unknown>[] }>;
    (pool as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
      const res = await query(...args);
      const rows = res?.rows ?? [];
      const bytes = rows.reduce((n, r) => n + Object.values(r).reduce<number>((m, v) => m + (typeof v === 'string' ? v.length : 8), 0), 0);
      sent.push({ text: typeof args[0] === 'string' ? args[0] : String((args[0] as { text: string }).text), bytes });
      return res;
    };
    const app = createApp(archive);
    const page = await app.request('/works/v/letter-10');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Letter 9');
    expect(html).toContain('Letter 11');
    const own = JSON.stringify(letters[10]).length;
    // The page's own work (read for itself and for its record) and the volume's record; each listing
    // of the 30 letters (contents, the volume, the correspondence both ways) as summaries.
    const total = sent.reduce((n, s) => n + s.bytes, 0);
    expect(sent.length).toBeLessThanOrEqual(15);
    expect(total).toBeLessThan(2 * own + 30 * 4 * 1000);
    await archive.close();
  });
});
