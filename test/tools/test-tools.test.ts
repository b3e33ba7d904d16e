// scripts/test-tools.mjs, the pretest step: one line when every tool is there; otherwise, as root on Debian,
// apt-get install of exactly the missing packages, else one message naming them. Missing tools are simulated
// with OCTAVO_TEST_TOOLS_MISSING, and apt-get is only shown (OCTAVO_TEST_TOOLS_DRY_RUN), never run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'test-tools.mjs');
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, OCTAVO_TEST_TOOLS_MISSING: '', OCTAVO_TEST_TOOLS_NO_INSTALL: '', OCTAVO_TEST_TOOLS_DRY_RUN: '', ...env },
  });
const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version']).status === 0;

it('says one line when every tool is there', () => {
  const r = run();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^test tools: all present \(Chromium, jing, xmllint, Perl's HTTP::OAI, Java 17\+, pdftotext and pdftoppm, PostgreSQL [^,]+, DejaVu fonts\)\n$/,
  );
});

it('names exactly the missing packages, and how to install them, when it may not install', () => {
  const r = run({ OCTAVO_TEST_TOOLS_MISSING: 'jing,libhttp-oai-perl', OCTAVO_TEST_TOOLS_NO_INSTALL: '1' });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('npm test needs: jing libhttp-oai-perl — install them with: sudo apt-get install -y jing libhttp-oai-perl\n');
});

it(`${canInstall ? 'installs the missing packages with apt-get (as root on Debian)' : 'asks for the missing packages (not root on Debian)'}`, () => {
  const r = run({ OCTAVO_TEST_TOOLS_MISSING: 'postgresql,fonts-dejavu-core', OCTAVO_TEST_TOOLS_DRY_RUN: '1' });
  expect(r.status).toBe(1);
  if (canInstall) {
    expect(r.stdout.split('\n')).toEqual([
      'npm test needs: postgresql fonts-dejavu-core — installing them with apt-get (dry run)',
      '+ DEBIAN_FRONTEND=noninteractive apt-get update',
      '+ DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql fonts-dejavu-core',
      '',
    ]);
    expect(r.stderr).toBe('dry run: nothing installed\n');
  } else {
    expect(r.stderr).toMatch(
      /^npm test needs: postgresql fonts-dejavu-core — install them with: sudo apt-get install -y postgresql fonts-dejavu-core\n$/,
    );
  }
});
