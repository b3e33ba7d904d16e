// The Work record: the one contract between every layer. Types are inferred from this schema;
// there is no second hand-written copy anywhere in the code base.
import { z } from 'zod';

/** A partial or uncertain historical date. `text` keeps the source's wording. */
export const PartialDate = z.object({
  text: z.string(),
  /** EDTF-style form: 1918-05-14, 1918-05, 1918, 1918-21 (spring), 1917-10/1918-03 (range). */
  iso: z.string(),
  precision: z.enum(['day', 'month', 'season', 'year', 'decade', 'century']),
  /** Earliest and latest calendar day the date can denote (for sorting and filtering). */
  start: z.string().regex(/^-?\d{4}-\d{2}-\d{2}$/),
  end: z.string().regex(/^-?\d{4}-\d{2}-\d{2}$/),
  qualifier: z.enum(['early', 'mid', 'late', 'circa', 'before', 'after']).optional(),
  uncertain: z.boolean().optional(),
  /** Calendar of the wording when not Gregorian, e.g. Old Style dates in Russian sources. */
  calendar: z.enum(['gregorian', 'julian']).optional(),
});
export type PartialDate = z.infer<typeof PartialDate>;

/** A person, place or organisation as named in a work, linked to a register entry by `id`. */
export const AgentRef = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The wording in the source when it differs from the register's display name. */
  asWritten: z.string().optional(),
  /** Authority URIs (Wikidata, VIAF, GND, GeoNames...). */
  refs: z.array(z.string()).optional(),
});
export type AgentRef = z.infer<typeof AgentRef>;

export const PlaceRef = AgentRef.extend({
  coordinates: z.object({ lat: z.number(), lon: z.number() }).optional(),
});
export type PlaceRef = z.infer<typeof PlaceRef>;

// ---- inline content -------------------------------------------------------------------------

export const Mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('emphasis') }),
  z.object({ type: z.literal('strong') }),
  z.object({ type: z.literal('superscript') }),
  z.object({ type: z.literal('subscript') }),
  z.object({ type: z.literal('underline') }),
  z.object({ type: z.literal('strike') }),
  z.object({ type: z.literal('code') }),
  z.object({ type: z.literal('link'), href: z.string() }),
  z.object({
    type: z.literal('entity'),
    entity: z.enum(['person', 'place', 'organisation', 'event', 'work']),
    id: z.string().optional(),
    ref: z.string().optional(),
  }),
]);
export type Mark = z.infer<typeof Mark>;

export const Inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), marks: z.array(Mark).optional() }),
  /** A marker pointing at `notes[].id`; `label` is what the reader sees ("1", "*", "a"). */
  z.object({ type: z.literal('noteRef'), note: z.string(), label: z.string() }),
  z.object({ type: z.literal('lineBreak') }),
  z.object({ type: z.literal('pageBreak'), n: z.string().optional() }),
]);
export type Inline = z.infer<typeof Inline>;

// ---- blocks ----------------------------------------------------------------------------------

const inlines = z.array(Inline);
export const BlockKind = z.enum([
  'paragraph',
  'heading',
  'salutation',
  'dateline',
  'closer',
  'signature',
  'postscript',
  'quote',
  'verse',
  'preformatted',
]);
export const Block = z.union([
  z.object({
    type: BlockKind,
    content: inlines,
    level: z.number().int().min(1).max(6).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
  }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines) }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(inlines)) }),
  z.object({ type: z.literal('rule') }),
]);
export type Block = z.infer<typeof Block>;
/** The block variants that hold inline content (paragraph, salutation, closer...). */
export type TextBlock = Extract<Block, { content: Inline[] }>;
/** The block type for a `type` value: handler maps over blocks are typed with this. */
export type BlockOf<K extends Block['type']> = K extends TextBlock['type'] ? TextBlock : Extract<Block, { type: K }>;

export const Note = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** Who wrote the note: the source edition's editors, the transcriber, or the author. */
  kind: z.enum(['editorial', 'author', 'translator', 'transcriber', 'commentary']).optional(),
  blocks: z.array(Block),
});
export type Note = z.infer<typeof Note>;

// ---- header ----------------------------------------------------------------------------------

export const Publication = z.object({
  venue: z.string(),
  issue: z.string().optional(),
  date: PartialDate.optional(),
  place: z.string().optional(),
  note: z.string().optional(),
  /** The sentence as printed in the header, so nothing of the original statement is lost. */
  text: z.string().optional(),
});
export type Publication = z.infer<typeof Publication>;

