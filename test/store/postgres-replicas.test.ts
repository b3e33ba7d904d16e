// Scale out on PostgreSQL: a primary this test starts (wal_level=replica) and two streaming replicas
// made from it with pg_basebackup -R. An archive opened with `replicas` reads from them in turn (seen
// in their pg_stat_activity and in what they answer while their replay is paused), writes to the
// primary, reads its own writes at once (the API's GET after PUT included), and falls back to the
// primary when a replica is down. `octavo serve --replica` does the same as a process.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { createToken } from '../../src/archive/tokens.js';
import type { PostgresStore } from '../../src/store/postgres/index.js';
import { createApp } from '../../src/web/app.js';
import { ON_POSTGRES } from '../support/backends.js';
import { type Cluster, serverBin, startCluster, startStandby } from '../support/pg-cluster.js';
import { seedWork } from '../support/seed.js';
import { octavo, sleep } from '../durability/support.js';

const BIN = serverBin();
const MISSING =
  "PostgreSQL replica tests skipped: the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) are not installed; install Debian's postgresql package (`node scripts/test-tools.mjs` does it in CI)";
if (ON_POSTGRES && BIN === undefined) console.warn(MISSING);

const seed = seedWork();
const work = (id: string, title: string) => ({ ...seed, id, title });

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** `octavo serve …args` on a free port; resolves with its address and what it said on stderr once it listens. */
async function serving(args: string[]) {
  const child = octavo(['serve', ...args, '--port', '0']);
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/[^\s)]+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    void child.exit.then((r) => reject(new Error(`octavo serve stopped: ${r.stderr}`)));
  });
  const stop = async () => {
    child.proc.kill('SIGTERM');
    await child.exit;
  };
  return { url, said: () => err, stop };
}

