// Works and archives for the tests of the layers above the store (web, CLI): an in-memory SQLite
// archive (the real store and search, nothing persists) and variants of a work.
import { openArchive, type Archive } from '../../src/archive/open.js';
import type { Collection, Work } from '../../src/model/work.js';

/** An in-memory archive holding these works and collections. */
export async function memoryArchive(works: Work[] = [], collections: Collection[] = []): Promise<Archive> {
  const archive = await openArchive(':memory:');
  await archive.store.upsertWorks(works);
  for (const c of collections) await archive.store.upsertCollection(c);
  return archive;
}

/** A copy of `base` with another id, title, day and place in a collection. */
export function workVariant(
  base: Work,
  o: { id: string; title: string; day: string; collection: string[]; titles?: string[]; position?: number },
  patch: Partial<Work> = {},
): Work {
  const [y, m, d] = o.day.split('-');
  return {
    ...structuredClone(base),
    id: o.id,
    title: o.title,
    written: { date: { text: `${d}.${m}.${y}`, iso: o.day, precision: 'day', start: o.day, end: o.day } },
    body: [{ type: 'paragraph', content: [{ type: 'text', text: `Text of ${o.title}.` }] }],
    notes: [],
    collections: [
      { path: o.collection, ...(o.titles ? { titles: o.titles } : {}), ...(o.position !== undefined ? { position: o.position } : {}) },
    ],
    ...patch,
  };
}
