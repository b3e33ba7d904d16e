// The summary row a listing shows, derived from a Work in one place for every backend.
import type { Work } from '../model/work.js';
import type { WorkSummary } from './store.js';

export function summarise(work: Work, updatedAt: string): WorkSummary {
  return {
    id: work.id,
    kind: work.kind,
    title: work.title,
    language: work.language,
    authors: work.authors.map((a) => ({ id: a.id, name: a.name })),
    recipients: work.recipients.map((r) => ({ id: r.id, name: r.name })),
    date: work.written?.date?.start,
    dateText: work.written?.date?.text,
    collections: work.collections,
    updatedAt,
  };
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
