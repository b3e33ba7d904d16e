// Where reads go, with stand-in pools (the real thing, against a primary and two standbys the test
// starts: test/store/postgres-replicas.test.ts).
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseLsn, ReadRouter } from './replicas.js';

/** A pool that answers the replay-position query with `lsn()` and every other query with its name, or fails. */
function fakePool(name: string, lsn: () => string, fail?: () => Error | undefined) {
  return {
    name,
    query: async (sql: string) => {
      const e = fail?.();
      if (e) throw e;
      return { rows: [sql.includes('pg_last_wal_replay_lsn') ? { lsn: lsn() } : { name }] };
    },
    end: async () => {},
  } as unknown as pg.Pool;
}
const who = async (db: pg.Pool) => ((await db.query('SELECT name')) as unknown as { rows: { name: string }[] }).rows[0]!.name;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('read routing', () => {
  it('orders WAL positions as PostgreSQL does', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn(null)).toBe(0n);
  });

  it('takes turns among caught-up replicas, and reads from the primary until they have replayed this process’s write', async () => {
    let replayed = '0/100';
    const router = new ReadRouter(
      fakePool('primary', () => '0/0'),
      [fakePool('a', () => replayed), fakePool('b', () => replayed)],
    );
    await router.refreshAll();
    expect(await Promise.all([1, 2, 3, 4].map(() => router.read(who)))).toEqual(['a', 'b', 'a', 'b']);
    await router.committed('0/200');
    expect(await router.read(who)).toBe('primary');
    await settle();
    expect(await router.read(who)).toBe('primary'); // asked again: still at 0/100
    replayed = '0/200';
    await settle();
    await router.read(who); // asks again
    await settle();
    expect(await router.read(who)).not.toBe('primary');
    expect(router.served[0]).toBeGreaterThanOrEqual(2);
  });

  it('a sibling process’s write position counts like its own, and listeners hear only its own', async () => {
    const heard: string[] = [];
    const router = new ReadRouter(
      fakePool('primary', () => '0/0'),
      [fakePool('a', () => '0/10')],
    );
    router.onWrite((p) => void heard.push(p));
    await router.refreshAll();
    expect(await router.read(who)).toBe('a');
    router.wrote('0/20');
    expect(await router.read(who)).toBe('primary');
    await router.committed('0/30');
    expect(heard).toEqual(['0/30']);
  });

  it('a replica that cannot be reached is left out and the primary answers; a query’s own error is thrown', async () => {
    let down = true;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
    const router = new ReadRouter(
      fakePool('primary', () => '0/0'),
      [
        fakePool(
          'a',
          () => '0/0',
          () => (down ? refused : undefined),
        ),
        fakePool('b', () => '0/0'),
      ],
    );
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await router.read(who));
    expect(names).toEqual(['primary', 'b', 'b', 'b']);
    down = false;
    const bad = Object.assign(new Error('syntax error'), { code: '42601' });
    const failing = new ReadRouter(
      fakePool('primary', () => '0/0'),
      [
        fakePool(
          'a',
          () => '0/0',
          () => bad,
        ),
      ],
    );
    await expect(failing.read(who)).rejects.toThrow('syntax error');
    expect(failing.served[0]).toBe(0);
  });
});