/** A GET on a connection of its own (so `--workers` processes take turns answering): status and body. */
function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Wait until `check` holds (polled), or fail saying what was awaited. */
async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe.runIf(ON_POSTGRES && BIN !== undefined)('PostgreSQL read replicas', () => {
  let primary: Cluster;
  let replicas: Cluster[] = [];
  let archive: Archive;
  /** Another process writing to the primary only (the archive's own writes would send its reads there). */
  let other: Archive;
  const store = () => archive.store as PostgresStore;
  /** Reads served so far: [primary, replica 1, replica 2]. */
  const served = () => [...store().reads.served];

  beforeAll(async () => {
    primary = await startCluster({
      settings: ['wal_level=replica', 'max_wal_senders=10', 'hot_standby=on'],
      hba: ['host replication postgres 127.0.0.1/32 trust'],
    });
    // The schema exists before the copies are made; later migrations reach them by replay.
    await (await openArchive(primary.url)).close();
    replicas = [await startStandby(primary), await startStandby(primary)];
    archive = await openArchive(primary.url, { replicas: replicas.map((r) => r.url) });
    other = await openArchive(primary.url);
  }, 180_000);

  afterAll(async () => {
    await archive?.close();
    await other?.close();
    for (const r of replicas) r.stop();
    primary?.stop();
  });

  /** Both replicas have replayed everything the primary holds now. */
  async function replayed(): Promise<void> {
    const lsn = (await sql<{ lsn: string }>(primary.url, 'SELECT pg_current_wal_insert_lsn()::text AS lsn'))[0]!.lsn;
    for (const r of replicas) {
      await until('a replica replays the primary', async () => {
        const [row] = await sql<{ ok: boolean }>(r.url, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`);
        return row!.ok;
      });
    }
  }

  it('the replicas are standbys, and a primary given as a replica is refused', async () => {
    for (const r of replicas) expect((await sql<{ r: boolean }>(r.url, 'SELECT pg_is_in_recovery() AS r'))[0]!.r).toBe(true);
    await expect(openArchive(primary.url, { replicas: [primary.url] })).rejects.toThrow(
      /is not a replica \(pg_is_in_recovery\(\) is false\)/,
    );
  });

  it('reads go to the replicas in turn, seen on their pg_stat_activity, once they have replayed the writes', async () => {
    await other.store.upsertWork(work('replica/early', 'Written before'));
    await replayed();
    const before = served();
    // Reads go to the replicas once they are known to have replayed this process's last write (the
    // opening's); their positions are asked in the background.
    await until('reads reach both replicas', async () => {
      expect(await archive.store.getWork('replica/early')).toBeDefined();
      const now = served();
      return now[1]! > before[1]! && now[2]! > before[2]!;
    });
    const mid = served();
    for (let i = 0; i < 10; i++) await archive.store.getWork('replica/early');
    const after = served();
    expect(after[0]).toBe(mid[0]); // none on the primary
    expect(after[1]! - mid[1]!).toBe(5); // round-robin
    expect(after[2]! - mid[2]!).toBe(5);
    for (const r of replicas) {
      const rows = await sql<{ n: string }>(
        r.url,
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'octavo replica reads' AND datname = 'test'",
      );
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    }
    const onPrimary = await sql<{ n: string }>(
      primary.url,
      "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'octavo replica reads'",
    );
    expect(Number(onPrimary[0]!.n)).toBe(0);
  });

  it('a replica that has not replayed a write of another process does not have it yet; search reads the replica too', async () => {
    for (const r of replicas) await sql(r.url, 'SELECT pg_wal_replay_pause()');
    try {
      await other.store.upsertWork(work('replica/unseen', 'Zwieback unseen on the replicas'));
      // The primary has it; the replicas (paused) do not, and this archive reads them.
      expect(await other.store.getWork('replica/unseen')).toBeDefined();
      const before = served();
      expect(await archive.store.getWork('replica/unseen')).toBeUndefined();
      const hits = await archive.search.search({ q: 'Zwieback' });
      expect(hits.total).toBe(0);
      expect(served()[0]).toBe(before[0]);
    } finally {
      for (const r of replicas) await sql(r.url, 'SELECT pg_wal_replay_resume()');
    }
    await replayed();
    await until('the replicas serve the replayed work', async () => Boolean(await archive.store.getWork('replica/unseen')));
    expect((await archive.search.search({ q: 'Zwieback' })).total).toBe(1);
  });

  it('reads its own writes at once while the replicas lag: the store, search and the API GET after PUT', async () => {
    for (const r of replicas) await sql(r.url, 'SELECT pg_wal_replay_pause()');
    try {
      expect(await archive.store.upsertWork(work('replica/mine', 'Quittengelee of my own'))).toBe('imported');
      expect((await archive.store.getWork('replica/mine'))?.title).toBe('Quittengelee of my own');
      expect((await archive.search.search({ q: 'Quittengelee' })).total).toBe(1);

      const app = createApp(archive);
      const { secret } = await createToken(archive.store.tokens!, 'replica-editor', 'editor');
      const put = await app.request('/api/works/replica/mine', {
        method: 'PUT',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ work: work('replica/mine', 'Quittengelee, retitled'), message: 'retitled' }),
      });
      expect(put.status, await put.clone().text()).toBeLessThan(300);
      const got = await app.request('/api/works/replica/mine');
      expect(got.status).toBe(200);
      expect(((await got.json()) as { title: string }).title).toBe('Quittengelee, retitled');
      // The replicas still lack it: those reads came from the primary.
      for (const r of replicas) expect(await sql(r.url, "SELECT 1 FROM works WHERE id = 'replica/mine'")).toEqual([]);
    } finally {
      for (const r of replicas) await sql(r.url, 'SELECT pg_wal_replay_resume()');
    }
    // Once they have replayed it, reads go back to the replicas.
    await replayed();
    const before = served();
    await until('reads return to the replicas', async () => {
      await archive.store.getWork('replica/mine');
      return served()[1]! + served()[2]! > before[1]! + before[2]!;
    });
  });

  it('octavo serve --replica serves from the replicas, and reads its own API writes', async () => {
    const secret = (await createToken(archive.store.tokens!, 'serve-editor', 'editor')).secret;
    const { url, said, stop } = await serving(['--db', primary.url, '--replica', replicas[0]!.url, '--replica', replicas[1]!.url]);
    try {
      expect(said()).toContain('(reads from 2 replicas)');
      expect((await fetch(`${url}/works/replica/early`)).status).toBe(200);
      const put = await fetch(`${url}/api/works/replica/served`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(work('replica/served', 'Put through the server')),
      });
      expect(put.status).toBeLessThan(300);
      const got = await fetch(`${url}/api/works/replica/served`);
      expect(got.status).toBe(200);
      const rows = await sql<{ n: string }>(
        replicas[0]!.url,
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'octavo replica reads'",
      );
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it('octavo serve --workers 2 --replica: a write through one worker is read back whichever worker answers (each request on its own connection)', async () => {
    const secret = (await createToken(archive.store.tokens!, 'workers-editor', 'editor')).secret;
    const { url, said, stop } = await serving(['--db', primary.url, '--replica', replicas[0]!.url, '--workers', '2']);
    try {
      expect(said()).toContain('(2 worker processes, reading from 1 replica)');
      // Both workers read the replica (its replay paused): without the shared position, one of them would not have the work.
      await sql(replicas[0]!.url, 'SELECT pg_wal_replay_pause()');
      for (let i = 0; i < 3; i++) {
        const id = `replica/workers-${i}`;
        const put = await fetch(`${url}/api/works/${id}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Connection: 'close' },
          body: JSON.stringify(work(id, `Written through a worker (${i})`)),
        });
        expect(put.status).toBeLessThan(300);
        for (let k = 0; k < 6; k++) {
          const got = await getFresh(`${url}/api/works/${id}`);
          expect(got.status, `read ${k} after write ${i}`).toBe(200);
          expect((JSON.parse(got.body) as { title: string }).title).toBe(`Written through a worker (${i})`);
        }
      }
    } finally {
      await sql(replicas[0]!.url, 'SELECT pg_wal_replay_resume()');
      await stop();
    }
  });

  it('falls back to the primary when a replica is down', async () => {
    replicas[1]!.stop();
    const before = served();
    for (let i = 0; i < 6; i++) expect(await archive.store.getWork('replica/early')).toBeDefined();
    expect((await archive.search.search({ q: 'Zwieback' })).total).toBe(1);
    const after = served();
    expect(after[2]).toBe(before[2]); // the stopped one served nothing
    expect(after[0]! + after[1]! - before[0]! - before[1]!).toBeGreaterThanOrEqual(6);
  });
});
