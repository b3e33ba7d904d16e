// The octavo command as a user runs it: a real process, real files, exit codes and output.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ID, SEED_PATH } from '../support/seed.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'octavo.js');
const dir = mkdtempSync(join(tmpdir(), 'octavo-cli-'));
const db = join(dir, 'a.db');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, OCTAVO_DB: db } });

describe('octavo CLI', () => {
  it('imports with --json and reports imported and failed files', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'no header here at all');
    const r = run('import', SEED_PATH, bad, '--json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported).toEqual([expect.objectContaining({ id: SEED_ID, file: expect.stringContaining('lenin-to-shahumyan-1918.txt') })]);
    expect(out.failed).toEqual([
      { file: expect.stringContaining('bad.txt'), error: expect.stringMatching(/bad\.txt:1: error: cannot tell what this file is/) },
    ]);
  });

  it('prints a summary without --json and exits 0 when all files land', () => {
    const r = run('import', SEED_PATH);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^1 file in .*: 1 work \(0 new, 0 updated, 1 unchanged\); 0 failed$/m);
  });

  it('lists works', () => {
    const list = JSON.parse(run('list', '--json').stdout);
    expect(list).toEqual([expect.objectContaining({ id: SEED_ID, kind: 'letter', date: '1918-05-14', recipients: ['S. G. Shahumyan'] })]);
    expect(run('list').stdout).toContain(`${SEED_ID}\t1918-05-14\tletter\tTo S. G. Shahumyan`);
  });

  it('exports txt, md and json to stdout or a file', () => {
    const txt = run('export', SEED_ID, '--format', 'txt').stdout;
    expect(txt).toContain('Written: Written on May 14, 1918');
    expect(run('export', SEED_ID, '--format', 'md').stdout).toMatch(/^---\nid: lenin\/1918\/05\/14-shahumyan/);
    const out = join(dir, 'seed.json');
    expect(run('export', SEED_ID, '--format', 'json', '--out', out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).id).toBe(SEED_ID);
  });

  it('explains an unknown id or format and exits 2', () => {
    const r = run('export', 'no/such/work');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no work with id "no\/such\/work"/);
    expect(run('export', SEED_ID, '--format', 'docx').stderr).toMatch(/unknown format "docx"/);
  });

  it('searches, in any spelling, and explains a malformed query', () => {
    const r = run('search', 'Шаумян', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).hits.map((h: { id: string }) => h.id)).toEqual([SEED_ID]);
    expect(run('search', 'recipient:shaumyan year:1918').stdout).toContain('To S. G. Shahumyan');
    const bad = run('search', '"unclosed');
    expect(bad.status).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/quot/i);
  });

  it('honours --db over OCTAVO_DB', () => {
    const other = join(dir, 'other.db');
    execFileSync(process.execPath, [BIN, 'import', SEED_PATH, '--db', other]);
    expect(JSON.parse(run('list', '--json', '--db', other).stdout)).toHaveLength(1);
  });
});
