// `octavo collections [--json]`: every collection — books, volumes, years of letters — with its path,
// title and number of works.
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';

export async function collectionsCommand(o: { db?: string; json?: boolean }): Promise<void> {
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    const list = (await archive.store.listCollections()).map((c) => ({ path: c.path.join('/'), title: c.title, works: c.count }));
    if (o.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else process.stdout.write(list.map((c) => `${c.path}\t${c.works}\t${c.title}\n`).join(''));
  } finally {
    await archive.close();
  }
}
