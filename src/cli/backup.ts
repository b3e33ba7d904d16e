// `octavo backup <file>` / `octavo restore <file> [--force]`: see src/archive/backup.ts.
import { statSync } from 'node:fs';
import { backupArchive, restoreArchive } from '../archive/backup.js';
import { archiveLocation } from '../archive/location.js';

export async function backupCommand(file: string, o: { db?: string }): Promise<void> {
  const r = await backupArchive(archiveLocation(o.db), file);
  process.stderr.write(`backup written to ${r.file} (${r.method}, ${(statSync(r.file).size / 1048576).toFixed(1)} MB)\n`);
}

export const restoreCommand = (file: string, o: { db?: string; force?: boolean }): Promise<void> =>
  restoreArchive(archiveLocation(o.db), file, o);
