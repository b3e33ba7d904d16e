#!/usr/bin/env node
// Compiles src/ to dist/ for the `octavo` command: every module on its own (no bundle), so a command
// still loads only the modules it imports. esbuild only strips types and compiles JSX (well under a
// second); `npm run typecheck` is where types are checked. Data files and page assets are copied
// beside the modules that read them. Quiet unless asked (--verbose) or something fails.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
// Built beside dist/ and moved in file by file (a rename each, atomic), so a test run or a command
// that is reading dist/ while another build runs never meets a missing or half-written module.
const out = join(root, `.dist-${process.pid}`);
// Tests, shared test suites and fixtures stay out of the build.
const TEST = /\.(test|contract|fixture)\.tsx?$|test-support\.ts$|\.d\.ts$/;
const ASSET = /\.(json|css|js|svg|png|woff2?|csl)$/;

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

const files = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()) : []);

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
const built = new Set(files(out));
for (const f of built) {
  mkdirSync(dirname(join(dist, f)), { recursive: true });
  renameSync(join(out, f), join(dist, f));
}
for (const f of files(dist)) if (!built.has(f)) rmSync(join(dist, f));
rmSync(out, { recursive: true, force: true });
if (process.argv.includes('--verbose')) {
  process.stderr.write(
    `built ${modules.length} modules and ${assets.length} assets into dist/ in ${Math.round(performance.now() - t0)} ms\n`,
  );
}
