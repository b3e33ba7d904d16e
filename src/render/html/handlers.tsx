// The HTML renderer as handler maps: one small function per inline, mark and block type of the
// Work record (after mdast-util-to-hast). Callers may override any handler. Every string from
// the record goes through hono/jsx, which escapes text and attribute values.
import type { Child } from 'hono/jsx';
import type { Block, Inline, Mark } from '../../model/work.js';
import type { NoteAnchors } from './notes.js';
import { safeHref } from './href.js';

type ContentBlock = Extract<Block, { content: Inline[] }>;
type BlockOf<K extends Block['type']> = K extends 'list'
  ? Extract<Block, { type: 'list' }>
  : K extends 'table'
    ? Extract<Block, { type: 'table' }>
    : K extends 'rule'
      ? Extract<Block, { type: 'rule' }>
      : ContentBlock;

export type InlineHandlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>, ctx: HtmlContext) => Child };
export type MarkHandlers = { [K in Mark['type']]: (mark: Extract<Mark, { type: K }>, child: Child, ctx: HtmlContext) => Child };
/** `trailing` is placed at the end of the block's last line (a note's back-links go there). */
export type BlockHandlers = { [K in Block['type']]: (block: BlockOf<K>, ctx: HtmlContext, trailing?: Child) => Child };

export interface Handlers {
  inline: InlineHandlers;
  mark: MarkHandlers;
  block: BlockHandlers;
}

export interface HtmlContext {
  handlers: Handlers;
  anchors: NoteAnchors;
  /** URL of the page the text came from; relative links in the text are resolved against it. */
  base?: string;
  /** Heading levels and anchors by block (./outline.ts); without it a heading sits one level below its source level. */
  outline?: Map<Block, { level: number; id: string }>;
}

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

export function renderInlines(nodes: Inline[], ctx: HtmlContext): Child[] {
  return nodes.map((n) => (ctx.handlers.inline[n.type] as (n: Inline, c: HtmlContext) => Child)(n, ctx));
}

/** Blocks that can carry trailing content at the end of their last line. */
const takesTrailing = (b: Block | undefined) =>
  b !== undefined && b.type !== 'table' && b.type !== 'rule' && !(b.type === 'list' && b.items.length === 0);

export function renderBlocks(blocks: Block[], ctx: HtmlContext, trailing?: Child): Child[] {
  const last = blocks[blocks.length - 1];
  const out = blocks.map((b) => {
    const handler = ctx.handlers.block[b.type] as (b: Block, c: HtmlContext, t?: Child) => Child;
    return handler(b, ctx, b === last && takesTrailing(b) ? trailing : undefined);
  });
  if (trailing !== undefined && !takesTrailing(last)) out.push(<p>{trailing}</p>);
  return out;
}

export const markHandlers: MarkHandlers = {
  emphasis: (_m, c) => <em>{c}</em>,
  strong: (_m, c) => <strong>{c}</strong>,
  superscript: (_m, c) => <sup>{c}</sup>,
  subscript: (_m, c) => <sub>{c}</sub>,
  underline: (_m, c) => <span class="underline">{c}</span>,
  strike: (_m, c) => <s>{c}</s>,
  code: (_m, c) => <code>{c}</code>,
  link: (m, c, ctx) => {
    const href = safeHref(m.href, ctx.base);
    return href === undefined ? <span class="link-dropped">{c}</span> : <a href={href}>{c}</a>;
  },
  entity: (m, c) => (
    <span class={`entity entity-${m.entity}`} data-entity={m.id}>
      {c}
    </span>
  ),
};

export const inlineHandlers: InlineHandlers = {
  text: (n, ctx) => {
    let child: Child = n.text;
    // The first mark is the outermost element.
    for (const m of [...(n.marks ?? [])].reverse()) {
      child = (ctx.handlers.mark[m.type] as (m: Mark, c: Child, x: HtmlContext) => Child)(m, child, ctx);
    }
    return child;
  },
  noteRef: (n, ctx) => {
    const anchor = ctx.anchors.noteAnchor.get(n.note);
    if (anchor === undefined) return <sup class="noteref noteref-missing">{n.label}</sup>;
    return (
      <sup class="noteref">
        <a id={ctx.anchors.nextMarker(n.note)} href={`#${anchor}`} role="doc-noteref">
          {n.label}
        </a>
      </sup>
    );
  },
  lineBreak: () => <br />,
  // doc-pagebreak (DPUB-ARIA) marks where a printed page ends; there is nothing to focus.
  pageBreak: (n) =>
    n.n ? (
      // biome-ignore lint/a11y/useFocusableInteractive: a page boundary, not a control
      <span class="pagebreak" role="doc-pagebreak" aria-label={`Page ${n.n}`}>
        {n.n}
      </span>
    ) : (
      // biome-ignore lint/a11y/useFocusableInteractive: a page boundary, not a control
      <span class="pagebreak" role="doc-pagebreak" />
    ),
};

const alignClass = (b: ContentBlock) => (b.align ? `align-${b.align}` : undefined);
const para = (name?: string) => (b: ContentBlock, ctx: HtmlContext, trailing?: Child) => (
  <p class={cls(name, alignClass(b))}>
    {renderInlines(b.content, ctx)}
    {trailing}
  </p>
);

export const blockHandlers: BlockHandlers = {
  paragraph: para(),
  salutation: para('salutation'),
  dateline: para('dateline'),
  closer: para('closer'),
  signature: para('signature'),
  postscript: para('postscript'),
  heading: (b, ctx, trailing) => {
    // The work's title is the page's <h1>; headings inside the text start one level below.
    const o = ctx.outline?.get(b);
    const level = o?.level ?? Math.min((b.level ?? 1) + 1, 6);
    const Tag = `h${level}` as 'h2';
    return (
      <Tag class={alignClass(b)} id={o?.id}>
        {renderInlines(b.content, ctx)}
        {trailing}
      </Tag>
    );
  },
  quote: (b, ctx, trailing) => (
    <blockquote class={alignClass(b)}>
      <p>
        {renderInlines(b.content, ctx)}
        {trailing}
      </p>
    </blockquote>
  ),
  verse: (b, ctx, trailing) => (
    <div class={cls('verse', alignClass(b))}>
      <p>
        {renderInlines(b.content, ctx)}
        {trailing}
      </p>
    </div>
  ),
  preformatted: (b, ctx, trailing) => (
    <pre>
      {renderInlines(b.content, ctx)}
      {trailing}
    </pre>
  ),
  list: (b, ctx, trailing) => {
    const items = b.items.map((item, i) => (
      <li>
        {renderInlines(item, ctx)}
        {i === b.items.length - 1 ? trailing : undefined}
      </li>
    ));
    return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
  },
  table: (b, ctx) => (
    <div class="table-wrap">
      <table>
        <tbody>
          {b.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>{renderInlines(cell, ctx)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ),
  rule: () => <hr />,
};

export const defaultHandlers: Handlers = { inline: inlineHandlers, mark: markHandlers, block: blockHandlers };

/** Default handlers with some replaced, e.g. `withHandlers({ block: { verse: myVerse } })`. */
export function withHandlers(over: { [K in keyof Handlers]?: Partial<Handlers[K]> }): Handlers {
  return {
    inline: { ...inlineHandlers, ...over.inline },
    mark: { ...markHandlers, ...over.mark },
    block: { ...blockHandlers, ...over.block },
  };
}
