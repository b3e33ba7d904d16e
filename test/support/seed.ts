// The seed page and the sample corpus, read the same way in every test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMiaText } from '../../src/ingest/mia-text/index.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import type { Work } from '../../src/model/work.js';

export const TEST_ROOT = join(import.meta.dirname, '..');
export const CORPUS = process.env.OCTAVO_CORPUS ?? join(TEST_ROOT, 'corpus');
export const SEED_PATH = join(import.meta.dirname, '..', '..', 'samples', 'seed', 'lenin-to-shahumyan-1918.txt');
export const SEED_ID = 'lenin/1918/05/14-shahumyan';

export function seedWork(): Work {
  const out = parseMiaText(
    { path: 'samples/seed/lenin-to-shahumyan-1918.txt', bytes: readFileSync(SEED_PATH) },
    { register: loadDefaultRegister() },
  );
  if (!out.works[0]) throw new Error(`seed did not import: ${JSON.stringify(out.diagnostics)}`);
  return out.works[0];
}
