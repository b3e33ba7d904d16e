// The short forms of a Work that lists, search hits and navigation show: one projection, used by
// both stores, the search backends and the page templates.
import type { PartialDate, Work } from './work.js';

type Party = { id: string; name: string };

/** What a list entry or a search hit shows of a work: title, kind, people and date. */
export interface WorkHeading {
  id: string;
  kind: Work['kind'];
  title: string;
  language: string;
  /** ISO start day of the written date, for sorting; absent when undated. */
  date?: string;
  dateText?: string;
  authors: Party[];
  recipients: Party[];
}

/** A work as listings show it: its heading, where it sits and when it last changed. */
export interface WorkSummary extends WorkHeading {
  collections: Work['collections'];
  updatedAt: string;
}

export interface CollectionSummary {
  path: string[];
  title: string;
  /** Works filed in it (or below it). */
  count: number;
  /** Entries of its index page's contents, when it has one. */
  entries?: number;
}

export interface Neighbours {
  previous?: WorkSummary;
  next?: WorkSummary;
}

const party = ({ id, name }: Party): Party => ({ id, name });

/**
 * The date a work is listed, sorted and filtered by: when it was written, or, when the record does not
 * say, when it was first published (an article known only by its newspaper's date).
 */
export function workDate(work: Pick<Work, 'written' | 'published'>): PartialDate | undefined {
  return work.written?.date ?? work.published.find((p) => p.date)?.date;
}

export function workHeading(work: Work): WorkHeading {
  const d = workDate(work);
  return {
    id: work.id,
    kind: work.kind,
    title: work.title,
    language: work.language,
    ...(d ? { date: d.start, dateText: d.text } : {}),
    authors: work.authors.map(party),
    recipients: work.recipients.map(party),
  };
}

export function summarise(work: Work, updatedAt: string): WorkSummary {
  return { ...workHeading(work), collections: work.collections, updatedAt };
}

export const pathKey = (path: string[]): string => path.join('/');

/**
 * A member's place in a collection as one binary-ordered string: position, then written date, then id,
 * a missing position or date sorting last ("~" follows digits, "-" and "|"). Both stores index
 * (path, sort_key), so previous/next is two keyset lookups instead of reading the whole collection.
 */
export function sortKey(position: number | undefined, date: string | undefined, id: string): string {
  return `${position === undefined ? '~' : String(position).padStart(10, '0')}|${date ?? '~'}|${id}`;
}
