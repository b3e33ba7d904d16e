// A search hit: the work's heading (model/summary.ts) with the title and snippets marked where the
// query matched. Backends that keep headings and texts at index time build hits from those; any
// backend can build one from the work itself, with the same result.
import { workHeading, type WorkHeading } from '../model/summary.js';
import type { SearchHit, Snippet } from '../model/search.js';
import { bodyText, headerText, notesText } from '../model/text.js';
import type { Work } from '../model/work.js';
import type { Highlight } from './expand.js';
import { highlightAll, hitSnippets } from './snippets.js';

export function makeHit(f: WorkHeading, snippets: Snippet[], h: Highlight, score: number): SearchHit {
  return {
    id: f.id,
    kind: f.kind,
    title: f.title,
    titleHtml: highlightAll(f.title, h),
    language: f.language,
    ...(f.date !== undefined ? { date: f.date, dateText: f.dateText } : {}),
    authors: f.authors,
    recipients: f.recipients,
    snippets,
    score,
  };
}

/** A hit made from the work itself. */
export function toHit(w: Work, h: Highlight, score: number): SearchHit {
  return makeHit(
    workHeading(w),
    hitSnippets({ body: bodyText(w), notes: w.notes.length ? notesText(w) : '', header: headerText(w) }, h),
    h,
    score,
  );
}
