// `octavo export <id> --format …`: one work in one format, to stdout or a file.
import { writeFile } from 'node:fs/promises';
import { exportFormats, formatByName } from '../render/formats.js';
import { openStore } from './db.js';
import { CliError } from './errors.js';

export async function runExport(location: string, id: string, o: { format: string; out?: string }): Promise<void> {
  const fmt = formatByName(o.format);
  if (!fmt) throw new CliError(`unknown format "${o.format}"; choose one of ${exportFormats.map((f) => f.name).join(', ')}`);
  const store = await openStore(location);
  try {
    const work = await store.getWork(id);
    if (!work) throw new CliError(`no work with id "${id}" (see \`octavo list\`)`);
    const out = await fmt.render(work);
    if (o.out) await writeFile(o.out, out);
    else process.stdout.write(out);
  } finally {
    await store.close();
  }
}
