// Why: every later step works on paragraphs — runs of non-blank lines with their line numbers and
// indentation — never on bytes. Decoding, the byte-order mark and CRLF/CR line ends stop here, so no
// BOM or carriage return can reach a record.
import { decodeTextBytes } from '../text-decode.js';
import type { SourceFile } from '../types.js';

export interface Para {
  /** The source lines, tabs expanded and trailing spaces removed (indentation kept). */
  lines: string[];
  /** 1-based number of the first line in the file. */
  line: number;
  /** The smallest indentation of the lines, in spaces. */
  indent: number;
  /** The lines trimmed and joined with single spaces (whitespace runs collapsed): the text the rules read. */
  text: string;
}

export interface ReadText {
  paras: Para[];
  /** Line length a hard-wrapped line of this file reaches (the 90th percentile of line lengths). */
  wrap: number;
}

/** The file's text without BOMs, with "\n" line ends only; or a located reason it is not text. */
export function decodePlainText(file: SourceFile): { text: string } | { error: { message: string; line: number } } {
  const decoded = decodeTextBytes(file);
  if ('error' in decoded) return { error: { message: decoded.error.message, line: decoded.error.line ?? 1 } };
  // U+FEFF anywhere (a BOM at the start, or files concatenated with theirs) is not text.
  const text = decoded.text.replace(/\uFEFF/g, '').replace(/\r\n?|[\v\f\u2028\u2029]/g, '\n');
  return { text };
}

const BLANK = /^\s*$/;

/** Paragraphs are separated by blank lines (lines of nothing but whitespace). */
export function readParagraphs(text: string): ReadText {
  const raw = text.split('\n');
  const paras: Para[] = [];
  const lengths = new Uint32Array(1001);
  let counted = 0;
  let cur: Para | undefined;
  for (let i = 0; i < raw.length; i++) {
    const src = raw[i]!;
    if (BLANK.test(src)) {
      cur = undefined;
      continue;
    }
    const line = (src.includes('\t') ? src.replace(/\t/g, '    ') : src).trimEnd();
    const body = line.trimStart();
    const indent = line.length - body.length;
    lengths[Math.min(body.length, 1000)]!++;
    counted++;
    if (!cur) {
      cur = { lines: [], line: i + 1, indent, text: '' };
      paras.push(cur);
    }
    cur.lines.push(line);
    if (indent < cur.indent) cur.indent = indent;
  }
  for (const p of paras) p.text = p.lines.join(' ').replace(/\s+/g, ' ').trim();
  return { paras, wrap: percentile(lengths, counted, 0.9) };
}

function percentile(hist: Uint32Array, n: number, q: number): number {
  let seen = 0;
  for (let len = 0; len < hist.length; len++) {
    seen += hist[len]!;
    if (seen >= n * q) return Math.max(len, 1);
  }
  return 1000;
}

/** The indentation of most of the text (weighted by characters): what "not indented" means in this file. */
export function baseIndent(paras: Para[]): number {
  const count = new Map<number, number>();
  for (const p of paras) count.set(p.indent, (count.get(p.indent) ?? 0) + p.text.length);
  let best = 0;
  let most = -1;
  for (const [indent, n] of count) if (n > most || (n === most && indent < best)) [best, most] = [indent, n];
  return best;
}
