// `octavo export-collection <path> --format txt|md|json|tei|epub|pdf [--out FILE]`: a book or volume in one
// file, its members in contents order (src/render/book).
import { writeFile } from 'node:fs/promises';
import { bookOf } from '../archive/books.js';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { bookFormatByName, bookFormats } from '../render/book/index.js';
import { CliError } from './errors.js';

/** PDF is printed by Chromium: its module (and playwright-core) loaded only for that format. */
const printing = async (browser: boolean | undefined) => (browser ? await import('../archive/pdf.js') : undefined);

export async function exportCollectionCommand(path: string, o: { db?: string; format: string; out?: string }): Promise<void> {
  const fmt = bookFormatByName(o.format);
  if (!fmt) throw new CliError(`unknown format "${o.format}"; choose one of ${bookFormats.map((f) => f.name).join(', ')}`);
  const pdf = await printing(fmt.browser);
  const archive = await openArchive(archiveLocation(o.db), { mode: 'read' });
  try {
    const segs = path.split('/').filter(Boolean);
    const book = await bookOf(archive.store, segs);
    if (!book) throw new CliError(`no collection "${segs.join('/')}" with works in it (see \`octavo collections\`)`);
    const out = await fmt.render(book);
    if (o.out) await writeFile(o.out, out);
    else process.stdout.write(out);
    process.stderr.write(`${book.title}: ${book.works.length} ${book.works.length === 1 ? 'work' : 'works'} in contents order\n`);
  } finally {
    await pdf?.closePdfBrowser();
    await archive.close();
  }
}
