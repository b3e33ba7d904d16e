// `octavo start` (npm start): the bundled sample archive, imported on first run, then served.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from './db.js';
import { runImport, summaryText } from './import.js';
import { runServe } from './serve.js';

export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

export async function runStart(location: string, o: { port?: string; host?: string }): Promise<void> {
  const store = await openStore(location);
  try {
    if ((await store.countWorks()) === 0) {
      if (!existsSync(SAMPLES_DIR)) throw new Error(`sample archive not found at ${SAMPLES_DIR}`);
      process.stderr.write(`Importing the sample archive from ${SAMPLES_DIR} into ${location}…\n`);
      const summary = await runImport(store, [SAMPLES_DIR], {});
      process.stderr.write(`${summaryText(summary)}\n`);
    }
  } finally {
    await store.close();
  }
  await runServe(location, o);
}
