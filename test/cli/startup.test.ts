// The compiled `octavo` command loads only what a command uses: `--help` no database, stemmer, web
// server or Unicode table; `list` no search, no web; and `--help` costs little more CPU than Node itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuSeconds } from '../support/cpu-time.js';
import { SEED_PATH } from '../support/seed.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HOOK = join(ROOT, 'test', 'support', 'module-log.mjs');
const dir = mkdtempSync(join(tmpdir(), 'octavo-startup-'));
const db = join(dir, 'a.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The modules (package names and dist/ paths) a command imports. */
function loaded(...args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', HOOK, 'bin/octavo.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return [...r.stderr.matchAll(/^LOADED (.+)$/gm)].map((m) =>
    m[1]!.replace(/^.*\/node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1').replace(/^.*\/dist\//, 'dist/'),
  );
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ['bin/octavo.js', 'import', SEED_PATH, '--db', db], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('octavo startup', () => {
  it('runs compiled JavaScript from dist/, not TypeScript', () => {
    const mods = loaded('--help');
    expect(mods).toContain('dist/cli/main.js');
    expect(mods.filter((m) => /\.tsx?$/.test(m) || m === 'tsx')).toEqual([]);
  });

  it('--help loads the command parser and nothing of the archive', () => {
    const mods = loaded('--help');
    expect(mods.filter((m) => m.startsWith('dist/'))).toEqual(['dist/cli/main.js', 'dist/cli/errors.js']);
    for (const heavy of ['better-sqlite3', 'pg', 'snowball-stemmers', 'any-ascii', 'zod', 'hono', 'cheerio', '@xmldom/xmldom']) {
      expect(mods).not.toContain(heavy);
    }
  });

  it('list reads the store without loading search or the web server', () => {
    const mods = loaded('list', '--db', db);
    expect(mods).toContain('better-sqlite3');
    expect(mods.filter((m) => /^dist\/(search|web|ingest|render)\//.test(m))).toEqual([]);
    expect(mods).not.toContain('snowball-stemmers');
    expect(mods).not.toContain('hono');
  });

  it('--help costs at most 3× the CPU of a bare `node -e ""`', () => {
    const bare = cpuSeconds([process.execPath, '-e', '']);
    const help = cpuSeconds([process.execPath, 'bin/octavo.js', '--help'], 5, ROOT);
    console.log(
      `CPU: node -e "" ${(bare * 1000).toFixed(0)} ms, octavo --help ${(help * 1000).toFixed(0)} ms (${(help / bare).toFixed(2)}×)`,
    );
    expect(help).toBeLessThanOrEqual(3 * bare);
  });
});
