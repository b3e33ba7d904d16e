// `octavo list [--json]`: the works of an archive, by date.
import { openStore } from './db.js';

export async function runList(location: string, o: { json?: boolean }): Promise<void> {
  const store = await openStore(location);
  try {
    const works = await store.listWorks({ order: 'date' });
    if (o.json) {
      const rows = works.map((w) => ({ id: w.id, kind: w.kind, title: w.title, date: w.date ?? null, authors: w.authors.map((a) => a.name), recipients: w.recipients.map((r) => r.name) }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else for (const w of works) process.stdout.write(`${w.id}\t${w.date ?? '—'}\t${w.kind}\t${w.title}\n`);
  } finally {
    await store.close();
  }
}
