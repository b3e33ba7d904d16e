// A Work as the search index sees it: five weighted text fields of index terms, the name-like terms,
// and facet values with labels. Pure; shared by every backend.
import type { AgentRef, PlaceRef, Work } from '../model/work.js';
import type { PeopleRegister } from '../model/register.js';
import { bodyText, headerText, notesText } from '../model/text.js';
import { languageName } from '../model/languages.js';
import { decadesSpanned, yearsSpanned } from './dates.js';
import type { FacetName } from '../model/search.js';
import { indexText } from './text.js';
import { workDate } from '../model/summary.js';

export const TEXT_FIELDS = ['title', 'body', 'notes', 'people', 'places'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** bm25 column weights, in TEXT_FIELDS order: a word in the title or a named person counts most. */
export const FIELD_WEIGHTS: Record<TextField, number> = { title: 8, body: 1, notes: 0.5, people: 4, places: 2 };

export interface FacetEntry {
  facet: FacetName;
  value: string;
  label: string;
}

export interface IndexDoc {
  workId: string;
  kind: string;
  language: string;
  dateStart?: string;
  dateEnd?: string;
  fields: Record<TextField, string>;
  /**
   * Name-like terms, distinct: written capitalised inside sentences and never in lower case, or
   * part of a name the record gives. Spelling variants are looked for among names only.
   */
  names: string;
  facets: FacetEntry[];
  /** The plain texts the terms were made from, for backends that keep them to make snippets. */
  texts?: { body: string; notes: string; header: string };
}

/** Primary language subtag, lowercase: "de-AT" → "de". */
export const languageCode = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? lang.toLowerCase();

function spellings(ref: AgentRef, register: PeopleRegister | undefined): string[] {
  return [...new Set([ref.name, ...(ref.asWritten ? [ref.asWritten] : []), ...(register?.spellings(ref.id) ?? [])])];
}

function placeNames(p: PlaceRef): string[] {
  return [...new Set([p.name, ...(p.asWritten ? [p.asWritten] : [])])];
}

/**
 * A work as index fields. `books`: the titles of the collections the work sits in, from their own
 * records (by path key), which the title field and the collection facet use before the work's refs.
 */
export function indexDocument(work: Work, register?: PeopleRegister, books: ReadonlyMap<string, string> = new Map()): IndexDoc {
  const names = new Set<string>();
  const lower = new Set<string>();
  // The books a work sits in are part of its title for ranking: searching "Capital" finds its
  // chapters by title, ahead of works that only mention capital. Their capitals say nothing about names.
  const bookTitles = [
    ...new Set(work.collections.map((c) => books.get(c.path.join('/')) ?? c.titles?.at(-1)).filter((t): t is string => !!t)),
  ];
  const title = [indexText([work.title, work.subtitle ?? ''].join('\n'), names, lower), indexText(bookTitles.join('\n'))]
    .filter(Boolean)
    .join(' ');
  const texts = { body: bodyText(work), notes: notesText(work), header: headerText(work) };
  const body = indexText(texts.body, names, lower);
  // Editorial notes and the header's statements (publication, source) share the weakest field.
  const notes = indexText(`${texts.notes}\n${texts.header}`, names, lower);

  const people: string[] = [];
  const places: string[] = [];
  const facets: FacetEntry[] = [
    { facet: 'kind', value: work.kind, label: work.kind[0]!.toUpperCase() + work.kind.slice(1) },
    { facet: 'language', value: languageCode(work.language), label: languageName(languageCode(work.language)) },
  ];
  const addAgent = (facet: 'author' | 'recipient', ref: AgentRef) => {
    people.push(...spellings(ref, register));
    if (!facets.some((f) => f.facet === facet && f.value === ref.id)) facets.push({ facet, value: ref.id, label: ref.name });
  };
  work.authors.forEach((a) => {
    addAgent('author', a);
  });
  work.recipients.forEach((r) => {
    addAgent('recipient', r);
  });
  for (const e of work.entities.people) people.push(e.name, ...(e.aliases ?? []));

  for (const p of [work.written?.place, work.sentTo]) {
    if (!p) continue;
    places.push(...placeNames(p));
    if (!facets.some((f) => f.facet === 'place' && f.value === p.id)) facets.push({ facet: 'place', value: p.id, label: p.name });
  }
  for (const e of work.entities.places) places.push(e.name, ...(e.aliases ?? []));

  for (const c of work.collections) {
    const value = c.path.join('/');
    if (facets.some((f) => f.facet === 'collection' && f.value === value)) continue;
    const label = books.get(value) ?? (c.titles?.length ? c.titles.join(' › ') : value);
    facets.push({ facet: 'collection', value, label });
  }

  const d = workDate(work);
  for (const y of yearsSpanned(d?.start, d?.end)) facets.push({ facet: 'year', value: String(y), label: String(y) });
  for (const y of decadesSpanned(d?.start, d?.end)) facets.push({ facet: 'decade', value: String(y), label: `${y}s` });

  for (const t of lower) names.delete(t);
  const peopleTerms = indexText(people.join('\n'));
  const placeTerms = indexText(places.join('\n'));
  // Names from the record are names by definition, whatever the text's capitals say.
  for (const t of `${peopleTerms} ${placeTerms}`.split(' ')) if (t.length >= 4) names.add(t);
  return {
    workId: work.id,
    kind: work.kind,
    language: languageCode(work.language),
    ...(d ? { dateStart: d.start, dateEnd: d.end } : {}),
    fields: { title, body, notes, people: peopleTerms, places: placeTerms },
    names: [...names].join(' '),
    facets,
    texts,
  };
}
