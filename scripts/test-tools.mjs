#!/usr/bin/env node
// The system tools `npm test` needs (run as the `pretest` step), each with the Debian package that has it.
// All present: one line. Some missing: as root on Debian, `apt-get install` them; otherwise exit 1 with one
// message naming the packages to install.
//   OCTAVO_TEST_TOOLS_NO_INSTALL=1   never run apt-get, only name what is missing (also as root)
//   OCTAVO_TEST_TOOLS_DRY_RUN=1      show the apt-get commands instead of running them
//   OCTAVO_TEST_TOOLS_MISSING=a,b    treat these packages as missing (for testing this script)
// Plain JavaScript without dependencies: it runs before `npm ci` has finished mattering.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const env = process.env;
const flag = (name) => !!env[name] && env[name] !== '0';
const pretendMissing = new Set(
  (env.OCTAVO_TEST_TOOLS_MISSING ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => (env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));
const runs = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  return r.status === 0 ? r.stdout : undefined;
};

/** Debian's PostgreSQL server binaries: /usr/lib/postgresql/<version>/bin (newest first), else PATH. */
function postgresBinaries() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const tools = ['initdb', 'pg_ctl', 'pg_dump', 'pg_restore'];
  for (const v of versions) if (tools.every((t) => executable(join(root, v, 'bin', t)))) return `PostgreSQL ${v}`;
  return tools.every(onPath) ? 'PostgreSQL (PATH)' : undefined;
}

// [what, Debian package, check → truthy when present (a string names what was found)]
const TOOLS = [
  ['Chromium (/usr/bin/chromium)', 'chromium', () => executable('/usr/bin/chromium')],
  ['jing', 'jing', () => onPath('jing')],
  ['xmllint', 'libxml2-utils', () => onPath('xmllint')],
  ["Perl's HTTP::OAI", 'libhttp-oai-perl', () => runs('perl', ['-MHTTP::OAI', '-e1']) !== undefined],
  [
    'Java 17+ (EPUBCheck)',
    'default-jre-headless',
    () => /version "(1[7-9]|[2-9]\d)/.test(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? ''),
  ],
  ['pdftotext and pdftoppm', 'poppler-utils', () => onPath('pdftotext') && onPath('pdftoppm')],
  ['PostgreSQL server binaries (initdb, pg_ctl, pg_dump, pg_restore)', 'postgresql', postgresBinaries],
  [
    'DejaVu fonts',
    'fonts-dejavu-core',
    () => /dejavu/i.test(runs('fc-list', []) ?? '') || existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
  ],
];

function check() {
  const found = [];
  const missing = [];
  for (const [what, pkg, test] of TOOLS) {
    const got = pretendMissing.has(pkg) ? undefined : test();
    if (got) found.push(typeof got === 'string' ? got : what.replace(/ \(.*/, ''));
    else missing.push(pkg);
  }
  return { found, missing };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && onPath('apt-get');
const manual = (pkgs) => `npm test needs: ${pkgs.join(' ')} — install them with: sudo apt-get install -y ${pkgs.join(' ')}`;

const first = check();
if (first.missing.length === 0) {
  console.log(`test tools: all present (${first.found.join(', ')})`);
  process.exit(0);
}

if (!isRoot || !isDebian || flag('OCTAVO_TEST_TOOLS_NO_INSTALL')) {
  console.error(manual(first.missing));
  process.exit(1);
}

const dry = flag('OCTAVO_TEST_TOOLS_DRY_RUN');
console.log(`npm test needs: ${first.missing.join(' ')} — installing them with apt-get${dry ? ' (dry run)' : ''}`);
const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...first.missing]]) {
  console.log(`+ DEBIAN_FRONTEND=noninteractive apt-get ${args.join(' ')}`);
  if (dry) continue;
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
  if (r.status !== 0) {
    console.error(`apt-get ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}); ${manual(first.missing)}`);
    process.exit(1);
  }
}
if (dry) {
  console.error('dry run: nothing installed');
  process.exit(1);
}

const after = check();
if (after.missing.length) {
  console.error(`still missing after apt-get install: ${after.missing.join(' ')}`);
  process.exit(1);
}
console.log(`test tools: all present (${after.found.join(', ')})`);
