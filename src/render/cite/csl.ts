// A Work as one CSL-JSON item (https://citationstyles.org/): the one mapping every citation output
// starts from. BibTeX, RIS and the Chicago, MLA and APA entries are citation-js's renderings of this
// item (engine.ts); the page's reference-manager metadata reads it too (meta.tsx).
import type { AgentRef, PartialDate, Work } from '../../model/work.js';

/** Where the archive is and when it was read: what a citation adds to the work. */
export interface CiteContext {
  /** Public root of the site, no trailing slash (src/archive/site-info.ts). */
  baseUrl: string;
  /** Day the page was read, YYYY-MM-DD; omitted, no "accessed" date is cited. */
  accessed?: string;
}

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts': number[][];
  circa?: boolean;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  language: string;
  author?: CslName[];
  recipient?: CslName[];
  translator?: CslName[];
  editor?: CslName[];
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: CslDate;
  'original-date'?: CslDate;
  URL: string;
  accessed?: CslDate;
}

/** The work's address on the archive: base URL + /works/<id>, each segment escaped. */
export const workUrl = (work: Pick<Work, 'id'>, ctx: CiteContext): string =>
  `${ctx.baseUrl}/works/${work.id.split('/').map(encodeURIComponent).join('/')}`;

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'du', 'la', 'le', 'zu', 'ten', 'ter']);

/**
 * A display name as CSL parts: "V. I. Lenin" → Lenin, V. I.; "Lenin, V. I." as written; lowercase
 * particles before the surname kept with it ("Ludwig van Beethoven"); a one-word name (a pseudonym,
 * an organisation) stays whole.
 */
export function cslName(name: string): CslName {
  const n = name.trim().replace(/\s+/g, ' ');
  const comma = n.indexOf(',');
  if (comma > 0) return { family: n.slice(0, comma).trim(), given: n.slice(comma + 1).trim() };
  const words = n.split(' ');
  if (words.length < 2) return { literal: n };
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  const particle = words.slice(i, words.length - 1).join(' ');
  return {
    family: words.at(-1)!,
    given: words.slice(0, i).join(' '),
    ...(particle ? { 'non-dropping-particle': particle } : {}),
  };
}

const names = (refs: readonly (AgentRef | { name: string })[]) => refs.map((r) => cslName(r.name));

/** A partial date in CSL's parts, to the precision it has ("1918-05-14" → [[1918, 5, 14]]). */
export function cslDate(d: PartialDate): CslDate {
  const parts = (day: string, precision: PartialDate['precision']): number[] => {
    const [, y, m, dd] = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(day)!.map(Number) as [number, number, number, number];
    return precision === 'day' ? [y, m, dd] : precision === 'month' ? [y, m] : [y];
  };
  const start = parts(d.start, d.precision);
  const range = d.iso.includes('/') || ((d.precision === 'decade' || d.precision === 'century') && d.start !== d.end);
  return {
    'date-parts': range ? [start, parts(d.end, d.precision)] : [start],
    ...(d.qualifier === 'circa' || d.uncertain ? { circa: true } : {}),
  };
}

const yearOf = (text: string | undefined): number | undefined => {
  const m = text && /\b(\d{4})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * CSL has no "letter" type: a letter printed in a volume is a book section (`chapter`, as reference
 * managers file it, so the volume and page are cited); one known from no edition is
 * `personal_communication`. Other works in a volume are chapters too; the rest by what they are.
 */
function cslType(work: Work): string {
  if (work.source?.title) return 'chapter';
  if (work.kind === 'letter' || work.kind === 'telegram' || work.kind === 'note') return 'personal_communication';
  if (work.kind === 'book') return 'book';
  if (work.kind === 'speech') return 'speech';
  if (work.kind === 'interview') return 'interview';
  if (work.kind === 'article' && work.published[0]) return 'article-newspaper';
  return 'document';
}

/** The work as one CSL item: from its source edition (or first publication), translator, dates and address. */
export function cslItem(work: Work, ctx: CiteContext): CslItem {
  const src = work.source;
  const pub = work.published[0];
  const byRole = (role: Work['contributors'][number]['role']) => {
    const seen = new Set<string>();
    return work.contributors.filter((c) => c.role === role && !seen.has(c.name) && seen.add(c.name));
  };
  const translators = byRole('translator');
  const editors = byRole('editor');
  const written = work.written?.date;
  // Issued: the edition cited (the source's year), else the first publication, else when it was written.
  const editionYear = yearOf(src?.year);
  const issued: CslDate | undefined =
    editionYear !== undefined ? { 'date-parts': [[editionYear]] } : pub?.date ? cslDate(pub.date) : written ? cslDate(written) : undefined;
  const original = written && (editionYear !== undefined || pub?.date) ? cslDate(written) : undefined;
  const accessed = ctx.accessed && /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.accessed);
  const container = src?.title ?? (pub && !src ? pub.venue : undefined);
  return {
    id: work.id,
    type: cslType(work),
    title: work.subtitle ? `${work.title}: ${work.subtitle}` : work.title,
    language: work.language,
    ...(work.authors.length ? { author: names(work.authors) } : {}),
    ...(work.recipients.length ? { recipient: names(work.recipients) } : {}),
    ...(translators.length ? { translator: names(translators) } : {}),
    ...(editors.length ? { editor: names(editors) } : {}),
    ...(container ? { 'container-title': container } : {}),
    ...(src?.volume ? { volume: src.volume } : {}),
    ...(!src && pub?.issue ? { issue: pub.issue } : {}),
    ...(src?.pages ? { page: src.pages } : {}),
    ...(src?.publisher ? { publisher: src.publisher } : {}),
    ...((src?.place ?? (!src ? pub?.place : undefined)) ? { 'publisher-place': (src?.place ?? pub?.place)! } : {}),
    ...(issued ? { issued } : {}),
    ...(original ? { 'original-date': original } : {}),
    URL: workUrl(work, ctx),
    ...(accessed ? { accessed: { 'date-parts': [[Number(accessed[1]), Number(accessed[2]), Number(accessed[3])]] } } : {}),
  };
}
