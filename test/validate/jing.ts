// Validation helpers for export tests: RELAX NG with Debian's jing, XPath with libxml2's xmllint.
// Both FAIL loudly when the tool is missing (apt-get install -y jing libxml2-utils): a missing
// validator must never turn into a silently skipped check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const JING = '/usr/bin/jing';
export const XMLLINT = '/usr/bin/xmllint';
export const SCHEMAS = new URL('../schemas/', import.meta.url).pathname;
export const TEI_ALL = join(SCHEMAS, 'tei_all.rng');
export const CMIF_RNG = join(SCHEMAS, 'cmi-customization.rng');

function need(tool: string, pkg: string): void {
  if (!existsSync(tool)) throw new Error(`${tool} is not installed: apt-get install -y ${pkg}`);
}

function withFiles<T>(docs: { name: string; xml: string }[], fn: (paths: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-validate-'));
  try {
    const paths = docs.map((d, i) => {
      const p = join(dir, `${String(i).padStart(4, '0')}-${d.name.replace(/[^\w.-]+/g, '_')}.xml`);
      writeFileSync(p, d.xml);
      return p;
    });
    return fn(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface JingResult {
  ok: boolean;
  /** "name:line:col: message" per error, with the document's name instead of the temp path. */
  errors: string[];
}

/** Validate many documents against one RELAX NG schema in a single jing run. */
export function jing(schema: string, docs: { name: string; xml: string }[]): JingResult {
  need(JING, 'jing');
  return withFiles(docs, (paths) => {
    const r = spawnSync(JING, [schema, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw r.error;
    const errors = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => /: (error|fatal):/.test(l))
      .map((l) => {
        const i = paths.findIndex((p) => l.startsWith(p));
        return i >= 0 ? docs[i]!.name + l.slice(paths[i]!.length) : l;
      });
    return { ok: r.status === 0 && errors.length === 0, errors };
  });
}

/** Evaluate an XPath 1.0 expression (a count() or other number) on a document with xmllint. */
export function xpathNumber(xml: string, expr: string): number {
  need(XMLLINT, 'libxml2-utils');
  return withFiles([{ name: 'doc', xml }], ([p]) => {
    const r = spawnSync(XMLLINT, ['--noout', '--xpath', expr, p!], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw r.error;
    const n = Number(r.stdout.trim());
    if (!Number.isFinite(n)) throw new Error(`xmllint --xpath ${expr}: ${r.stdout}${r.stderr}`);
    return n;
  });
}
