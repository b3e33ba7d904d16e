// A book's members take what they lack from its title page: a chapter of *Capital* without its own
// author, date, source, translators, credits or rights reads them from the index page's header, the
// nearest ancestor first. Resolved when read, so nothing is copied that could drift; the resolved
// record says which fields came from where.
import { UNKNOWN_LICENCE } from './licences.js';
import type { Collection, TitlePage, Work } from './work.js';

export const INHERITABLE = ['authors', 'written', 'published', 'source', 'contributors', 'rights'] as const;
export type InheritableField = (typeof INHERITABLE)[number];

/** A field a work took from a title page. */
export interface InheritedField {
  field: InheritableField;
  /** The collection whose title page gave it. */
  from: { path: string[]; title: string };
  /** Only the date of `written` was taken (the work names its own place). */
  dateOnly?: true;
}

/** A work as read: its own fields, with what it lacked filled in from its books' title pages. */
export type ResolvedWork = Work & { inherited?: InheritedField[] };

/** Whether the work has the field itself (an unstated licence is not a statement). */
function has(work: Work, field: InheritableField): boolean {
  switch (field) {
    case 'authors':
    case 'published':
    case 'contributors':
      return work[field].length > 0;
    case 'written':
      return !!work.written?.date;
    case 'source':
      return !!work.source;
    case 'rights':
      return work.rights.licence !== UNKNOWN_LICENCE;
  }
}

function given(page: TitlePage, field: InheritableField): boolean {
  const v = page[field];
  return Array.isArray(v) ? v.length > 0 : field === 'written' ? !!page.written?.date : v !== undefined;
}

/**
 * The collections whose title pages a work reads from, nearest first: for each collection the work
 * names (in order), that collection and then each one above it.
 */
export function ancestorPaths(work: Pick<Work, 'collections'>): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const ref of work.collections) {
    for (let n = ref.path.length; n > 0; n--) {
      const p = ref.path.slice(0, n);
      const key = p.join('/');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out;
}

/** `ancestors` nearest first (see ancestorPaths); those without a title page give nothing. */
export function inheritFrom(work: Work, ancestors: Pick<Collection, 'path' | 'title' | 'header'>[]): ResolvedWork {
  const out: ResolvedWork = { ...work };
  const inherited: InheritedField[] = [];
  for (const field of INHERITABLE) {
    if (has(work, field)) continue;
    const from = ancestors.find((a) => a.header && given(a.header, field));
    if (!from) continue;
    const value = structuredClone(from.header![field]);
    // A work that says where it was written but not when keeps its place and takes only the date.
    const dateOnly = field === 'written' && !!work.written;
    if (dateOnly) out.written = { ...work.written, date: from.header!.written!.date! };
    else (out as Record<string, unknown>)[field] = value;
    inherited.push({ field, from: { path: from.path, title: from.title }, ...(dateOnly ? { dateOnly: true as const } : {}) });
  }
  if (inherited.length) out.inherited = inherited;
  return out;
}

/** The work as stored: what it inherited taken out again (a resolved record sent back must not keep copies). */
export function ownFields(work: ResolvedWork): Work {
  const { inherited, ...own } = work;
  if (!inherited?.length) return own;
  const empty: Partial<Work> = { authors: [], published: [], contributors: [], rights: { statement: '', licence: UNKNOWN_LICENCE } };
  const out = { ...own } as Record<string, unknown>;
  for (const { field, dateOnly } of inherited) {
    if (dateOnly && own.written) {
      const { date: _taken, ...rest } = own.written;
      out.written = rest;
    } else if (field in empty) out[field] = empty[field as keyof Work];
    else delete out[field];
  }
  return out as Work;
}
