// Body lines of a plain-text letter or article → blocks: salutation and dateline at the top,
// closer, signature and postscripts at the bottom, paragraphs between. Note markers become refs.
import type { Block, Inline } from '../../model/work.js';
import { parseDate } from '../../model/dates.js';

const SALUTATION = /^(dear|my dear|dearest|dear comrades?|comrades?|citizens?|sir|madam|gentlemen|respected|to the|liebe[rs]?|werte[rs]?|cher|chère|дорогой|дорогая|уважаемый)\b.{0,80}[,:!]$/i;
const CLOSER = /^(yours|your|ever yours|with|best|kind|warm|cordial|fraternal|salut|greetings|regards|faithfully|sincerely|affectionately|всего|ваш|твой|dein|ihr|votre)\b.{0,60}$/i;
const POSTSCRIPT = /^(P\.\s?S\.|PS\b|N\.\s?B\.)/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export interface BodyShape {
  blocks: Block[];
  salutation?: string;
  signature?: string;
}

export function shapeBody(lines: string[], noteLabels: Set<string>, isLetter: boolean): BodyShape {
  const top: Block[] = [];
  const bottom: Block[] = [];
  let start = 0;
  let end = lines.length;
  let salutation: string | undefined;
  let signature: string | undefined;

  const first = lines[0];
  if (first !== undefined && first.length < 60 && /,/.test(first) && parseDate(first) && /\d{4}\.?$/.test(first) && !SALUTATION.test(first)) {
    top.push(block('dateline', first, noteLabels));
    start = 1;
  }
  if (lines[start] !== undefined && SALUTATION.test(lines[start]!)) {
    salutation = lines[start]!;
    top.push(block('salutation', salutation, noteLabels));
    start++;
  }
  // Postscripts follow the signature.
  let ps = end;
  for (let k = start; k < end; k++) if (POSTSCRIPT.test(lines[k]!)) { ps = k; break; }
  const postscripts = lines.slice(ps, end).map((l) => block('postscript', l, noteLabels));
  end = ps;
  if (isLetter || salutation) {
    const last = lines[end - 1];
    if (end - 1 > start && last !== undefined && isSignature(last)) {
      signature = last;
      bottom.unshift(block('signature', last, noteLabels));
      end--;
      while (end - 1 > start && isCloser(lines[end - 1]!)) {
        bottom.unshift(block('closer', lines[end - 1]!, noteLabels));
        end--;
      }
    }
  }
  const middle = lines.slice(start, end).map((l) => block('paragraph', l, noteLabels));
  return { blocks: [...top, ...middle, ...bottom, ...postscripts], salutation, signature };
}

function isSignature(line: string): boolean {
  return line.length <= 40 && words(line) <= 5 && !/[.!?;:]$/.test(line.replace(/\b[A-Z]\.$/, '')) && /^[\p{Lu}]/u.test(line);
}

function isCloser(line: string): boolean {
  return line.length <= 70 && words(line) <= 8 && (CLOSER.test(line) || (/,$/.test(line) && words(line) <= 3));
}

function block(type: 'paragraph' | 'salutation' | 'dateline' | 'closer' | 'signature' | 'postscript', text: string, notes: Set<string>): Block {
  return { type, content: inlineText(text, notes) };
}

/** Text with "[n]" markers: markers of known notes become noteRef inlines, other brackets stay text. */
export function inlineText(text: string, notes: Set<string>): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[(\d+|[*†‡])\]/g)) {
    const label = m[1]!;
    if (!notes.has(label)) continue;
    if (m.index! > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    out.push({ type: 'noteRef', note: `n${label}`, label });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
