// Simple Dublin Core (oai_dc) for a work: the record OAI-PMH harvesters must all understand.
//
// Mapping (simple DC has fifteen unqualified elements, so some choices are ours):
//   title        work title, ": subtitle" appended when there is one
//   creator      each author, by register display name
//   contributor  recipients first (simple DC has no "addressee"; DC-Libraries practice for letters puts
//                them here), then editors/translators/transcribers once each; roles are spelled out in
//                dc:description, since a bare name cannot carry one
//   subject      people, places, organisations and events the text mentions, beyond its correspondents
//                and the places in coverage
//   description  "Letter from A to B, written <date>, <place>; sent to <place>." for correspondence,
//                then each publication statement and the contributors with their roles
//   date         ISO/EDTF form of the written date (1918-05-14, 1918-05, 1917-10/1918-03); the first
//                publication date when the writing date is unknown
//   type         DCMI type "Text", then the kind of work ("letter", "article"...)
//   publisher    the repository publishing this online version, when the caller names it
//   format       text/html (what the identifier URL serves)
//   identifier   the work's URL on this site, when the caller gives one
//   source       the citation of the printed edition the text was taken from
//   language     the work's language code
//   relation     the collections it belongs to (titles joined by " › "), original/translated versions
//   coverage     where it was written and where it was sent
//   rights       the rights statement, then the licence URL (or identifier when no URL is known)
import type { PartialDate, Work } from '../../model/work.js';
import { block, textEl } from '../xml.js';
import { licenceUrl } from '../../model/licences.js';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface DcOptions {
  /** The work's public URL (dc:identifier). */
  url?: string;
  /** Who publishes this online version (dc:publisher), e.g. the repository's name. */
  publisher?: string;
  /** URL of another work by id (dc:relation for translations); ids are given as-is without it. */
  workUrl?: (id: string) => string;
}

/** The DC fields as ordered lists of strings: the mapping itself, apart from the XML. */
export type DcFields = Record<(typeof ELEMENTS)[number], string[]>;
const ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
] as const;

const CORRESPONDENCE = new Set<Work['kind']>(['letter', 'telegram', 'note']);

const unique = (xs: (string | undefined)[]): string[] => [...new Set(xs.map((x) => x?.trim()).filter((x): x is string => !!x))];

const joinList = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function sourceCitation(s: NonNullable<Work['source']>): string {
  if (s.text) return s.text;
  const parts = [s.author, s.title, s.publisher, s.place, s.year, s.volume && `Volume ${s.volume}`, s.pages && `p. ${s.pages}`];
  return `${parts.filter(Boolean).join(', ')}.`;
}

function dateWords(d: PartialDate | undefined): string | undefined {
  return d?.text || d?.iso;
}

function correspondenceLine(work: Work): string | undefined {
  if (!CORRESPONDENCE.has(work.kind)) return undefined;
  const from = joinList(work.authors.map((a) => a.name));
  const to = joinList(work.recipients.map((r) => r.name));
  let s = work.kind.charAt(0).toUpperCase() + work.kind.slice(1);
  if (from) s += ` from ${from}`;
  if (to) s += ` to ${to}`;
  const written = [dateWords(work.written?.date), work.written?.place?.name].filter(Boolean);
  if (written.length) s += `, written ${written.join(', ')}`;
  if (work.sentTo) s += `; sent to ${work.sentTo.name}`;
  return `${s}.`;
}

function contributorRoles(work: Work): string | undefined {
  const byName = new Map<string, string[]>();
  for (const c of work.contributors) {
    const roles = byName.get(c.name) ?? [];
    const role = c.role === 'other' ? (c.label ?? 'contributor') : c.role;
    if (!roles.includes(role)) roles.push(role);
    byName.set(c.name, roles);
  }
  if (byName.size === 0) return undefined;
  return `Contributors: ${[...byName].map(([n, r]) => `${n} (${r.join(', ')})`).join('; ')}.`;
}

export function dcFields(work: Work, opts: DcOptions = {}): DcFields {
  const e = work.entities;
  const rel = (id: string) => (opts.workUrl ? opts.workUrl(id) : id);
  const date = work.written?.date ?? work.published.find((p) => p.date)?.date;
  // The correspondents and places already named as creator, contributor or coverage are not subjects too.
  const named = new Set([...work.authors, ...work.recipients, work.written?.place, work.sentTo].flatMap((a) => (a ? [a.id, a.name] : [])));
  return {
    title: [work.subtitle ? `${work.title}: ${work.subtitle}` : work.title],
    creator: unique(work.authors.map((a) => a.name)),
    subject: unique(
      [...e.people, ...e.places, ...e.organisations, ...e.events].filter((x) => !named.has(x.id) && !named.has(x.name)).map((x) => x.name),
    ),
    description: unique([
      correspondenceLine(work),
      ...work.published.map(
        (p) => p.text ?? [`Published in ${p.venue}`, p.issue && `No. ${p.issue}`, dateWords(p.date)].filter(Boolean).join(', '),
      ),
      contributorRoles(work),
    ]),
    publisher: unique([opts.publisher]),
    contributor: unique([...work.recipients.map((r) => r.name), ...work.contributors.map((c) => c.name)]),
    date: date ? [date.iso] : [],
    type: unique(['Text', work.kind]),
    format: opts.url ? ['text/html'] : [],
    identifier: unique([opts.url]),
    source: work.source ? [sourceCitation(work.source)] : [],
    language: [work.language],
    relation: unique([
      ...work.collections.map((c) => (c.titles?.length === c.path.length ? c.titles : c.path).join(' › ')),
      work.translationOf && rel(work.translationOf),
      ...(work.translations ?? []).map(rel),
    ]),
    coverage: unique([work.written?.place?.name, work.sentTo?.name]),
    rights: unique([work.rights.statement, work.rights.url ?? licenceUrl(work.rights.licence) ?? work.rights.licence]),
  };
}

/** The <oai_dc:dc> element (no XML declaration: it is embedded in OAI-PMH responses). */
export function renderOaiDc(work: Work, opts: DcOptions = {}): string {
  const f = dcFields(work, opts);
  const children = ELEMENTS.flatMap((name) => f[name].map((v) => `  ${textEl(`dc:${name}`, {}, v)}`));
  return block(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': OAI_DC_NS,
      'xmlns:dc': DC_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_SCHEMA}`,
    },
    children,
  );
}
