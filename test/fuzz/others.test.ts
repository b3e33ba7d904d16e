// Importers without a fuzz file of their own, and detection through the registry over mixed input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile, importers as registered } from '../../src/ingest/registry.js';
import { allImporters, CASE_LIMIT_MS, ctx, ENGINE_WORDS, fuzzImporter, OWN_FILES, RUNS } from './importer-suite.js';
import { fuzzInputs, loadSamples, sourceFile } from './inputs.js';

const all = await allImporters();
for (const imp of all.filter((i) => !OWN_FILES.includes(i.name))) fuzzImporter(imp);

describe('fuzzing detection and import through the registry', () => {
  it('sees every registered importer', () => {
    expect(all.map((i) => i.name)).toEqual(expect.arrayContaining(registered.map((i) => i.name)));
  });

  it(`${Math.ceil(RUNS / 5)} mixed cases: importFile never throws, answers within ${CASE_LIMIT_MS} ms, names the file, never in the engine's words`, () => {
    const samples = loadSamples();
    fc.assert(
      fc.property(fuzzInputs(samples), (c) => {
        const t0 = performance.now();
        const out = importFile(sourceFile(c), ctx);
        expect(performance.now() - t0).toBeLessThan(CASE_LIMIT_MS);
        for (const d of out.diagnostics) {
          expect(d.file).toBe(c.path);
          expect(d.message).not.toMatch(ENGINE_WORDS);
        }
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