export const Source = z.object({
  author: z.string().optional(),
  title: z.string(),
  publisher: z.string().optional(),
  year: z.string().optional(),
  place: z.string().optional(),
  volume: z.string().optional(),
  pages: z.string().optional(),
  note: z.string().optional(),
  text: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const ContributorRole = z.enum(['translator', 'transcriber', 'markup', 'proofreader', 'editor', 'htmlMarkup', 'encoder', 'other']);
export const Contributor = z.object({
  role: ContributorRole,
  name: z.string(),
  /** Free wording of the role where the source gives one ("Online Version", "Copyleft"...). */
  label: z.string().optional(),
  /** When they did it, as the source says: "1999", "1995-1996". */
  date: z.string().optional(),
});
export type Contributor = z.infer<typeof Contributor>;

export const Rights = z.object({
  statement: z.string(),
  /** SPDX identifier, or "public-domain". */
  licence: z.string(),
  credit: z.string().optional(),
  holder: z.string().optional(),
  url: z.string().optional(),
});
export type Rights = z.infer<typeof Rights>;

export const OtherFormat = z.object({ label: z.string(), href: z.string().optional() });

export const CollectionRef = z.object({
  /** ["lenin", "collected-works", "volume-35"] */
  path: z.array(z.string().min(1)).min(1),
  /** Human titles of each path segment where known. */
  titles: z.array(z.string()).optional(),
  position: z.number().int().nonnegative().optional(),
});
export type CollectionRef = z.infer<typeof CollectionRef>;

export const Entity = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  refs: z.array(z.string()).optional(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).optional(),
});
export type Entity = z.infer<typeof Entity>;

export const Provenance = z.object({
  file: z.string(),
  format: z.string(),
  importer: z.string(),
  checksum: z.string(),
  importedAt: z.string().optional(),
  /** Original location of the page on its archive, when known. */
  url: z.string().optional(),
  /**
   * Every absolute file path the same content was imported from (the import pipeline keeps them);
   * contents entries of index pages are matched against these when a page has no archive URL.
   */
  paths: z.array(z.string()).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const WorkKind = z.enum([
  'letter',
  'telegram',
  'note',
  'article',
  'speech',
  'book',
  'chapter',
  'preface',
  'pamphlet',
  'resolution',
  'report',
  'document',
  'poem',
  'interview',
]);
export type WorkKind = z.infer<typeof WorkKind>;

export const Work = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/, 'id must be a lowercase slug path'),
  kind: WorkKind,
  title: z.string().min(1),
  subtitle: z.string().optional(),
  language: z.string().min(2),
  translationOf: z.string().optional(),
  translations: z.array(z.string()).optional(),
  authors: z.array(AgentRef),
  recipients: z.array(AgentRef),
  written: z.object({ date: PartialDate.optional(), place: PlaceRef.optional(), text: z.string().optional() }).optional(),
  sentTo: PlaceRef.optional(),
  published: z.array(Publication),
  source: Source.optional(),
  contributors: z.array(Contributor),
  rights: Rights,
  otherFormats: z.array(OtherFormat).optional(),
  /** Header lines the importer kept but has no field for, in order ("Printed from the Bulletins text."). */
  headerNotes: z.array(z.string()).optional(),
  body: z.array(Block),
  notes: z.array(Note),
  collections: z.array(CollectionRef),
  entities: z.object({
    people: z.array(Entity),
    places: z.array(Entity),
    organisations: z.array(Entity),
    events: z.array(Entity),
  }),
  provenance: Provenance,
});
export type Work = z.infer<typeof Work>;

/**
 * A book's or volume's title page: the header its members take what they lack from (authors, dates,
 * source, translators and other credits, rights), resolved when read (src/model/inherit.ts).
 */
export const TitlePage = z.object({
  authors: z.array(AgentRef).optional(),
  written: Work.shape.written,
  published: z.array(Publication).optional(),
  source: Source.optional(),
  contributors: z.array(Contributor).optional(),
  rights: Rights.optional(),
});
export type TitlePage = z.infer<typeof TitlePage>;

/** A collection page (Collected Works volume, year of letters, a book's contents): ordered members, not a work. */
export const Collection = z.object({
  path: z.array(z.string().min(1)).min(1),
  title: z.string(),
  description: z.string().optional(),
  /** The index page's own header block, when it has one. */
  header: TitlePage.optional(),
  /** Contents entries in page order; `href` as the page wrote it, `workId` when the source names the work. */
  members: z.array(
    z.object({ title: z.string(), href: z.string().optional(), workId: z.string().optional(), note: z.string().optional() }),
  ),
  provenance: Provenance,
});
export type Collection = z.infer<typeof Collection>;

export const emptyEntities = (): Work['entities'] => ({ people: [], places: [], organisations: [], events: [] });
