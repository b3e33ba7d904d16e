// Spelling candidates the lexicon leaves out could never have been chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../archive/open.js';
import type { SqliteStore } from '../../store/sqlite/index.js';
import { closest, editDistance, maxEdits, nameDistance } from '../fuzzy.js';
import { testWorks } from '../test-support.js';
import { indexCache } from './cache.js';
import { letterGap, sqliteLexicon } from './lexicon.js';

describe('spelling candidates', () => {
  let archive: Archive;
  let store: SqliteStore;
  beforeAll(async () => {
    archive = await openArchive(':memory:');
    store = archive.store as SqliteStore;
    await store.upsertWorks(testWorks(120));
    await archive.search.search({ q: 'x' });
  });
  afterAll(async () => {
    await archive.close();
  });

  it('count the letters two words do not share', () => {
    expect(letterGap('shaumyan', 'shahumyan')).toBe(1);
    expect(letterGap('kautsky', 'kautski')).toBe(2);
    expect(letterGap('plekhanov', 'plechanov')).toBe(2);
    expect(letterGap('abc', 'cab')).toBe(0);
    expect(letterGap('', 'abc')).toBe(3);
  });

  it('are the closest words whichever distance is used, as if every word had been checked', () => {
    const db = store.db;
    const lex = sqliteLexicon(db, indexCache(db));
    const all = db.prepare('SELECT term FROM search_terms').pluck().all() as string[];
    const sample = all.filter((t, i) => i % 7 === 0 && maxEdits(t.length) > 0);
    expect(sample.length).toBeGreaterThan(100);
    let pruned = 0;
    for (const t of sample) {
      const d = maxEdits(t.length);
      const every = all.filter((c) => c[0] === t[0] && Math.abs(c.length - t.length) <= d);
      const offered = [...lex.candidates(t, true, d)];
      pruned += every.length - offered.length;
      for (const dist of [editDistance, nameDistance]) {
        expect(closest(t, offered, d, 18, lex.popularity, dist)).toEqual(closest(t, every, d, 18, lex.popularity, dist));
      }
    }
    expect(pruned).toBeGreaterThan(0);
  });
});
