// The import-direction check (scripts/check-layers.mjs): src/ passes it, and it catches each kind of
// import against the flow in a tree made for the purpose.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const check = (dir: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-layers.mjs'), dir], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'octavo-layers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmp, 't-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('layer check', () => {
  it('finds no import against the flow in src/', () => {
    const r = check(join(ROOT, 'src'));
    expect(r.stdout).toMatch(/^0 imports against the flow/m);
    expect(r.status).toBe(0);
  });

  it('reports upward imports, shells reaching backends and backends leaning on each other', () => {
    const dir = tree({
      'model/work.ts': "import { x } from '../store/store.js';\n",
      'ingest/a.ts': "import { y } from '../render/plain.js';\n",
      'store/store.ts': "import type { S } from '../search/types.js';\n",
      'search/postgres/execute.ts': "import { n } from '../sqlite/execute.js';\n",
      'search/sqlite/execute.ts': 'export const n = 1;\n',
      'cli/serve.ts': "import { catchUp } from '../search/sqlite/indexer.js';\n",
      'web/app.ts': "import { openArchive } from '../archive/open.js';\n",
      'render/a.test.ts': "import { s } from '../store/store.js';\n",
    });
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('model/work.ts imports ../store/store.js: model/ may not import store/');
    expect(r.stdout).toContain('ingest/a.ts imports ../render/plain.js: ingest/ may not import render/');
    expect(r.stdout).toContain('store/store.ts imports ../search/types.js: store/ may not import search/');
    expect(r.stdout).toContain('search/postgres leans on search/sqlite');
    expect(r.stdout).toContain('cli/serve.ts imports ../search/sqlite/indexer.js: cli/ reaches a backend (search/sqlite/)');
    expect(r.stdout).not.toContain('web/app.ts');
    expect(r.stdout).not.toContain('render/a.test.ts');
    expect(r.stdout).toMatch(/^5 imports against the flow/m);
  });
});
