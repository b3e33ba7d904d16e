// Previous and next letter between two correspondents, whichever of them wrote: the keyset lookup
// the work page uses (store.correspondenceNeighbours through letterNeighbours).
import { afterAll, expect, it } from 'vitest';
import { seedWork } from '../../test/support/seed.js';
import type { Work } from '../model/work.js';
import { letterNeighbours } from './books.js';
import { openArchive } from './open.js';

const archive = await openArchive(':memory:');
afterAll(() => archive.close());
const seed = seedWork();
const lenin = seed.authors[0]!;
const shahumyan = seed.recipients[0]!;
const letter = (id: string, iso: string | undefined, from = lenin, to = shahumyan, kind: Work['kind'] = 'letter'): Work => ({
  ...structuredClone(seed),
  id,
  kind,
  authors: [from],
  recipients: [to],
  written: iso ? { date: { text: iso, iso, precision: 'day', start: iso, end: iso } } : undefined,
  published: [],
  collections: [],
});

it('steps through the letters of both directions by date, undated last, skipping other kinds and people', async () => {
  const other = { id: 'someone-else', name: 'Someone Else' };
  await archive.store.upsertWorks([
    letter('t/a', '1918-01-01'),
    letter('t/b', '1918-02-01', shahumyan, lenin),
    letter('t/c', '1918-03-01', lenin, other),
    letter('t/d', '1918-04-01', lenin, shahumyan, 'article'),
    letter('t/e', '1918-05-01'),
    letter('t/f', undefined, shahumyan, lenin),
  ]);
  const around = async (id: string) => {
    const n = await letterNeighbours(archive.store, (await archive.store.getWork(id))!);
    return [n.previous?.id, n.next?.id];
  };
  expect(await around('t/a')).toEqual([undefined, 't/b']);
  expect(await around('t/b')).toEqual(['t/a', 't/e']);
  expect(await around('t/e')).toEqual(['t/b', 't/f']);
  expect(await around('t/f')).toEqual(['t/e', undefined]);
});
