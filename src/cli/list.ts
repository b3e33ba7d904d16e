// `octavo list [--json]`: the works of an archive, by date.
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';

export async function listCommand(o: { db?: string; json?: boolean }): Promise<void> {
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    const works = await archive.store.listWorks({ order: 'date' });
    if (o.json) {
      const rows = works.map((w) => ({
        id: w.id,
        kind: w.kind,
        title: w.title,
        date: w.date ?? null,
        authors: w.authors.map((a) => a.name),
        recipients: w.recipients.map((r) => r.name),
      }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      // One write: a reader that stops early (| head) meets one closed pipe, not thousands.
      process.stdout.write(works.map((w) => `${w.id}\t${w.date ?? '—'}\t${w.kind}\t${w.title}\n`).join(''));
    }
  } finally {
    await archive.close();
  }
}
