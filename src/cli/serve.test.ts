// `octavo serve` with worker processes: the primary brings the index up to date, the workers share
// one port, and they all stop together.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ID, seedWork } from '../../test/support/seed.js';
import { openArchive } from '../archive/open.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import { workerCount } from './serve.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'octavo-serve-'));
const archive = join(dir, 'archive.db');

beforeAll(async () => {
  const a = await openArchive(archive);
  await a.store.upsertWork(seedWork());
  // As if the archive had been made before its search texts were stored: the primary fills them.
  (a.store as SqliteStore).db.exec("DELETE FROM search_text; INSERT INTO search_pending VALUES ('texts')");
  await a.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('octavo serve --workers', () => {
  it('reads the number of workers from the option or OCTAVO_WORKERS, one by default', () => {
    const before = process.env.OCTAVO_WORKERS;
    delete process.env.OCTAVO_WORKERS;
    expect(workerCount({})).toBe(1);
    expect(workerCount({ workers: '3' })).toBe(3);
    expect(workerCount({ workers: 'x' })).toBe(1);
    process.env.OCTAVO_WORKERS = '2';
    expect(workerCount({})).toBe(2);
    if (before === undefined) delete process.env.OCTAVO_WORKERS;
    else process.env.OCTAVO_WORKERS = before;
  });

  it('serves from two processes on one port and stops them all', async () => {
    const proc = spawn(process.execPath, ['bin/octavo.js', 'serve', '--db', archive, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OCTAVO_WORKERS: '2' },
    });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /serving .* at (http:\/\/\S+) \(2 worker processes\)/.exec(err);
        if (m) resolve(m[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`exited (${code}): ${err}`)));
    });
    for (let i = 0; i < 12; i++) {
      // A new connection each time, so the primary hands them to either worker.
      const res = await fetch(`${url}/api/search?q=Shahumyan`, { headers: { Connection: 'close' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { hits: { id: string; snippets: unknown[] }[] };
      expect(body.hits.map((h) => h.id)).toContain(SEED_ID);
      expect(body.hits[0]!.snippets.length).toBeGreaterThan(0);
    }
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/api/search?q=Shahumyan`)).rejects.toThrow();
    const s = await openSqliteStore(archive);
    expect(s.db.prepare('SELECT COUNT(*) FROM search_text').pluck().get()).toBe(1);
    expect(s.db.prepare('SELECT COUNT(*) FROM search_pending').pluck().get()).toBe(0);
    await s.close();
  }, 30_000);
});
