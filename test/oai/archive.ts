// A real SQLite archive for the OAI-PMH tests: the sample archive (samples/, through the import
// pipeline with whatever importers are registered), TEI letters from the test corpus (test/corpus), the seed, and
// variants of the seed generated to make lists long enough to page through.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { miaHtml } from '../../src/ingest/mia-html/index.js';
import { collectFiles, importPaths } from '../../src/archive/import.js';
import { registerImporter } from '../../src/ingest/registry.js';
import { tei } from '../../src/ingest/tei/index.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import type { Work, WorkKind } from '../../src/model/work.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { CORPUS, seedWork } from '../support/seed.js';

// The MIA HTML and TEI importers, whether or not the registry lists them yet (registering is idempotent).
registerImporter(miaHtml);
registerImporter(tei);

export const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
/** The collection every generated variant belongs to; its set is "octavo-test:variants". */
export const VARIANT_PATH = ['octavo-test', 'variants'];

const KINDS: WorkKind[] = ['letter', 'telegram', 'note', 'article'];
const PEOPLE = ['Inessa Armand', 'Maxim Gorky', 'G. V. Chicherin', 'A. M. Kollontai', 'N. K. Krupskaya'];

/** Variant n of the seed: another id, date, recipient, kind and language, in the variants collection. */
export function seedVariant(seed: Work, n: number): Work {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  const year = 1900 + (n % 24);
  const iso = `${year}-${month}-${day}`;
  const person = PEOPLE[n % PEOPLE.length]!;
  return {
    ...seed,
    id: `${seed.id}-variant-${String(n).padStart(3, '0')}`,
    kind: KINDS[n % KINDS.length]!,
    // Every tenth title carries markup characters: they must arrive escaped, not as XML.
    title: n % 10 === 0 ? `To ${person} <on "tactics"> & strategy №${n}` : `To ${person} (${n})`,
    language: n % 3 === 0 ? 'ru' : 'en',
    recipients: [{ id: `person-${n % PEOPLE.length}`, name: person }],
    written: { date: { text: iso, iso, precision: 'day', start: iso, end: iso } },
    collections: [{ path: VARIANT_PATH, titles: ['Octavo test data', 'Generated variants'], position: n }],
  };
}

export function seedVariants(count: number, from = 1): Work[] {
  const seed = seedWork();
  return Array.from({ length: count }, (_, i) => seedVariant(seed, from + i));
}

/** TEI letters from the test corpus (test/corpus): the correspDesc spec examples and every 10th Schnitzler letter. */
export function corpusTeiFiles(): string[] {
  const examples = join(CORPUS, 'tei-correspdesc-examples');
  const schnitzler = join(CORPUS, 'tei-schnitzler-briefe', 'editions');
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => join(dir, f));
  return [...list(examples), ...list(schnitzler).filter((_, i) => i % 10 === 0)];
}

export interface Archive {
  store: SqliteStore;
  dir: string;
  /** Works that came from real files (sample archive and corpus), whatever importers exist today. */
  imported: number;
  close(): Promise<void>;
}

/** A fresh SQLite archive in a temporary folder; `variants` generated works are added after the real ones. */
export async function openArchive(opts: { real?: boolean; variants?: number } = {}): Promise<Archive> {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-oai-'));
  const store = await openSqliteStore(join(dir, 'octavo.db'));
  let imported = 0;
  if (opts.real ?? true) {
    const files = [...(await collectFiles([SAMPLES])), ...corpusTeiFiles()];
    await importPaths(store, files, { register: loadDefaultRegister() });
    imported = await store.countWorks();
  }
  await store.upsertWork(seedWork());
  if (opts.variants) await store.upsertWorks(seedVariants(opts.variants));
  return {
    store,
    dir,
    imported,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
