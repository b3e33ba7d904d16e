// `octavo start` (npm start): the bundled sample archive, imported on first run, then served.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveLocation } from '../archive/location.js';
import { openArchive } from '../archive/open.js';
import { runImport, summaryText } from './import.js';
import { serveCommand } from './serve.js';

// src/cli or dist/cli: the samples are at the package root either way.
export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

export async function startCommand(o: { db?: string; port?: string; host?: string }): Promise<void> {
  const location = archiveLocation(o.db);
  const archive = await openArchive(location);
  try {
    if ((await archive.store.countWorks()) === 0) {
      if (!existsSync(SAMPLES_DIR)) throw new Error(`sample archive not found at ${SAMPLES_DIR}`);
      process.stderr.write(`Importing the sample archive from ${SAMPLES_DIR} into ${location}…\n`);
      const summary = await runImport(archive, [SAMPLES_DIR], {});
      process.stderr.write(`${summaryText(summary)}\n`);
    }
  } finally {
    await archive.close();
  }
  const url = await serveCommand(o);
  if (url) {
    process.stderr.write(
      `Open ${url}/ to browse, ${url}/works/lenin/1918/05/14-shahumyan for the seed letter, ` +
        `or ${url}/search?q=Shaumyan to search. Stop with Ctrl-C.\n`,
    );
  }
}
