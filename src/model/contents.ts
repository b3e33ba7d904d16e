// A book's or volume's contents as the archive holds them: each entry of its index page resolved to
// the work or part (a sub-index) it points at, or left pointing at the source. Made by
// src/archive/books.ts, shown by the collection page and written by whole-book exports.
import type { WorkSummary } from './summary.js';
import type { Collection } from './work.js';

export interface ContentsEntry {
  title: string;
  note?: string;
  /** Where the entry points at its source (absolute when the index page's address is known). */
  sourceHref?: string;
  /** The fragment the entry names inside its target ("ch01.htm#007" → "007"). */
  fragment?: string;
  /** The work the archive holds for the entry. */
  work?: WorkSummary;
  /** A part the archive holds as a collection of its own (a sub-index), with its contents. */
  part?: Contents;
}

export interface Contents {
  path: string[];
  title: string;
  record?: Collection;
  entries: ContentsEntry[];
  /** Works the collection holds that no entry of its contents names, in their own order. */
  others: WorkSummary[];
  /** Entries that name something (a work or part): held, and in all. */
  held: number;
  total: number;
}
