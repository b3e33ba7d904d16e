// `octavo export <id> --format …`: one work in one format, to stdout or a file.
import { writeFile } from 'node:fs/promises';
import { archiveLocation } from '../archive/location.js';
import { resolvedWork } from '../archive/books.js';
import { openArchive } from '../archive/open.js';
import { siteInfo } from '../archive/site-info.js';
import { exportFormats, formatByName } from '../render/formats.js';
import { CliError } from './errors.js';

/** PDF is printed by Chromium: its module (and playwright-core) loaded only for that format. */
const printing = async (browser: boolean | undefined) => (browser ? await import('../archive/pdf.js') : undefined);

export async function exportCommand(id: string, o: { db?: string; format: string; out?: string; baseUrl?: string }): Promise<void> {
  const fmt = formatByName(o.format);
  if (!fmt) throw new CliError(`unknown format "${o.format}"; choose one of ${exportFormats.map((f) => f.name).join(', ')}`);
  const pdf = await printing(fmt.browser);
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    const work = await archive.store.getWork(id);
    if (!work) throw new CliError(`no work with id "${id}" (see \`octavo list\`)`);
    // The work as read: with what it inherits from its books' title pages (marked in JSON).
    // Citations (bibtex, ris, csl) give the work's address on the public site and today as the day read.
    const ctx = { baseUrl: siteInfo(o.baseUrl).baseUrl, accessed: new Date().toISOString().slice(0, 10) };
    const out = await fmt.render(await resolvedWork(archive.store, work), ctx);
    if (o.out) await writeFile(o.out, out);
    else process.stdout.write(out);
  } finally {
    await pdf?.closePdfBrowser();
    await archive.close();
  }
}
