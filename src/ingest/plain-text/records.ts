// Why: the parts book.ts finds become records here, and only here: ids, the book's collection and each
// member's place in it, authors, recipients, places and dates, provenance and rights. One scheme for
// every book: the path is [author id, book slug] when the author is known, else ["books", book slug];
// member ids are that path plus the part's key (chapter-05, letter-02, opening).
import { sha256 } from '../../model/checksum.js';
import { slugify, workId } from '../../model/ids.js';
import { UNKNOWN_LICENCE } from '../../model/licences.js';
import type { PeopleRegister } from '../../model/register.js';
import {
  emptyEntities,
  type AgentRef,
  type Block,
  type Collection,
  type CollectionRef,
  type PlaceRef,
  type Work,
} from '../../model/work.js';
import type { ImportContext, SourceFile } from '../types.js';
import type { BookShape, Part } from './book.js';
import type { Dateline } from './letters.js';
import { salutationName } from './letters.js';
import { agentFor } from './names.js';

export const FORMAT = 'plain-text';
export const VERSION = '1.0.0';

/** What the records share: where they came from, in which language, by whom. */
export interface BookContext {
  file: SourceFile;
  ctx: ImportContext;
  title: string;
  authors: AgentRef[];
  language: string;
  contributors: Work['contributors'];
  /** sha256 of the file's bytes, computed once for all its records. */
  checksum?: string;
}

/** Records without the parts that vary: provenance, rights and the empty lists every Work has. */
function base(b: BookContext): Pick<Work, 'language' | 'published' | 'contributors' | 'notes' | 'rights' | 'provenance'> {
  return {
    language: b.language,
    published: [],
    contributors: b.contributors,
    notes: [],
    rights: { statement: 'Rights not stated in the source.', licence: UNKNOWN_LICENCE },
    provenance: {
      file: b.file.path,
      format: FORMAT,
      importer: `${FORMAT}@${VERSION}`,
      checksum: (b.checksum ??= sha256(b.file.bytes)),
      ...(b.ctx.now ? { importedAt: b.ctx.now() } : {}),
    },
  };
}

/** The collection path of a book: under its author when known, else under "books". */
export function bookPath(b: BookContext): { path: string[]; titles: string[] } {
  const slug = slugify(b.title, 60);
  const author = b.authors[0];
  return author ? { path: [author.id, slug], titles: [author.name, b.title] } : { path: ['books', slug], titles: ['Books', b.title] };
}

const place = (name: string): PlaceRef => ({ id: slugify(name, 50), name });

/** The date and place a dateline gives; its wording stays in the body (a dateline is not a "Written:" sentence). */
function written(d: Dateline | undefined, places: Map<string, string>): Work['written'] {
  if (!d) return undefined;
  const name = d.place ? (places.get(d.place) ?? d.place) : undefined;
  return {
    date: d.date,
    ...(name ? { place: { ...place(name), ...(d.place && d.place !== name ? { asWritten: d.place } : {}) } } : {}),
  };
}

function entities(people: AgentRef[], where?: PlaceRef): Work['entities'] {
  const seen = new Map<string, AgentRef>();
  for (const p of people) if (!seen.has(p.id)) seen.set(p.id, p);
  return {
    ...emptyEntities(),
    people: [...seen.values()].map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.asWritten ? { aliases: [a.asWritten] } : {}),
      ...(a.refs ? { refs: a.refs } : {}),
    })),
    places: where ? [{ id: where.id, name: where.name, ...(where.asWritten ? { aliases: [where.asWritten] } : {}) }] : [],
  };
}

/**
 * One place per name within a book: "Petersburg" beside "St. Petersburg" in the same run of letters is
 * the same city, written short, and takes the fuller name (the short form is kept as written).
 */
function unifyPlaces(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const distinct = [...new Set(names)];
  for (const n of distinct) {
    const fuller = distinct.filter((m) => m !== n && m.toLowerCase().endsWith(` ${n.toLowerCase()}`)).sort((a, b) => a.length - b.length);
    out.set(n, fuller.length === 1 ? fuller[0]! : n);
  }
  return out;
}

