// Property-based fuzzing of one importer: for any input, sniff and parse return (never throw) within
// a second, every diagnostic names the file and none is in the JavaScript engine's words, errors are located (line or element; a verdict on an
// empty or binary file is located by the file alone), and every work produced is a valid Work.
// FUZZ_RUNS overrides the case count (default 10,000 per importer), FUZZ_SEED the seed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importers as registered } from '../../src/ingest/registry.js';
import type { ImportContext, Importer } from '../../src/ingest/types.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import { Work } from '../../src/model/work.js';
import { fuzzInputs, loadSamples, samplesFor, sourceFile, type FuzzCase, type Sample } from './inputs.js';

// The yaml library (Markdown front matter) reports odd input as process warnings: over thousands of
// junk cases that is thousands of lines of log, and says nothing about the properties checked here.
process.removeAllListeners('warning');

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
export const CASE_LIMIT_MS = 1000;
/** What a user must never read in a message: the JavaScript engine's own words for a fault or a limit. */
export const ENGINE_WORDS = /RangeError|TypeError|ReferenceError|call stack|undefined is not|Cannot read propert/;
/** Cases per test, so that no single test nears the 60 s test timeout on a slow importer. */
const CHUNK = 2500;
const INGEST = join(import.meta.dirname, '..', '..', 'src', 'ingest');

/** Importers with a fuzz file of their own (test/fuzz/<name>.test.ts); others.test.ts takes the rest. */
export const OWN_FILES = ['mia-text', 'mia-html', 'tei', 'cmif', 'markdown', 'plain-text'];

const isImporter = (v: unknown): v is Importer =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as Importer).name === 'string' &&
  typeof (v as Importer).sniff === 'function' &&
  typeof (v as Importer).parse === 'function';

/** The registry's importers, plus any importer module under src/ingest/<format>/index.ts not registered yet. */
export async function allImporters(): Promise<Importer[]> {
  const found = new Map(registered.map((i) => [i.name, i]));
  for (const dir of readdirSync(INGEST, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const mod = (await import(join(INGEST, dir.name, 'index.js')).catch(() => undefined)) as Record<string, unknown> | undefined;
    for (const v of Object.values(mod ?? {})) if (isImporter(v) && !found.has(v.name)) found.set(v.name, v);
  }
  return [...found.values()];
}

export const ctx: ImportContext = { register: loadDefaultRegister(), now: () => '2026-01-01T00:00:00.000Z' };
const head = (b: Uint8Array) => new TextDecoder('latin1').decode(b.subarray(0, 8192));

/** Empty or binary input: a verdict on the whole file, located by the file alone. */
export function wholeFileVerdict(b: Uint8Array): boolean {
  if (b.length === 0) return true;
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i]! === 0 || (b[i]! < 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 12 && b[i] !== 13)) return true;
  return false;
}

/** The properties every importer keeps, checked on one input; returns the time taken. */
export function checkOne(imp: Importer, c: FuzzCase): number {
  const file = sourceFile(c);
  const t0 = performance.now();
  let score: number;
  try {
    score = imp.sniff(file, head(c.bytes));
  } catch (e) {
    throw new Error(`${imp.name}.sniff threw on ${c.how}: ${(e as Error).stack}`);
  }
  if (!(score >= 0)) throw new Error(`${imp.name}.sniff returned ${score} on ${c.how}`);
  let out: ReturnType<typeof imp.parse>;
  try {
    out = imp.parse(file, ctx);
  } catch (e) {
    throw new Error(`${imp.name}.parse threw on ${c.how}: ${(e as Error).stack}`);
  }
  const ms = performance.now() - t0;
  if (ms > CASE_LIMIT_MS) throw new Error(`${imp.name} took ${ms.toFixed(0)} ms on ${c.how} (${c.bytes.length} bytes)`);
  for (const d of out.diagnostics) {
    if (d.file !== file.path) throw new Error(`${imp.name}: a diagnostic names "${d.file}", not the file (${c.how}): ${d.message}`);
    if (ENGINE_WORDS.test(d.message)) throw new Error(`${imp.name}: a message in the engine's words (${c.how}): ${d.message}`);
    if (d.severity === 'error' && !(d.line !== undefined && d.line >= 1) && !d.element && !wholeFileVerdict(c.bytes)) {
      throw new Error(`${imp.name}: an error without a line or element (${c.how}): ${d.message}`);
    }
  }
  for (const w of out.works) {
    const r = Work.safeParse(w);
    if (!r.success)
      throw new Error(
        `${imp.name}: an invalid Work (${c.how}): ${r.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
  }
  return ms;
}

let samples: Sample[] | undefined;

/** RUNS cases for one importer, in chunks of CHUNK with their own seeds. */
export function fuzzImporter(imp: Importer): void {
  describe(`fuzzing the ${imp.name} importer`, () => {
    for (let done = 0, k = 0; done < RUNS; done += CHUNK, k++) {
      const runs = Math.min(CHUNK, RUNS - done);
      it(`cases ${done + 1}–${done + runs}: no throw, no case over ${CASE_LIMIT_MS} ms, errors located, Works valid`, () => {
        samples ??= loadSamples();
        const base = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
        let worked = 0;
        fc.assert(
          fc.property(fuzzInputs(samplesFor(imp, samples)), (c) => {
            checkOne(imp, c);
            worked++;
          }),
          { numRuns: runs, seed: base + k },
        );
        expect(worked).toBeGreaterThanOrEqual(runs);
      });
    }
  });
}

/** The test file for one named importer: fails if it has disappeared. */
export async function fuzzNamed(name: string): Promise<void> {
  const imp = (await allImporters()).find((i) => i.name === name);
  if (!imp) {
    it(`finds the ${name} importer`, () => {
      expect.fail(`no importer named "${name}" in the registry or under src/ingest/*/index.ts`);
    });
    return;
  }
  fuzzImporter(imp);
}
