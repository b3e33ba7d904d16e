// Units → blocks: paragraphs, quotes (p.indentb, p.quoteb, blockquote), verse, headings, data
// tables, lists, preformatted text and rules. Letter parts are refined afterwards (letter.ts).
import type { Block, Inline } from '../../model/work.js';
import { attr, descendants, hasClass, isElement, rawText, tag, type DomElement } from './dom.js';
import { inlineText, splitLines, toInlines, type InlineContext } from './inlines.js';
import type { Draft } from './letter.js';
import { hasCls, type Unit } from './units.js';

const QUOTE_CLASSES = ['indentb', 'quoteb', 'quote', 'quotec', 'quotea', 'indent', 'indentc', 'blockquote', 'quoted'];

function alignOf(el: DomElement): 'left' | 'center' | 'right' | undefined {
  const a = (attr(el, 'align') ?? attr(el, 'style')?.match(/text-align\s*:\s*(\w+)/i)?.[1] ?? '').toLowerCase();
  return a === 'center' || a === 'right' ? a : undefined;
}

/** Short lines broken with <br>: verse, when it is a quotation or marked as a poem. */
function isVerse(inl: Inline[]): boolean {
  const lines = splitLines(inl);
  if (inl.some((i) => i.type === 'text' && i.marks?.some((m) => m.type === 'link'))) return false;
  if (lines.length < 3) return false;
  const texts = lines.map(inlineText);
  if (texts.some((t) => t.length > 70 || /[=\d]/.test(t))) return false;
  return texts.filter((t) => /^[\p{Lu}“"‘'[(]/u.test(t)).length >= (texts.length * 2) / 3;
}

const hasContent = (inl: Inline[]) => inl.some((i) => (i.type === 'text' && i.text.trim() !== '') || i.type === 'noteRef');

/** One unit as a block (undefined when it holds nothing to read). `prefix` carries page breaks forward. */
export function unitToDraft(u: Unit, index: number, ctx: InlineContext, prefix: Inline[] = []): Draft | Inline[] | undefined {
  switch (u.kind) {
    case 'hr':
      return hasClass(u.el, 'end') ? undefined : { block: { type: 'rule' }, unit: index };
    case 'table': {
      const rows = [...descendants(u.el)]
        .filter((d) => tag(d) === 'tr')
        .map((tr) =>
          tr.children.filter((c): c is DomElement => isElement(c) && /^t[dh]$/.test(tag(c))).map((td) => toInlines(td.children, ctx)),
        );
      return { block: { type: 'table', rows: rows.filter((r) => r.some(hasContent)) }, unit: index };
    }
    case 'list': {
      const items = u.el.children.filter((c): c is DomElement => isElement(c) && tag(c) === 'li').map((li) => toInlines(li.children, ctx));
      const kept = items.filter(hasContent);
      return kept.length ? { block: { type: 'list', ordered: tag(u.el) === 'ol', items: kept }, unit: index } : undefined;
    }
    case 'pre': {
      const text = rawText(u.el)
        .replace(/^\n/, '')
        .replace(/(?<!\s)\s+$/, '');
      return text ? { block: { type: 'preformatted', content: [...prefix, { type: 'text', text }] }, unit: index } : undefined;
    }
    case 'h': {
      const content = toInlines(u.nodes, ctx);
      if (!hasContent(content)) return undefined;
      // A heading set in lines that each end in punctuation is an epigraph in verse
      // (<h4>What a torch of reason ceased to burn, <br/>What a heart has ceased to beat!</h4>).
      const lines = splitLines(content);
      if (lines.length >= 2 && lines.every((l) => /[,.;:!?’”]$/.test(inlineText(l))))
        return { block: { type: 'verse', content: [...prefix, ...content] }, unit: index };
      return { block: { type: 'heading', level: Math.min(6, Math.max(1, u.level ?? 3)), content: [...prefix, ...content] }, unit: index };
    }
    default: {
      const content = toInlines(u.nodes, ctx);
      if (!hasContent(content)) {
        const breaks = content.filter((i) => i.type === 'pageBreak');
        return breaks.length ? [...prefix, ...breaks] : undefined;
      }
      const all = [...prefix, ...content];
      const align = alignOf(u.el);
      const quote = u.inQuote || hasCls(u, ...QUOTE_CLASSES);
      let type: Extract<Block, { content: Inline[] }>['type'] = quote ? (isVerse(content) ? 'verse' : 'quote') : 'paragraph';
      if (hasCls(u, 'verse', 'poem', 'poetry')) type = 'verse';
      if (hasCls(u, 'salutation')) type = 'salutation';
      if (hasCls(u, 'placedate', 'dateline')) type = 'dateline';
      const block: Block = { type, content: all, ...(align && type === 'paragraph' ? { align } : {}) };
      return { block, unit: index, ...(hasCls(u, 'sig', 'signed', 'signature') ? { sig: true } : {}) };
    }
  }
}

/** Units → drafts, carrying standalone page breaks into the next block. */
export function unitsToDrafts(
  units: Unit[],
  indexes: number[],
  ctx: InlineContext,
  skipFor?: (i: number) => Set<DomElement> | undefined,
): Draft[] {
  const out: Draft[] = [];
  let pending: Inline[] = [];
  for (const i of indexes) {
    const skip = skipFor?.(i);
    const c: InlineContext = skip ? { ...ctx, skip } : ctx;
    const r = unitToDraft(units[i]!, i, c, pending);
    if (Array.isArray(r)) {
      pending = r;
      continue;
    }
    if (!r) continue;
    if ('content' in r.block) pending = []; // the prefix went into this block; tables, lists, rules pass it on
    out.push(r);
  }
  return out;
}
