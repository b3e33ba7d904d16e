// TEI text structure → Block[]: divisions are flattened, letter parts (opener, salute, closer, signed,
// dateline, postscript) become typed blocks, and block elements nested in paragraphs split them.
import type { Element, Node } from '@xmldom/xmldom';
import { BlockKind, type Block, type Inline } from '../../model/work.js';
import { attr, childElements, isElement, isText, TEI_NS } from './dom.js';
import type { WalkContext } from './context.js';
import { hasContent, inlineChildren, inlineNode, normalizeInlines } from './inline.js';

type Kind = (typeof BlockKind.options)[number];
type Align = 'left' | 'center' | 'right';
interface Scope {
  depth: number;
  inCloser: boolean;
}

class Sink {
  readonly blocks: Block[] = [];
  pending: Inline[] = [];

  /** Loose inline content becomes a block; page breaks alone wait for the next block. */
  flush(type: Kind, align?: Align, level?: number): void {
    if (!this.pending.length) return;
    const content = type === 'preformatted' ? mergeOnly(this.pending) : normalizeInlines(this.pending);
    if (!hasContent(content)) {
      this.pending = content.filter((x) => x.type === 'pageBreak');
      return;
    }
    const b: Block = { type, content };
    if (type === 'heading') b.level = Math.min(6, Math.max(1, level ?? 1));
    if (align) b.align = align;
    this.blocks.push(b);
    this.pending = [];
  }

  push(b: Block): void {
    this.blocks.push(b);
  }

  /** Trailing page breaks go to the end of the last block that has text. */
  finish(): Block[] {
    const rest = this.pending.filter((x) => x.type === 'pageBreak');
    const last = [...this.blocks].reverse().find((b): b is Extract<Block, { content: Inline[] }> => 'content' in b);
    if (rest.length && last) last.content.push(...rest);
    this.pending = [];
    return this.blocks;
  }
}

function mergeOnly(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (x.type === 'text' && !x.text) continue;
    if (x.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(x.marks ?? []))
      last.text += x.text;
    else out.push(x.type === 'text' ? { ...x } : x);
  }
  return out;
}

const KINDS: ReadonlySet<string> = new Set(BlockKind.options);

function alignOf(e: Element): Align | undefined {
  const rend = attr(e, 'rend') ?? '';
  const m = rend.match(/\b(?:align\()?(left|center|centre|right)\)?/i);
  if (!m) return undefined;
  const a = m[1]!.toLowerCase();
  return a === 'centre' ? 'center' : (a as Align);
}

const DIVISIONS = new Set([
  'body',
  'front',
  'div',
  'div1',
  'div2',
  'div3',
  'div4',
  'div5',
  'div6',
  'div7',
  'floatingText',
  'group',
  'text',
  'sp',
]);
const PARA_LIKE = new Set([
  'p',
  'ab',
  'byline',
  'docAuthor',
  'docDate',
  'trailer',
  'argument',
  'epigraph',
  'docImprint',
  'speaker',
  'stage',
]);
/** Split a paragraph when they occur inside one. */
const SPLITTERS = new Set([
  'p',
  'ab',
  'opener',
  'closer',
  'salute',
  'signed',
  'dateline',
  'postscript',
  'lg',
  'list',
  'table',
  'head',
  ...DIVISIONS,
]);
/** Block-level only between paragraphs; inside a paragraph they are inline. */
const DIVISION_ONLY = new Set(['quote', 'cit', 'address', 'milestone', 'note', 'seg', ...PARA_LIKE]);

function walk(el: Element, type: Kind, scope: Scope, ctx: WalkContext, sink: Sink, inPara: boolean, align?: Align): void {
  for (let c: Node | null = el.firstChild; c; c = c.nextSibling) {
    if (isText(c)) {
      if (inPara || sink.pending.length || /[^ \t\n\r]/.test(c.nodeValue ?? '')) inlineNode(c, [], ctx, sink.pending);
      continue;
    }
    if (!isElement(c)) continue;
    const name = c.namespaceURI === TEI_NS ? (c.localName ?? '') : '';
    if (SPLITTERS.has(name) || (!inPara && DIVISION_ONLY.has(name))) {
      if (name === 'note') {
        divisionNote(c, ctx, sink);
        continue;
      }
      if (name === 'milestone' && !/rule|line|asterisk|star|hr/i.test(attr(c, 'rend') ?? '')) continue;
      sink.flush(type, align, scope.depth);
      blockElement(c, name, type, scope, ctx, sink);
    } else {
      inlineNode(c, [], ctx, sink.pending);
    }
  }
}

function paragraph(c: Element, type: Kind, scope: Scope, ctx: WalkContext, sink: Sink): void {
  const own = attr(c, 'type');
  const t = c.localName === 'ab' && own && KINDS.has(own) ? (own as Kind) : type;
  const a = alignOf(c);
  walk(c, t, scope, ctx, sink, true, a);
  sink.flush(t, a, scope.depth);
}

