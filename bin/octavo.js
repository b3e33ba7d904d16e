#!/usr/bin/env node
// The `octavo` command: compiled JavaScript from dist/ (built by `npm ci`/`npm run build`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('octavo: dist/ is missing; build it with `npm run build` (npm ci does this)\n');
  process.exit(1);
}
await (await import(main.href)).main(process.argv);
