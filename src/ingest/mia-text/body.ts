// Body lines of a plain-text letter or article → blocks: salutation and dateline at the top,
// closer, signature and postscripts at the bottom, paragraphs between. Note markers become refs.
import type { Block, Inline } from '../../model/work.js';
import { parseDate } from '../../model/dates.js';

const SALUTATION =
  /^(dear|my dear|dearest|dear comrades?|comrades?|citizens?|sir|madam|gentlemen|respected|to the|liebe[rs]?|werte[rs]?|cher|chère|дорогой|дорогая|уважаемый)\b.{0,80}[,:!]$/i;
const CLOSER =
  /^(yours|your|ever yours|with|best|kind|warm|cordial|fraternal|salut|greetings|regards|faithfully|sincerely|affectionately|всего|ваш|твой|dein|ihr|votre)\b.{0,60}$/i;
const POSTSCRIPT = /^(P\.\s?S\.|PS\b|N\.\s?B\.)/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export type LineRole = 'paragraph' | 'salutation' | 'dateline' | 'closer' | 'signature' | 'postscript';

export interface BodyShape {
  blocks: Block[];
  salutation?: string;
  signature?: string;
}

/**
 * The role of each line of a text: a letter's dateline and salutation at the top, closer lines,
 * signature and postscripts at the bottom, paragraphs between. Shared by the text and Markdown importers.
 */
export function classifyLines(lines: string[], isLetter: boolean): LineRole[] {
  const roles: LineRole[] = lines.map(() => 'paragraph');
  let start = 0;
  let end = lines.length;
  const first = lines[0];
  if (
    first !== undefined &&
    first.length < 60 &&
    /,/.test(first) &&
    parseDate(first) &&
    /\d{4}\.?$/.test(first) &&
    !SALUTATION.test(first)
  ) {
    roles[0] = 'dateline';
    start = 1;
  }
  const hasSalutation = lines[start] !== undefined && SALUTATION.test(lines[start]!);
  if (hasSalutation) roles[start++] = 'salutation';
  let ps = end;
  for (let k = start; k < end; k++)
    if (POSTSCRIPT.test(lines[k]!)) {
      ps = k;
      break;
    }
  for (let k = ps; k < end; k++) roles[k] = 'postscript';
  end = ps;
  if ((isLetter || hasSalutation) && end - 1 > start && isSignature(lines[end - 1]!)) {
    roles[--end] = 'signature';
    while (end - 1 > start && isCloser(lines[end - 1]!)) roles[--end] = 'closer';
  }
  return roles;
}

export function shapeBody(lines: string[], noteLabels: Set<string>, isLetter: boolean): BodyShape {
  const roles = classifyLines(lines, isLetter);
  return {
    blocks: lines.map((l, i) => block(roles[i]!, l, noteLabels)),
    salutation: lines[roles.indexOf('salutation')],
    signature: lines[roles.indexOf('signature')],
  };
}

function isSignature(line: string): boolean {
  return line.length <= 40 && words(line) <= 5 && !/[.!?;:]$/.test(line.replace(/\b[A-Z]\.$/, '')) && /^[\p{Lu}]/u.test(line);
}

function isCloser(line: string): boolean {
  return line.length <= 70 && words(line) <= 8 && (CLOSER.test(line) || (/,$/.test(line) && words(line) <= 3));
}

function block(type: LineRole, text: string, notes: Set<string>): Block {
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
