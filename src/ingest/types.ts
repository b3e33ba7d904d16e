// What every importer takes and returns. Importers are pure: bytes in, records and diagnostics out.
import type { Collection, Work } from '../model/work.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { PeopleRegister } from '../model/register.js';

export interface SourceFile {
  /** Path shown in messages (relative to where the user pointed the import). */
  path: string;
  bytes: Uint8Array;
}

export interface ImportContext {
  register: PeopleRegister;
  /** Clock for provenance; injected so results are reproducible in tests. */
  now?: () => string;
  /** Limits against hostile input; `maxDepth` (default 2,000) bounds how deep elements, quotes, lists and emphasis may nest. */
  limits?: { maxDepth?: number };
}

export interface ImportOutcome {
  works: Work[];
  collections: Collection[];
  /** Errors mean nothing from this file should be stored; warnings accompany good records. */
  diagnostics: Diagnostic[];
}

export interface Importer {
  /** Format name stored in provenance: "mia-html", "mia-text", "tei", "cmif", "markdown". */
  name: string;
  version: string;
  /** 0 = not this format; higher = more confident. Must be cheap and never throw. */
  sniff(file: SourceFile, head: string): number;
  parse(file: SourceFile, ctx: ImportContext): ImportOutcome;
}

export const failed = (d: Omit<Diagnostic, 'severity'>): ImportOutcome => ({
  works: [],
  collections: [],
  diagnostics: [{ severity: 'error', ...d }],
});
