// The parse pool: files parsed in worker threads, a worker that runs past its time or memory limit
// terminated and replaced, refusals that name the file; and the compiled pool in dist/ runs its
// compiled worker (as `octavo serve` does in production).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../test/support/seed.js';
import { createParsePool, type ParsePool, parseLimitsFromEnv } from './parse-pool.js';

const seed = () => new Uint8Array(readFileSync(SEED_PATH));
/** A well-formed TEI letter of 1.5 million paragraphs (12 MB): shallow, but slow and costly to build as a DOM. */
const hugeTei = () =>
  new TextEncoder().encode(
    '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Huge</title></titleStmt>' +
      '</fileDesc></teiHeader><text><body>' +
      '<p>x</p>'.repeat(1_500_000) +
      '</body></text></TEI>',
  );

const pools: ParsePool[] = [];
const pool = (o: Parameters<typeof createParsePool>[0]) => {
  const p = createParsePool(o);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('parse pool', () => {
  it('reads the limits from the environment, with defaults', () => {
    expect(parseLimitsFromEnv({})).toMatchObject({ timeoutMs: 10_000, memoryMb: 512, maxDepth: 2000 });
    expect(parseLimitsFromEnv({}).workers).toBeGreaterThanOrEqual(2);
    const set = parseLimitsFromEnv({ OCTAVO_PARSE_TIMEOUT_MS: '2500', OCTAVO_PARSE_MEMORY_MB: '256', OCTAVO_PARSE_WORKERS: '3' });
    expect(set).toMatchObject({ timeoutMs: 2500, memoryMb: 256, workers: 3, maxQueue: 24 });
    expect(parseLimitsFromEnv({ OCTAVO_PARSE_TIMEOUT_MS: 'soon', OCTAVO_PARSE_MEMORY_MB: '-1' })).toMatchObject({
      timeoutMs: 10_000,
      memoryMb: 512,
    });
  });

  it('parses in a worker what the importer would, with the nesting limit it was given', async () => {
    const p = pool({ workers: 1 });
    const r = await p.parse({ path: 'seed.txt', bytes: seed() });
    expect(r.refused).toBeUndefined();
    expect(r.outcome?.works.map((w) => w.id)).toEqual(['lenin/1918/05/14-shahumyan']);
    expect(r.outcome?.works[0]?.provenance.file).toBe('seed.txt');
    // 30 nested block quotes pass the default limit of 2,000 but not a limit of 10.
    const nested = new TextEncoder().encode(`# Deep\n\n${'> '.repeat(30)}text\n`);
    expect((await p.parse({ path: 'nested.md', bytes: nested })).outcome?.works).toHaveLength(1);
    const strict = pool({ workers: 1, maxDepth: 10 });
    const refused = await strict.parse({ path: 'nested.md', bytes: new TextEncoder().encode(`# Deep\n\n${'> '.repeat(30)}text\n`) });
    const errors = refused.outcome?.diagnostics.filter((d) => d.severity === 'error') ?? [];
    expect(errors[0]).toMatchObject({ file: 'nested.md', line: 3 });
  });

  it('stops a parse that runs past the time limit, says so, and parses the next file in a fresh worker', async () => {
    const p = pool({ workers: 1, timeoutMs: 1500, memoryMb: 4096 });
    const t0 = performance.now();
    const r = await p.parse({ path: 'huge.xml', bytes: hugeTei() });
    expect(r.refused).toEqual({
      reason: 'timeout',
      message: 'huge.xml: took longer than 1.5 s to parse, so parsing was stopped; nothing was imported',
    });
    expect(performance.now() - t0).toBeLessThan(20_000);
    const next = await p.parse({ path: 'seed.txt', bytes: seed() });
    expect(next.outcome?.works).toHaveLength(1);
  });

  it('stops a worker that needs more memory than its limit, says so, and goes on', async () => {
    const p = pool({ workers: 1, timeoutMs: 120_000, memoryMb: 96 });
    const r = await p.parse({ path: 'huge.xml', bytes: hugeTei() });
    expect(r.refused).toEqual({
      reason: 'memory',
      message: 'huge.xml: needed more than 96 MB of memory to parse, so parsing was stopped; nothing was imported',
    });
    expect((await p.parse({ path: 'seed.txt', bytes: seed() })).outcome?.works).toHaveLength(1);
  });

  it('refuses files beyond its queue as busy instead of queueing without end', async () => {
    const p = pool({ workers: 1, maxQueue: 2, timeoutMs: 60_000 });
    const all = await Promise.all([0, 1, 2].map((i) => p.parse({ path: `seed-${i}.txt`, bytes: seed() })));
    // Two wait for the one worker to start; the third finds the queue full.
    expect(all.map((r) => r.refused?.reason ?? 'parsed')).toEqual(['parsed', 'parsed', 'busy']);
    expect(all[2]!.refused!.message).toMatch(/^seed-2\.txt: every parser is busy/);
  });

  it('runs from dist/ as the compiled worker', async () => {
    // vitest's global setup has just compiled src/ into dist/ (scripts/build.mjs).
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'archive', 'parse-pool.js');
    const worker = join(import.meta.dirname, '..', '..', 'dist', 'archive', 'parse-worker.js');
    expect(readFileSync(worker, 'utf8')).toContain('parentPort');
    const compiled = (await import(dist)) as typeof import('./parse-pool.js');
    const p = compiled.createParsePool({ workers: 1 });
    pools.push(p);
    const r = await p.parse({ path: 'seed.txt', bytes: seed() });
    expect(r.outcome?.works.map((w) => w.id)).toEqual(['lenin/1918/05/14-shahumyan']);
  });

  it('never keeps a process alive: a script that parsed a file exits by itself', () => {
    const dist = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'archive', 'parse-pool.js')).href;
    const script = `
      const { createParsePool } = await import(${JSON.stringify(dist)});
      const r = await createParsePool({ workers: 1 }).parse({ path: 'a.md', bytes: new TextEncoder().encode('# A\\n\\nText.\\n') });
      console.log(r.outcome.works.length);`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect([out.status, out.signal, out.stdout.trim()]).toEqual([0, null, '1']);
  });
});
