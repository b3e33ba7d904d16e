// The tests that run the `octavo` command run the compiled CLI (bin/octavo.js → dist/): build it once
// before any test file runs, so they never meet a stale or missing dist/ (esbuild; well under a second).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