function blockElement(c: Element, name: string, type: Kind, scope: Scope, ctx: WalkContext, sink: Sink): void {
  switch (name) {
    case 'head':
      walk(c, 'heading', scope, ctx, sink, true, alignOf(c));
      return sink.flush('heading', alignOf(c), scope.depth);
    case 'opener':
      walk(c, 'paragraph', { ...scope, inCloser: false }, ctx, sink, false);
      return sink.flush('paragraph');
    case 'closer':
      walk(c, 'closer', { ...scope, inCloser: true }, ctx, sink, false);
      return sink.flush('closer');
    case 'salute':
      return paragraph(c, scope.inCloser ? 'closer' : 'salutation', scope, ctx, sink);
    case 'signed':
      return paragraph(c, 'signature', scope, ctx, sink);
    case 'dateline':
      return paragraph(c, 'dateline', scope, ctx, sink);
    case 'postscript':
      walk(c, 'postscript', scope, ctx, sink, false);
      return sink.flush('postscript');
    case 'quote':
    case 'cit':
      walk(c, 'quote', scope, ctx, sink, false, alignOf(c));
      return sink.flush('quote', alignOf(c));
    case 'lg':
      return verse(c, scope, ctx, sink);
    case 'list':
      return list(c, scope, ctx, sink);
    case 'table':
      return table(c, scope, ctx, sink);
    case 'milestone':
      return sink.push({ type: 'rule' });
    case 'address':
      return paragraph(c, type === 'closer' || type === 'salutation' ? 'paragraph' : type, scope, ctx, sink);
  }
  if (DIVISIONS.has(name)) {
    const deeper = name === 'body' || name === 'front' || name === 'text' || name === 'group' ? scope.depth : scope.depth + 1;
    walk(c, type, { ...scope, depth: deeper }, ctx, sink, false);
    return sink.flush(type);
  }
  return paragraph(c, type, scope, ctx, sink);
}

/** A note standing between paragraphs: its marker goes to the end of the preceding block. */
function divisionNote(c: Element, ctx: WalkContext, sink: Sink): void {
  const refs: Inline[] = [];
  inlineNode(c, [], ctx, refs);
  const last = sink.blocks[sink.blocks.length - 1];
  if (!hasContent(normalizeInlines([...sink.pending])) && last && 'content' in last) last.content.push(...refs);
  else sink.pending.push(...refs);
}

function verse(lg: Element, scope: Scope, ctx: WalkContext, sink: Sink): void {
  let lines: Inline[] = [];
  let count = 0;
  const emit = (): void => {
    const content = normalizeInlines(lines);
    if (hasContent(content)) sink.push({ type: 'verse', content, ...(alignOf(lg) ? { align: alignOf(lg)! } : {}) });
    lines = [];
    count = 0;
  };
  for (let c: Node | null = lg.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && c.localName === 'l') {
      if (count++ > 0) lines.push({ type: 'lineBreak' });
      inlineChildren(c, [], ctx, lines);
    } else if (isElement(c) && c.localName === 'lg') {
      emit();
      verse(c, scope, ctx, sink);
    } else if (isElement(c) && c.localName === 'head') {
      emit();
      blockElement(c, 'head', 'paragraph', scope, ctx, sink);
    } else inlineNode(c, [], ctx, lines);
  }
  emit();
}

/** The content of a list item or table cell as one run of inlines (blocks joined by line breaks). */
function flatInlines(el: Element, scope: Scope, ctx: WalkContext): Inline[] {
  const sub = new Sink();
  walk(el, 'paragraph', scope, ctx, sub, false);
  sub.flush('paragraph');
  const out: Inline[] = [];
  for (const b of sub.finish()) {
    const parts = 'content' in b ? [b.content] : b.type === 'list' ? b.items : b.type === 'table' ? b.rows.flat() : [];
    for (const p of parts) {
      if (out.length) out.push({ type: 'lineBreak' });
      out.push(...p);
    }
  }
  return normalizeInlines(out);
}

function list(el: Element, scope: Scope, ctx: WalkContext, sink: Sink): void {
  const items: Inline[][] = [];
  let label: Inline[] = [];
  for (const c of childElements(el)) {
    if (c.localName === 'head') blockElement(c, 'head', 'paragraph', scope, ctx, sink);
    else if (c.localName === 'label') label = [...flatInlines(c, scope, ctx), { type: 'text', text: ' ' }];
    else if (c.localName === 'item') {
      items.push(normalizeInlines([...label, ...flatInlines(c, scope, ctx)]));
      label = [];
    }
  }
  const ordered = /order|number|decimal|arabic|roman|alpha|enum/i.test(`${attr(el, 'rend') ?? ''} ${attr(el, 'type') ?? ''}`);
  if (items.length) sink.push({ type: 'list', ordered, items });
}

function table(el: Element, scope: Scope, ctx: WalkContext, sink: Sink): void {
  const rows: Inline[][][] = [];
  for (const c of childElements(el)) {
    if (c.localName === 'head') blockElement(c, 'head', 'paragraph', scope, ctx, sink);
    else if (c.localName === 'row') rows.push(childElements(c, 'cell').map((cell) => flatInlines(cell, scope, ctx)));
  }
  if (rows.length) sink.push({ type: 'table', rows });
}

/** The blocks of a text's front and body. */
export function textBlocks(parts: Element[], ctx: WalkContext): Block[] {
  const sink = new Sink();
  for (const p of parts) {
    walk(p, 'paragraph', { depth: 0, inCloser: false }, ctx, sink, false);
    sink.flush('paragraph');
  }
  return sink.finish();
}

/** The blocks inside a note. */
export function noteBlocks(note: Element, ctx: WalkContext): Block[] {
  const sink = new Sink();
  walk(note, 'paragraph', { depth: 0, inCloser: false }, ctx, sink, false);
  sink.flush('paragraph');
  return sink.finish();
}
