// `octavo build` as a user runs it: a real process over an imported archive, the summary it prints,
// the site it writes, and a second run that writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_ID, SEED_PATH } from '../support/seed.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'octavo.js');
const dir = mkdtempSync(join(tmpdir(), 'octavo-build-cli-'));
const db = join(dir, 'a.db');
const site = join(dir, 'site');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, OCTAVO_DB: db } });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('octavo build', () => {
  it('writes the static site and says what it wrote; a rebuild writes nothing', () => {
    expect(run('import', SEED_PATH).status).toBe(0);
    const r = run('build', site, '--base-url', 'https://mirror.example.org/octavo');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Built .*: \d+ pages \(1 work, \d+ collections, 2 people\) and \d+ export files in [\d.]+ s/m);
    expect(r.stdout).toMatch(/files written, 0 unchanged, 0 removed/);
    expect(readFileSync(join(site, 'works', `${SEED_ID}.html`), 'utf8')).toContain('href="../../../../index.html"');
    expect(existsSync(join(site, 'works', `${SEED_ID}.txt`))).toBe(true);
    expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).toContain(`https://mirror.example.org/octavo/works/${SEED_ID}.html`);
    const again = run('build', site, '--base-url', 'https://mirror.example.org/octavo');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^0 files written, \d+ unchanged, 0 removed/m);
  }, 120_000);
});
