// Block[] → TEI body: headings open nested <div>s; a leading salutation/dateline run becomes the
// <opener>, a trailing closer/signature/dateline/postscript run the <closer>/<postscript>; the
// same kinds elsewhere are written <ab type="…"> so that they read back as the same blocks.
import type { Block, Inline } from '../../model/work.js';
import { el } from '../xml.js';
import { renderInlines } from './inline.js';

type ContentBlock = Extract<Block, { content: Inline[] }>;
const TOP = new Set(['salutation', 'dateline']);
const BOTTOM = new Set(['closer', 'signature', 'dateline', 'postscript']);

const rend = (b: ContentBlock): { rend?: string } => (b.align ? { rend: b.align } : {});

/** A block in running text (not opener/closer position). */
export function middleBlock(b: Block): string {
  switch (b.type) {
    case 'list':
      return el('list', { rend: b.ordered ? 'numbered' : 'bulleted' }, b.items.map((it) => el('item', {}, renderInlines(it))).join(''));
    case 'table':
      return el('table', {}, b.rows.map((r) => el('row', {}, r.map((c) => el('cell', {}, renderInlines(c))).join(''))).join(''));
    case 'rule':
      return el('milestone', { unit: 'section', rend: 'rule' });
    case 'paragraph':
      return el('p', rend(b), renderInlines(b.content));
    case 'quote':
      return el('quote', {}, el('p', rend(b), renderInlines(b.content)));
    case 'verse': {
      const lines: Inline[][] = [[]];
      for (const x of b.content) {
        if (x.type === 'lineBreak') lines.push([]);
        else lines[lines.length - 1]!.push(x);
      }
      return el('lg', rend(b), lines.map((l) => el('l', {}, renderInlines(l))).join(''));
    }
    case 'preformatted':
      return el('ab', { type: 'preformatted', 'xml:space': 'preserve', ...rend(b) }, renderInlines(b.content));
    default:
      return el('ab', { type: b.type, ...rend(b) }, renderInlines(b.content));
  }
}

function opener(blocks: ContentBlock[]): string {
  const kids = blocks.map((b) => el(b.type === 'salutation' ? 'salute' : 'dateline', rend(b), renderInlines(b.content)));
  return el('opener', {}, kids.join(''));
}

/** The closing run: closer/signature/dateline grouped in <closer>, postscripts in <postscript>. */
function bottom(blocks: ContentBlock[]): string[] {
  const out: string[] = [];
  let group: string[] = [];
  let groupKind: 'closer' | 'postscript' | undefined;
  const close = (): void => {
    if (groupKind) out.push(el(groupKind, {}, group.join('')));
    group = [];
    groupKind = undefined;
  };
  for (const b of blocks) {
    const kind = b.type === 'postscript' ? 'postscript' : 'closer';
    if (kind !== groupKind) close();
    groupKind = kind;
    const name = b.type === 'postscript' ? 'p' : b.type === 'closer' ? 'salute' : b.type === 'signature' ? 'signed' : 'dateline';
    group.push(el(name, rend(b), renderInlines(b.content)));
  }
  close();
  return out;
}

/** One container's blocks (no headings): opener, running text, closing run. */
function container(blocks: Block[], allowBottom: boolean, needContent: boolean): string[] {
  let i = 0;
  while (i < blocks.length && TOP.has(blocks[i]!.type)) i++;
  let j = blocks.length;
  if (allowBottom) while (j > i && BOTTOM.has(blocks[j - 1]!.type)) j--;
  const out: string[] = [];
  if (i > 0) out.push(opener(blocks.slice(0, i) as ContentBlock[]));
  const middle = blocks.slice(i, j).map(middleBlock);
  if (!middle.length && needContent) middle.push('<p/>');
  out.push(...middle);
  out.push(...bottom(blocks.slice(j) as ContentBlock[]));
  return out;
}

/** The content of <body>. */
export function renderBody(blocks: readonly Block[]): string {
  const sections: { head?: ContentBlock; level: number; blocks: Block[] }[] = [{ level: 0, blocks: [] }];
  for (const b of blocks) {
    if (b.type === 'heading') sections.push({ head: b as ContentBlock, level: Math.max(1, b.level ?? 1), blocks: [] });
    else sections[sections.length - 1]!.blocks.push(b);
  }
  const out: string[] = [];
  const pre = sections[0]!;
  out.push(...container(pre.blocks, sections.length === 1, sections.length === 1));
  let depth = 0;
  for (let s = 1; s < sections.length; s++) {
    const sec = sections[s]!;
    while (depth >= sec.level) {
      out.push('</div>');
      depth--;
    }
    while (depth < sec.level - 1) {
      out.push('<div>');
      depth++;
    }
    const next = sections[s + 1];
    const head = el('head', rend(sec.head!), renderInlines(sec.head!.content));
    out.push(`<div>${head}`, ...container(sec.blocks, !next || next.level <= sec.level, false));
    depth++;
  }
  while (depth-- > 0) out.push('</div>');
  return out.join('\n');
}

/** Blocks inside a note: no opener/closer positions. */
export function renderNoteBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'heading'
        ? el('ab', { type: 'heading', ...rend(b as ContentBlock) }, renderInlines((b as ContentBlock).content))
        : middleBlock(b),
    )
    .join('');
}
