// Why: a paragraph's shape says what it is before its words do. Lines of symbols are a section break,
// indented runs are quotations (or, with columns, tables kept line for line), and a paragraph of short
// lines is verse or an address whose line breaks matter; the rest is prose, whose hard wrapping is
// only the file's and is joined with spaces.
import type { Block } from '../../model/work.js';
import { toInlines } from './inline.js';
import type { Para } from './paragraphs.js';

export type Shape = 'paragraph' | 'quote' | 'preformatted' | 'rule';

const RULE = /^[\s*\-_=~#.·•—–]+$/;
const GAP = /\S {3,}\S/;
const DASH_LINE = /^[-=_—–]{3,}$/;

export function shapeOf(p: Para, base: number): Shape {
  if (p.lines.length <= 3 && p.text.length <= 120 && RULE.test(p.text) && /[^\s.·]/.test(p.text) && (p.text.match(/\S/g)?.length ?? 0) >= 3)
    return 'rule';
  const indented = p.indent >= base + 2;
  if (indented && p.lines.length >= 2) {
    let columns = 0;
    let dashes = 0;
    for (const l of p.lines) {
      const t = l.trim();
      if (DASH_LINE.test(t)) dashes++;
      else if (GAP.test(t)) columns++;
    }
    if (columns >= 2 && columns + dashes >= p.lines.length / 2) return 'preformatted';
  }
  return indented ? 'quote' : 'paragraph';
}

/** Whether the paragraph's own line breaks are meant: every line but the last well short of the file's wrap. */
export function keepsLineBreaks(p: Para, wrap: number): boolean {
  if (p.lines.length < 2) return false;
  for (let i = 0; i < p.lines.length - 1; i++) if (p.lines[i]!.trim().length >= wrap * 0.6) return false;
  return true;
}

/** The block of a paragraph of this shape (a rule has no text; a table keeps its lines and columns). */
export function blockOf(p: Para, shape: Shape, wrap: number): Block {
  if (shape === 'rule') return { type: 'rule' };
  if (shape === 'preformatted') {
    return { type: 'preformatted', content: [{ type: 'text', text: p.lines.map((l) => l.slice(p.indent)).join('\n') }] };
  }
  const text = keepsLineBreaks(p, wrap) ? p.lines.map((l) => l.trim().replace(/\s+/g, ' ')).join('\n') : p.text;
  return { type: shape, content: toInlines(text) };
}
