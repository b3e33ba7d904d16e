#!/usr/bin/env node
// Checks that imports in src/ run one way (docs/ARCHITECTURE.md): every relative import of every
// module (tests and shared test suites aside) against the table below. Exit 1 and one line per
// import against the flow. Usage: node scripts/check-layers.mjs [src]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const src = resolve(process.argv[2] ?? 'src');
const TEST = /\.(test|contract|fixture)\.tsx?$|test-support\.ts$/;

// What each layer may import besides itself.
const ALLOWED = {
  model: [],
  formats: ['model'],
  ingest: ['model', 'formats'],
  store: ['model'],
  search: ['model', 'store'],
  render: ['model', 'formats'],
  archive: ['model', 'formats', 'ingest', 'store', 'search', 'render'],
  web: ['archive', 'model', 'formats', 'ingest', 'render', 'search', 'store'],
  site: ['archive', 'model', 'formats', 'render', 'search', 'store', 'web'],
  cli: ['archive', 'model', 'formats', 'ingest', 'render', 'search', 'store', 'web', 'site'],
};
// Backends are chosen and wired in archive/ only: the shells above it see their interfaces.
const BACKENDS = ['store/sqlite', 'store/postgres', 'search/sqlite', 'search/postgres'];
const SHELLS = new Set(['web', 'site', 'cli']);

const files = [];
(function walk(d) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(n) && !n.endsWith('.d.ts') && !TEST.test(n)) files.push(p);
  }
})(src);

const bad = [];
for (const f of files) {
  const from = relative(src, f).split(sep);
  const layer = from[0];
  const allowed = ALLOWED[layer];
  if (!allowed) {
    bad.push(`${relative(src, f)}: not in a known layer (${Object.keys(ALLOWED).join(', ')})`);
    continue;
  }
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) {
    const to = relative(src, resolve(dirname(f), m[1])).split(sep);
    const where = `${relative(src, f)} imports ${m[1]}`;
    if (to[0] === '..') {
      bad.push(`${where}: outside src/`);
      continue;
    }
    const target = to[0];
    if (target !== layer && !allowed.includes(target)) bad.push(`${where}: ${layer}/ may not import ${target}/`);
    const backend = BACKENDS.find((b) => to.slice(0, 2).join('/') === b);
    if (backend && SHELLS.has(layer)) bad.push(`${where}: ${layer}/ reaches a backend (${backend}/); go through archive/`);
    // One backend never leans on its sibling.
    if (backend && from[0] === to[0] && from[1] !== to[1] && BACKENDS.includes(from.slice(0, 2).join('/')))
      bad.push(`${where}: ${from.slice(0, 2).join('/')} leans on ${backend}`);
  }
}
for (const b of bad) console.log(b);
console.log(`${bad.length} imports against the flow in ${files.length} modules`);
process.exit(bad.length ? 1 : 0);
