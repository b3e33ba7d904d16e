#!/usr/bin/env node
// Compiles src/ to dist/ for the `octavo` command: every module on its own (no bundle), so a command
// still loads only the modules it imports. esbuild only strips types and compiles JSX (well under a
// second); `npm run typecheck` is where types are checked. Data files and page assets are copied
// beside the modules that read them. Quiet unless asked (--verbose) or something fails.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'dist');
// Tests, shared test suites and fixtures stay out of the build.
const TEST = /\.(test|contract|fixture)\.tsx?$|test-support\.ts$|\.d\.ts$/;
const ASSET = /\.(json|css|js|svg|png|woff2?)$/;

const modules = [];
const assets = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(name) && !TEST.test(name)) modules.push(p);
    else if (ASSET.test(name)) assets.push(p);
  }
})(src);

const t0 = performance.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: modules,
  outdir: out,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
  sourcemap: 'linked',
});
for (const a of assets) {
  const to = join(out, relative(src, a));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(a, to);
}
if (process.argv.includes('--verbose')) {
  process.stderr.write(
    `built ${modules.length} modules and ${assets.length} assets into dist/ in ${Math.round(performance.now() - t0)} ms\n`,
  );
}