/** A book without divisions: one Work of kind 'book'. */
export function bookWork(b: BookContext, blocks: Block[], datelines: Dateline[]): unknown {
  const { path } = bookPath(b);
  const w = datelines.length === 1 ? written(datelines[0], new Map()) : undefined;
  return {
    ...base(b),
    id: path.join('/'),
    kind: 'book',
    title: b.title,
    authors: b.authors,
    recipients: [],
    ...(w ? { written: w } : {}),
    body: blocks,
    collections: [],
    entities: entities(b.authors, w?.place),
  };
}

/** A text that is one letter: author from the file name or a signature the register knows; recipient from the salutation. */
export function letterWork(b: BookContext, letter: NonNullable<BookShape['letter']>, register: PeopleRegister): unknown {
  const authors = b.authors.length
    ? b.authors
    : letter.signature && register.lookup(letter.signature.replace(/[.,]$/, ''))
      ? [agentFor(letter.signature.replace(/[.,]$/, ''), register)]
      : [];
  const to = letter.salutation ? salutationName(letter.salutation) : undefined;
  const recipients = to ? [agentFor(to, register)] : [];
  const w = written(letter.dateline, new Map());
  const date = w?.date;
  const title = recipients[0] ? `To ${recipients[0].name}` : b.title;
  return {
    ...base(b),
    id: workId({
      author: authors[0]?.id,
      isoDate: date?.precision === 'day' ? date.start : date?.start.slice(0, 4),
      recipient: recipients[0] ? (recipients[0].asWritten ?? recipients[0].name).split(' ').at(-1) : undefined,
      title,
    }),
    kind: 'letter',
    title,
    authors,
    recipients,
    ...(w ? { written: w } : {}),
    body: letter.blocks,
    collections: [],
    entities: entities([...authors, ...recipients], w?.place),
  };
}

/** A book with divisions: its collection, and one Work per part, each a member at its position. */
export function bookRecords(b: BookContext, parts: Part[], register: PeopleRegister): { works: unknown[]; collection: Collection } {
  const { path, titles } = bookPath(b);
  const prefix = path.join('/');
  const places = unifyPlaces(parts.flatMap((p) => (p.letter?.dateline?.place ? [p.letter.dateline.place] : [])));
  const used = new Set<string>();
  const next = new Map<string, number>();
  const works = parts.map((p, i) => {
    let key = p.key;
    for (let n = next.get(p.key) ?? 2; used.has(key); n++) {
      key = `${p.key}-${n}`;
      next.set(p.key, n + 1);
    }
    used.add(key);
    const ref: CollectionRef = { path, titles, position: i + 1 };
    if (p.kind === 'letter') {
      const h = p.letter!;
      const authors = h.sender ? [agentFor(h.sender, register)] : [];
      const recipients = h.recipient ? [agentFor(h.recipient, register)] : [];
      const w = written(h.dateline, places);
      return {
        ...base(b),
        id: `${prefix}/${key}`,
        kind: 'letter',
        title: p.title,
        authors,
        recipients,
        ...(w ? { written: w } : {}),
        body: p.blocks,
        collections: [ref],
        entities: entities([...authors, ...recipients], w?.place),
      };
    }
    const w = p.datelines.length === 1 ? written(p.datelines[0], places) : undefined;
    return {
      ...base(b),
      id: `${prefix}/${key}`,
      kind: p.kind === 'preface' ? 'preface' : 'chapter',
      title: p.title,
      authors: b.authors,
      recipients: [],
      ...(w ? { written: w } : {}),
      body: p.blocks,
      collections: [ref],
      entities: entities(b.authors, w?.place),
    };
  });
  const collection: Collection = {
    path,
    title: b.title,
    members: works.map((w) => ({ title: w.title, workId: w.id })),
    provenance: base(b).provenance,
  };
  return { works, collection };
}
