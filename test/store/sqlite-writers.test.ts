// Writers that wait their turn: two `octavo import` processes, each storing a CMIF register of
// thousands of letters, and a server taking API writes, all on one SQLite file at the same time. None
// fails with "database is locked"; every work lands. And when another writer holds the lock for
// longer than a writer will wait, the error names the archive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { seedWork } from '../support/seed.js';
import { octavo, sleep } from '../durability/support.js';
import { ON_SQLITE } from '../support/backends.js';

const SLOW = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'octavo-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CMIF register of `n` letters with ids of their own ("<edition>/letter-<i>" from their URLs). */
function cmifRegister(edition: string, n: number): string {
  const letters: string[] = [];
  for (let i = 0; i < n; i++) {
    const y = 1850 + (i % 40);
    const m = String((i % 12) + 1).padStart(2, '0');
    const d = String((i % 28) + 1).padStart(2, '0');
    letters.push(`<correspDesc ref="https://${edition}.example.org/letters/letter-${i}.html" source="#ed">
  <correspAction type="sent"><persName ref="https://d-nb.info/gnd/118757393">Leo Thun-Hohenstein</persName><placeName ref="https://www.geonames.org/2761369">Wien</placeName><date when="${y}-${m}-${d}">${d}.${m}.${y}</date></correspAction>
  <correspAction type="received"><persName ref="https://d-nb.info/gnd/118651455">Alexander Bach</persName></correspAction>
</correspDesc>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Correspondence Metadata Interchange Format: ${edition}</title></titleStmt>
<publicationStmt><publisher>Octavo tests</publisher><date when="2026-01-01"/>
<availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC-BY 4.0</licence></availability></publicationStmt>
<sourceDesc><bibl xml:id="ed" type="online">Edition ${edition}</bibl></sourceDesc></fileDesc>
<profileDesc>
${letters.join('\n')}
</profileDesc></teiHeader><text><body><p/></body></text></TEI>
`;
}

/** `octavo serve` on a free port; resolves with its address once it listens. */
async function startServer(db: string) {
  const child = octavo(['serve', '--db', db, '--port', '0']);
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    void child.exit.then((r) => reject(new Error(`octavo serve stopped: ${r.stderr}`)));
  });
  return { url, child };
}

describe.runIf(ON_SQLITE)('SQLite: writers of several processes take turns', () => {
  it(
    'two large CMIF imports and API writes on one file all succeed, and the archive holds every work',
    async () => {
      const N = 3000;
      const db = join(dir, 'shared.db');
      const a = join(dir, 'alpha-cmif.xml');
      const b = join(dir, 'beta-cmif.xml');
      writeFileSync(a, cmifRegister('alpha', N));
      writeFileSync(b, cmifRegister('beta', N));

      const token = await octavo(['token', 'create', '--role', 'editor', '--name', 'writer', '--db', db]).exit;
      expect(token.code, token.stderr).toBe(0);
      const secret = token.stdout.trim();
      const server = await startServer(db);
      try {
        const imports = [octavo(['import', a, '--db', db, '--json']), octavo(['import', b, '--db', db, '--json'])];
        let importing = true;
        const finished = Promise.all(imports.map((c) => c.exit)).finally(() => {
          importing = false;
        });

        // API writes for as long as the imports run (and at least a few), each a new work.
        const seed = seedWork();
        const written: string[] = [];
        const failures: string[] = [];
        const latencies: number[] = [];
        for (let i = 0; i < 50 && (importing || i < 5); i++) {
          const work = { ...seed, id: `api/letter-${i}`, title: `${seed.title} (${i})` };
          const t0 = Date.now();
          const res = await fetch(`${server.url}/api/works`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ work, message: `write ${i}` }),
          });
          latencies.push(Date.now() - t0);
          if (res.status >= 200 && res.status < 300) written.push(work.id);
          else failures.push(`${res.status} ${(await res.text()).slice(0, 300)}`);
          await sleep(100);
        }
        const results = await finished;
        expect(failures).toEqual([]);
        for (const r of results) {
          expect(r.stderr).not.toMatch(/locked|SQLITE_BUSY/i);
          expect(r.code, r.stderr).toBe(0);
          const out = JSON.parse(r.stdout) as { failed: unknown[]; counts: { worksImported: number } };
          expect(out.failed).toEqual([]);
          expect(out.counts.worksImported).toBe(N);
        }

        const store = await openSqliteStore(db, { readonly: true });
        try {
          expect(await store.countWorks()).toBe(2 * N + written.length);
          for (const id of ['alpha/letter-0', `alpha/letter-${N - 1}`, 'beta/letter-0', `beta/letter-${N - 1}`, ...written]) {
            expect(await store.getWork(id), id).toBeDefined();
          }
        } finally {
          await store.close();
        }
        expect(written.length).toBeGreaterThanOrEqual(5);
        const slowest = Math.max(...latencies);
        // A write waits for a batch of 500 works at most, not for a whole file.
        expect(slowest).toBeLessThan(15_000);
      } finally {
        server.child.proc.kill('SIGTERM');
      }
      const stopped = await server.child.exit;
      expect(stopped.code, stopped.stderr).toBe(0);
    },
    SLOW,
  );

  it('a writer kept waiting past its bound fails with a message naming the archive, not "database is locked"', async () => {
    const db = join(dir, 'held.db');
    const holder = await openSqliteStore(db);
    const waiter = await openSqliteStore(db, { busyWaitMs: 600 });
    try {
      holder.db.exec('BEGIN IMMEDIATE');
      const t0 = Date.now();
      await expect(waiter.upsertWork(seedWork())).rejects.toThrow(`the archive ${db} is busy: another process is writing; tried for 1 s`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
      holder.db.exec('COMMIT');
      // Once the lock is free, the same write goes through.
      expect(await waiter.upsertWork(seedWork())).toBe('imported');
    } finally {
      if (holder.db.inTransaction) holder.db.exec('ROLLBACK');
      await waiter.close();
      await holder.close();
    }
  });

  it('a writer waits for the lock rather than failing, while the server process goes on', async () => {
    const db = join(dir, 'wait.db');
    const holder = await openSqliteStore(db);
    const waiter = await openSqliteStore(db);
    try {
      holder.db.exec('BEGIN IMMEDIATE');
      const pending = waiter.upsertWork(seedWork());
      // The wait does not block this process: timers still fire while the write waits its turn.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 20);
      await sleep(600);
      clearInterval(timer);
      expect(ticks).toBeGreaterThanOrEqual(10);
      holder.db.exec('COMMIT');
      expect(await pending).toBe('imported');
    } finally {
      if (holder.db.inTransaction) holder.db.exec('ROLLBACK');
      await waiter.close();
      await holder.close();
    }
  });

  it('transactions others open on the connection begin IMMEDIATE too', async () => {
    const s = await openSqliteStore(join(dir, 'immediate.db'));
    try {
      // A deferred transaction would let a second connection take the write lock in between.
      const other = await openSqliteStore(join(dir, 'immediate.db'));
      let otherCouldWrite = true;
      s.db.transaction(() => {
        s.db.prepare('SELECT COUNT(*) FROM works').get();
        try {
          other.db.pragma('busy_timeout = 0');
          other.db.exec('BEGIN IMMEDIATE');
          other.db.exec('ROLLBACK');
        } catch {
          otherCouldWrite = false;
        }
      })();
      expect(otherCouldWrite).toBe(false);
      await other.close();
    } finally {
      await s.close();
    }
  });
});
