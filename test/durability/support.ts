// Shared by the durability tests: run the real CLI as a child process, and know what each generated
// file must become once imported.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/ingest/registry.js';
import { loadDefaultRegister } from '../../src/model/register.js';
import type { Work } from '../../src/model/work.js';
import { canonicalJson } from '../../src/model/checksum.js';
import type { Store } from '../../src/store/store.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const OCTAVO = join(ROOT, 'bin', 'octavo.js');

export interface Child {
  proc: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `node bin/octavo.js …args`, with its output collected. */
export function octavo(args: string[]): Child {
  const proc = spawn(process.execPath, [OCTAVO, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { proc, exit };
}

/** What a work says, without what legitimately differs between two imports (time, displayed path). */
export function content(w: Work): string {
  // Where and when a file was read is not its content (the pipeline adds every absolute path seen).
  const { importedAt: _t, file: _f, paths: _p, ...prov } = w.provenance;
  return canonicalJson({ ...w, provenance: prov });
}

/** Each generated file parsed the way the pipeline parses it: id → expected content. */
export function expectedWorks(files: string[]): Map<string, string> {
  const register = loadDefaultRegister();
  const out = new Map<string, string>();
  for (const f of files) {
    const o = importFile({ path: f, bytes: readFileSync(f) }, { register });
    if (o.works.length !== 1) throw new Error(`${f} should give one work: ${JSON.stringify(o.diagnostics)}`);
    out.set(o.works[0]!.id, content(o.works[0]!));
  }
  return out;
}

/**
 * Every expected work is either fully present (its content, its listing row, and a last revision
 * holding exactly that content) or fully absent (no row, no revision); nothing else is stored.
 */
export async function checkAllOrNothing(
  store: Store,
  expected: Map<string, string>,
): Promise<{ present: number; absent: number; problems: string[] }> {
  const problems: string[] = [];
  let present = 0;
  let absent = 0;
  const listed = new Set((await store.listWorks()).map((w) => w.id));
  for (const [id, want] of expected) {
    const w = await store.getWork(id);
    const revs = (await store.listRevisions?.(id)) ?? [];
    if (!w) {
      absent++;
      if (revs.length) problems.push(`${id}: absent but has ${revs.length} revision(s)`);
      if (listed.has(id)) problems.push(`${id}: absent but listed`);
      continue;
    }
    present++;
    if (content(w) !== want) problems.push(`${id}: stored content differs from its source`);
    if (!listed.has(id)) problems.push(`${id}: present but not listed`);
    const last = revs.at(-1);
    const rev = last ? await store.getRevision?.(id, last.n) : undefined;
    if (!rev?.work || canonicalJson(rev.work) !== canonicalJson(w)) problems.push(`${id}: its last revision does not hold the stored work`);
  }
  for (const id of listed) if (!expected.has(id)) problems.push(`${id}: stored but not from the batch`);
  return { present, absent, problems };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
