// One EPUB content document per work: its header, its text, and its notes as EPUB footnotes
// (epub:type="noteref" markers, one <aside epub:type="footnote"> per note, each linking back to
// every marker), as XHTML.
import type { Child } from 'hono/jsx';
import type { ResolvedWork } from '../../model/inherit.js';
import { renderBlocks, withHandlers, type HtmlContext } from '../html/handlers.js';
import { noteAnchors } from '../html/notes.js';
import { safeHref } from '../html/href.js';
import { outline, type OutlineHeading } from '../html/outline.js';
import { markup, publishHandlers, workHeader } from '../print/header.js';
import { xhtmlDocument } from './xhtml.js';

const epubType = (t: string) => ({ 'epub:type': t });

const handlers = withHandlers({
  ...publishHandlers,
  inline: {
    noteRef: (n, ctx) => {
      const anchor = ctx.anchors.noteAnchor.get(n.note);
      if (anchor === undefined) return <sup class="noteref noteref-missing">{n.label}</sup>;
      return (
        <sup class="noteref">
          <a id={ctx.anchors.nextMarker(n.note)} href={`#${anchor}`} role="doc-noteref" {...epubType('noteref')}>
            {n.label}
          </a>
        </sup>
      );
    },
    pageBreak: (n) =>
      n.n ? (
        // biome-ignore lint/a11y/useFocusableInteractive: a page boundary, not a control
        <span class="pagebreak" role="doc-pagebreak" aria-label={`Page ${n.n}`} {...epubType('pagebreak')}>
          {n.n}
        </span>
      ) : (
        ''
      ),
  },
  mark: publishHandlers.mark,
});

export interface Chapter {
  /** File name inside the package ("c001.xhtml"). */
  file: string;
  title: string;
  /** The text's own headings, for the table of contents. */
  headings: OutlineHeading[];
  xhtml: string;
}

/** The notes as footnotes: each an aside with its label linking back to the first marker. */
function footnotes(work: ResolvedWork, ctx: HtmlContext): Child {
  const seen = new Set<string>();
  const asides = work.notes.map((n) => {
    const anchor = seen.has(n.id) ? undefined : ctx.anchors.noteAnchor.get(n.id);
    seen.add(n.id);
    const refs = anchor ? (ctx.anchors.markers.get(n.id) ?? []) : [];
    const back = refs.length ? (
      <span class="backrefs">
        {' '}
        {refs.map((r, i) => (
          <a
            href={`#${r}`}
            class="backref"
            role="doc-backlink"
            aria-label={`Back to reference ${n.label}${refs.length > 1 ? `, occurrence ${i + 1}` : ''}`}
          >
            ↩{refs.length > 1 ? <sup>{i + 1}</sup> : ''}
          </a>
        ))}
      </span>
    ) : undefined;
    return (
      <aside id={anchor} class={n.kind ? `note note-${n.kind}` : 'note'} role="doc-footnote" {...epubType('footnote')}>
        <p class="note-label">{refs[0] ? <a href={`#${refs[0]}`}>{n.label}</a> : n.label}</p>
        {renderBlocks(n.blocks, ctx, back)}
      </aside>
    );
  });
  return (
    <section class="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {asides}
    </section>
  );
}

export function chapterDocument(work: ResolvedWork, file: string): Chapter {
  const base = safeHref(work.provenance.url);
  const headings = outline(work.body);
  const ctx: HtmlContext = {
    handlers,
    anchors: noteAnchors(work),
    ...(base && /^https?:/.test(base) ? { base } : {}),
    outline: new Map(headings.map((h) => [work.body[h.index]!, h])),
  };
  const body = markup(<div class="work-body">{renderBlocks(work.body, ctx)}</div>);
  const notes = work.notes.length ? markup(footnotes(work, ctx)) : '';
  const section = `<section class="work" epub:type="chapter" role="doc-chapter" aria-labelledby="title">\n${workHeader(work, { headingId: 'title' })}\n${body}\n${notes}\n</section>`;
  return {
    file,
    title: work.title,
    headings,
    xhtml: xhtmlDocument({ title: work.title, lang: work.language, body: section, bodyType: 'bodymatter' }),
  };
}
