// npm run bench:cli — what the compiled `octavo` command costs to start, against a bare `node -e ""`
// measured in the same run: CPU time (user + system, median of runs) of --help, and of list, search
// and import on the seed letter. Prints the ratios and a RESULT line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds } from '../test/support/cpu-time.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SEED = join(ROOT, 'samples', 'seed', 'lenin-to-shahumyan-1918.txt');
const dir = mkdtempSync(join(tmpdir(), 'octavo-bench-cli-'));
const db = join(dir, 'seed.db');
const octavo = (...args: string[]) => [process.execPath, join(ROOT, 'bin', 'octavo.js'), ...args];

try {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  spawnSync(octavo('import', SEED, '--db', db)[0]!, octavo('import', SEED, '--db', db).slice(1));
  const cases: [string, string[]][] = [
    ['node -e ""', [process.execPath, '-e', '']],
    ['octavo --help', octavo('--help')],
    ['octavo list', octavo('list', '--db', db)],
    ['octavo search shahumyan', octavo('search', 'shahumyan', '--db', db)],
    // A fresh archive each run would need a step between runs; importing the unchanged seed again is
    // the whole import path (detect, parse, validate, checksum, compare) without the write.
    ['octavo import (seed, unchanged)', octavo('import', SEED, '--db', db)],
  ];
  const ms: Record<string, number> = {};
  for (const [name, cmd] of cases) ms[name] = cpuSeconds(cmd, RUNS, ROOT) * 1000;
  const bare = ms['node -e ""']!;
  console.log(`CPU time, median of ${RUNS} runs (user + system)`);
  for (const [name] of cases)
    console.log(`${name.padEnd(34)} ${ms[name]!.toFixed(0).padStart(6)} ms  ${(ms[name]! / bare).toFixed(2).padStart(6)}× node`);
  const r = (k: string) => (ms[k]! / bare).toFixed(2);
  console.log(
    `RESULT node_ms=${bare.toFixed(0)} help_ms=${ms['octavo --help']!.toFixed(0)} help_ratio=${r('octavo --help')} ` +
      `list_ms=${ms['octavo list']!.toFixed(0)} search_ms=${ms['octavo search shahumyan']!.toFixed(0)} import_ms=${ms['octavo import (seed, unchanged)']!.toFixed(0)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
