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
