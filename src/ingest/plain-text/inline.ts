// Why: Project Gutenberg-style texts carry their only markup inside the words: `_underscores_` for
// italics and `--` for the em dash. Reading them here, in one linear pass, keeps every other module
// working on plain strings, and keeps snake_case, URLs and rules of dashes as they are written.
import type { Inline } from '../../model/work.js';

/** Emphasis longer than this is a stray underscore, not italics (keeps a lone "_" from italicising a book). */
const MAX_EMPHASIS = 2000;
const WORDISH = /[\p{L}\p{N}]/u;
const URL = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/g;

/**
 * Inline content of a text: `_x_` becomes emphasis, `--` an em dash; "\n" becomes a line break.
 * An underscore opens emphasis after a space or punctuation and before a non-space; it closes before
 * a space, punctuation or the end and after a non-space. Unpaired underscores stay as they are.
 */
export function toInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (t: string, em: boolean) => {
    if (!t) return;
    const parts = dashes(t).split('\n');
    parts.forEach((part, k) => {
      if (k > 0) out.push({ type: 'lineBreak' });
      if (!part) return;
      const last = out.at(-1);
      if (last?.type === 'text' && Boolean(last.marks) === em) last.text += part;
      else out.push(em ? { type: 'text', text: part, marks: [{ type: 'emphasis' }] } : { type: 'text', text: part });
    });
  };
  let plainFrom = 0;
  let open = -1;
  for (let i = text.indexOf('_'); i >= 0; i = text.indexOf('_', i + 1)) {
    const before = text[i - 1];
    const after = text[i + 1];
    const canClose = before !== undefined && !/\s/.test(before) && before !== '_' && (after === undefined || !WORDISH.test(after));
    const canOpen =
      after !== undefined && !/\s/.test(after) && after !== '_' && (before === undefined || (!WORDISH.test(before) && before !== '_'));
    if (open >= 0 && canClose && i > open + 1) {
      if (i - open <= MAX_EMPHASIS) {
        push(text.slice(plainFrom, open), false);
        push(text.slice(open + 1, i), true);
        plainFrom = i + 1;
        open = -1;
        continue;
      }
      open = -1;
    }
    if (canOpen && open < 0) open = i;
  }
  push(text.slice(plainFrom), false);
  return out;
}

/** `--` → "—" (and `----` → "——"), except inside URLs; runs of five or more hyphens are rules, kept. */
export function dashes(text: string): string {
  if (!text.includes('--')) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL)) {
    out += dashRuns(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + dashRuns(text.slice(last));
}

const dashRuns = (s: string) => s.replace(/(?<!-)-{2,4}(?!-)/g, (m) => (m.length === 4 ? '——' : '—'));
