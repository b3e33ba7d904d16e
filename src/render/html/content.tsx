// A work's text and its notes as HTML, with two-way links between note markers and notes.
import type { Child } from 'hono/jsx';
import type { Work } from '../../model/work.js';
import { defaultHandlers, renderBlocks, type Handlers, type HtmlContext } from './handlers.js';
import { noteAnchors } from './notes.js';
import { safeHref } from './href.js';
import { outline, type OutlineHeading } from './outline.js';

export interface WorkTextOptions {
  handlers?: Handlers;
}

export interface WorkText {
  body: Child;
  /** The in-page contents list, when the text has headings enough to need one. */
  toc: Child | undefined;
  /** Undefined when the work has no notes. */
  notes: Child | undefined;
}

/** Renders body first, then notes: markers get their ids in reading order. */
export function renderWorkText(work: Pick<Work, 'body' | 'notes' | 'provenance'>, opts: WorkTextOptions = {}): WorkText {
  const base = safeHref(work.provenance.url);
  const headings = outline(work.body);
  const ctx: HtmlContext = {
    handlers: opts.handlers ?? defaultHandlers,
    anchors: noteAnchors(work),
    ...(base && /^https?:/.test(base) ? { base } : {}),
    outline: new Map(headings.map((h) => [work.body[h.index]!, h])),
  };
  const body = <div class="work-body">{renderBlocks(work.body, ctx)}</div>;
  const toc = headings.length >= MIN_TOC_HEADINGS ? <Contents headings={headings} notes={work.notes.length > 0} /> : undefined;
  if (work.notes.length === 0) return { body, toc, notes: undefined };

  const anchored = new Set<string>();
  const items = work.notes.map((n) => {
    // A repeated note id keeps its anchor on the first note only: ids must be unique in a page.
    const anchor = anchored.has(n.id) ? undefined : ctx.anchors.noteAnchor.get(n.id);
    anchored.add(n.id);
    const refs = anchor ? (ctx.anchors.markers.get(n.id) ?? []) : [];
    const back =
      refs.length === 0 ? undefined : (
        <span class="backrefs">
          {' '}
          {refs.map((r, i) => (
            <a
              href={`#${r}`}
              class="backref"
              role="doc-backlink"
              aria-label={refs.length > 1 ? `Back to reference ${n.label}, occurrence ${i + 1}` : `Back to reference ${n.label}`}
            >
              ↩{refs.length > 1 ? <sup>{i + 1}</sup> : ''}
            </a>
          ))}
        </span>
      );
    return (
      <li id={anchor} class={n.kind ? `note note-${n.kind}` : 'note'}>
        <span class="note-label">{n.label}</span>
        <div class="note-body">{renderBlocks(n.blocks, ctx, back)}</div>
      </li>
    );
  });
  const notes = (
    <section class="notes" role="doc-endnotes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <ol class="note-list">{items}</ol>
    </section>
  );
  return { body, toc, notes };
}

/** Below this many headings a text is short enough to read without a contents list. */
const MIN_TOC_HEADINGS = 3;

/** The headings as a nested list of links (levels as ./outline.ts renumbered them), then the notes. */
function Contents({ headings, notes }: { headings: OutlineHeading[]; notes: boolean }) {
  const top = Math.min(...headings.map((h) => h.level));
  return (
    <nav class="toc" aria-labelledby="toc-heading">
      <details open>
        <summary id="toc-heading">Contents</summary>
        <ol>
          {headings.map((h) => (
            <li class={`toc-level-${h.level - top + 1}`}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
          {notes ? (
            <li class="toc-level-1">
              <a href="#notes-heading">Notes</a>
            </li>
          ) : (
            ''
          )}
        </ol>
      </details>
    </nav>
  );
}
