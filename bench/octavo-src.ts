// The `octavo` command run from src/ (through tsx: `node --import tsx`, which cluster workers inherit), so the benchmarks measure the sources as
// they are, whatever state dist/ is in: `node --import tsx bench/octavo-src.ts serve --db …`.
import { main } from '../src/cli/main.js';

await main(process.argv);
