// A work's text and its notes as HTML, with two-way links between note markers and notes.
import type { Child } from 'hono/jsx';
import type { Work } from '../../model/work.js';
import { defaultHandlers, renderBlocks, type Handlers, type HtmlContext } from './handlers.js';
import { noteAnchors } from './notes.js';
import { safeHref } from './href.js';

export interface WorkTextOptions {
  handlers?: Handlers;
}

export interface WorkText {
  body: Child;
  /** Undefined when the work has no notes. */
  notes: Child | undefined;
}

/** Renders body first, then notes: markers get their ids in reading order. */
export function renderWorkText(work: Pick<Work, 'body' | 'notes' | 'provenance'>, opts: WorkTextOptions = {}): WorkText {
  const base = safeHref(work.provenance.url);
  const ctx: HtmlContext = {
    handlers: opts.handlers ?? defaultHandlers,
    anchors: noteAnchors(work),
    ...(base && /^https?:/.test(base) ? { base } : {}),
  };
  const body = <div class="work-body">{renderBlocks(work.body, ctx)}</div>;
  if (work.notes.length === 0) return { body, notes: undefined };

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
  return { body, notes };
}
