// A document page → one Work: header block, title, kind, people, body, notes, collections, id.
import { parseWrittenStatement } from '../../model/dates.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { slugify, workId } from '../../model/ids.js';
import type { PeopleRegister } from '../../model/register.js';
import {
  emptyEntities,
  Work,
  type AgentRef,
  type Block,
  type Contributor,
  type Inline,
  type Note,
  type PartialDate,
  type PlaceRef,
  type Provenance,
} from '../../model/work.js';
import { unitsToDrafts } from './blocks.js';
import { elementPath, hasClass, type Page } from './dom.js';
import { chooseTitle } from './heading.js';
import { parseInfoBlock, isHeaderBlock, type InfoBlock } from './infoblock.js';
import { inlineText, splitLines, toInlines, withoutMarkers, type InlineContext } from './inlines.js';
import { creditLines, datePhrase } from '../mia-common/fields.js';
import { isDateline, isSalutation, nameFromSalutation, parseLetterTitle, shapeLetter, type Draft } from './letter.js';
import { bookTitleOf, metaContent, pageAuthors, pageLanguage, workKind } from './meta.js';
import { findNotes, labelElements, NOTES_HEADING, type NoteMap } from './notes.js';
import { workCollections } from './work-collections.js';
import { bookFolder, dateFromArchivePath, idFromArchivePath, isLettersPath } from './paths.js';
import type { Unit } from './units.js';
import { UNKNOWN_LICENCE } from '../../model/licences.js';

export interface WorkInput {
  page: Page;
  units: Unit[];
  nav: Set<number>;
  filePath: string;
  archivePath?: string[];
  register: PeopleRegister;
  provenance: Provenance;
}

type Diag = Omit<Diagnostic, 'file'>;
const isContentUnit = (u: Unit) => u.kind === 'p' || u.kind === 'loose' || u.kind === 'table' || u.kind === 'list' || u.kind === 'pre';

/** Header blocks (p.information with labels) before the first paragraph, and where the body starts. */
function headerUnits(units: Unit[], nav: Set<number>): { header: number[]; firstContent: number } {
  const header: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (nav.has(i) || u.kind === 'hr' || u.kind === 'h') continue;
    if (u.kind === 'p' && hasClass(u.el, 'information') && isHeaderBlock(u.el)) {
      header.push(i);
      continue;
    }
    if (isContentUnit(u) && (u.text || u.kind !== 'loose')) return { header, firstContent: i };
  }
  return { header, firstContent: units.length };
}

function mergeHeaders(blocks: InfoBlock[]): InfoBlock {
  const out: InfoBlock = { fields: [], published: [], sourceLinks: [], contributors: [], otherFormats: [], headerNotes: [] };
  for (const b of blocks) {
    out.fields.push(...b.fields);
    out.written ??= b.written;
    out.published.push(...b.published);
    out.source ??= b.source;
    out.sourceLinks.push(...b.sourceLinks);
    out.contributors.push(...b.contributors);
    out.rights ??= b.rights;
    out.otherFormats.push(...b.otherFormats);
    out.sent ??= b.sent;
    out.headerNotes.push(...b.headerNotes);
  }
  return out;
}

const place = (name: string | undefined): PlaceRef | undefined => {
  const n = name
    ?.replace(/^\[|\]$/g, '')
    .replace(/(?<![.,;])[.,;]+$/, '')
    .trim();
  return n ? { id: slugify(n, 50), name: n } : undefined;
};

/** "London, 5 May 1875" / "[London] April 17, 1871" / "Folkestone, near Dover" → the place before the date. */
function datelinePlace(text: string): string | undefined {
  const m =
    text.match(/^\[?(\p{Lu}[\p{L}.'’-]*(?:\s+(?:near|bei|am|an|sur|on|\p{Lu}[\p{L}.'’-]*))*)\]?(?:,\s|\]\s)/u) ??
    text.match(/^\[(\p{Lu}[\p{L}.'’ -]*)\]/u);
  const p = m?.[1]?.trim();
  return p && !/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|written|early|late|mid|in|on|at|by|between|before|after|not)/i.test(p)
    ? p
    : undefined;
}

/** Date as an id prefix: year[-month[-day]] the date certainly names (seasons and "before" dates cut back). */
function idDate(d: PartialDate | undefined): string | undefined {
  if (!d) return undefined;
  const m = d.iso.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (m && (!m[2] || +m[2] <= 12)) return m[0];
  const day = d.qualifier === 'before' ? d.end : d.start;
  return d.precision === 'day' ? day : d.precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

const SUBTITLE_LINE =
  /^(?:(?:in|at)\s+\p{Lu}|by\s+\p{Lu}|concerning\b|on the\b|[[(]|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\p{Lu}[\p{L} -]+,\s+(?:\p{Lu}|\d))/iu;
const CHAPTER_FILE =
  /^(?:ch|chap|chapter|part|pt|p|sec|section|appen|appendix|book|notes?|news|postscript|intro|foreword|preface)[\w-]*\.html?$/i;
const NUMERAL_TITLE = /^(?:(?:chapter|part|book|section)\s+)?(?:[IVXLC]+|\d+)\.?$/i;

export function buildWork(inp: WorkInput): { work?: Work; diagnostics: Diag[] } {
  const { page, units, nav, register } = inp;
  const diagnostics: Diag[] = [];
  const { header, firstContent } = headerUnits(units, nav);
  const info = mergeHeaders(header.map((i) => parseInfoBlock(units[i]!.el)));
  const skipForNotes = new Set([...nav, ...header]);
  const notes: NoteMap = findNotes(units, skipForNotes);
  for (const p of notes.problems)
    diagnostics.push({ severity: 'warning', message: p.message, line: units[p.unit]!.line, element: elementPath(units[p.unit]!.el) });
  const ctx: InlineContext = { marker: (el) => notes.markers.get(el) };

  // Title, byline, book title among the opening headings.
  let authors = pageAuthors(page, register);
  const folder = inp.archivePath ? bookFolder(inp.archivePath) : undefined;
  const leading = units.map((_, i) => i).filter((i) => i < firstContent && units[i]!.kind === 'h' && !nav.has(i) && !notes.consumed.has(i));
  const choice = chooseTitle(units, leading, authors, register, !!folder);
  const headingLines = (i: number) =>
    splitLines(withoutMarkers(toInlines(units[i]!.el.children, ctx)))
      .map((l) => inlineText(l).replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  // A title heading whose later lines name a place, a date, a byline or a bracketed topic is title +
  // subtitle ("Marx to Ludwig Kugelmann<br>In Hanover"); other line breaks are only layout.
  const titleLines = choice.title.map(headingLines);
  const splitAt = titleLines.length === 1 ? titleLines[0]!.findIndex((l, k) => k > 0 && SUBTITLE_LINE.test(l)) : -1;
  const titleParts = splitAt > 0 ? titleLines[0]!.slice(0, splitAt) : titleLines.flat();
  let title = titleParts.join(' ').trim();
  const restLines = splitAt > 0 ? titleLines[0]!.slice(splitAt) : [];
  let subtitleAt = choice.subtitle;
  if (restLines.length) subtitleAt = undefined;
  const subtitle = restLines.length ? restLines.join(' ') : subtitleAt !== undefined ? headingLines(subtitleAt).join(' ') : undefined;
  const book =
    choice.bookTitle !== undefined ? headingLines(choice.bookTitle).join(' ') : folder ? bookTitleOf(page, authors, register) : undefined;
  if (title && NUMERAL_TITLE.test(title) && book) title = `${book}: ${title}`;
  if (!title) title = metaContent(page, 'description') ?? page.$('title').first().text().replace(/\s+/g, ' ').trim();

  // No author named in the page's head: a "by Marx" in the opening headings names one.
  if (!authors.length) {
    const by = [subtitle ?? '', ...leading.map((i) => units[i]!.text)]
      .map((t) => t.match(/\bby\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})/u)?.[1])
      .find((n) => n && register.lookup(n));
    if (by) authors = [register.resolve(by)];
  }

  // Letters: sender and recipients from the title.
  const lt = parseLetterTitle(subtitle && restLines.length ? `${title} ${subtitle}` : title);
  const sender = lt.sender ? register.lookup(lt.sender) : undefined;
  if (sender && !authors.some((a) => a.id === sender.id)) authors = [register.resolve(lt.sender!)];
  const titled = !!lt.recipients.length && (!!sender || /^(?:(?:an?\s+)?(?:open\s+)?(?:letter|telegram)s?\s+)?to\s/i.test(title));

  // Body units.
  const used = new Set([
    ...nav,
    ...header,
    ...notes.consumed,
    ...choice.title,
    ...choice.drop,
    ...(subtitleAt !== undefined ? [subtitleAt] : []),
    ...(choice.bookTitle !== undefined ? [choice.bookTitle] : []),
  ]);
  const rest = units.map((_, i) => i).filter((i) => !used.has(i));
  const body = rest.filter((i, k) => {
    const u = units[i]!;
    if (u.kind !== 'h' || !NOTES_HEADING.test(u.text)) return true;
    return rest.slice(k + 1).some((j) => isContentUnit(units[j]!) && units[j]!.text); // an empty "Notes" section
  });
  const drafts = unitsToDrafts(units, body, ctx);
  const sigs = drafts.filter((d) => d.sig).length;
  const opening = drafts
    .slice(0, 4)
    .some((d) => d.block.type === 'salutation' || ('content' in d.block && isSalutation(inlineText(d.block.content))));
  const isLetter = (inp.archivePath ? isLettersPath(inp.archivePath) : false) || titled || (opening && sigs > 0);
  const leadText = leading.map((i) => units[i]!.text).join(' ');
  const kind = workKind({
    title,
    subtitle: [subtitle, leadText].filter(Boolean).join(' '),
    ...(metaContent(page, 'description') ? { description: metaContent(page, 'description')! } : {}),
    isLetter,
    isChapter: !!folder && CHAPTER_FILE.test(inp.archivePath?.at(-1) ?? ''),
    ...(info.written ? { writtenLabel: info.written.label } : {}),
  });
  if (kind === 'letter' || kind === 'telegram') shapeLetter(drafts);
  else splitSignatures(drafts);
  const blocks = tidy(drafts);
  const credits = takeCredits(blocks);
  const letters = countLetters(blocks, 3);
  if (!blocks.some((b) => b.type !== 'rule' && b.type !== 'heading') || letters < 3) {
    return {
      diagnostics: [
        ...diagnostics,
        {
          severity: 'error',
          message: 'no recognisable text: the page has no paragraphs of content',
          line: page.body.sourceCodeLocation?.startLine,
          element: 'body',
        },
      ],
    };
  }

  // Recipients: title first, then the salutation.
  const recipients: AgentRef[] = [];
  if (kind === 'letter' || kind === 'telegram') {
    const names = lt.recipients.length ? lt.recipients : [];
    if (!names.length) {
      const sal = blocks.find((b) => b.type === 'salutation');
      const n = sal && 'content' in sal ? nameFromSalutation(inlineText(sal.content)) : undefined;
      if (n) names.push(n);
    }
    for (const n of names) {
      const r = register.resolve(n);
      if (!recipients.some((x) => x.id === r.id)) recipients.push(r);
    }
  }

  // When and where it was written: the Written field, else a letter's dateline.
  const dateline = blocks.find((b) => b.type === 'dateline');
  const datelineText = dateline && 'content' in dateline ? inlineText(dateline.content).replace(/\n/g, ' ') : undefined;
  // Else a date in the title ("Karl Marx to Ludwig Kugelmann, 30 January 1868") or in the line under
  // it ("The Second Address / September 9, 1870", "Highgate Cemetery, London. March 17, 1883").
  const titleDate = (kind === 'letter' ? datePhrase(title)?.phrase : undefined) ?? (subtitle ? datePhrase(subtitle)?.phrase : undefined);
  const st =
    info.written?.statement ??
    (datelineText && isDateline(datelineText)
      ? parseWrittenStatement(datelineText)
      : titleDate
        ? parseWrittenStatement(titleDate)
        : undefined);
  const writtenPlace = place(
    st?.place ??
      st?.sentFrom ??
      info.sent?.from ??
      (datelineText ? datelinePlace(datelineText) : undefined) ??
      (info.written ? datelinePlace(info.written.text) : undefined),
  );
  const written: Work['written'] = st
    ? {
        ...(st.date ? { date: st.date } : {}),
        ...(writtenPlace ? { place: writtenPlace } : {}),
        text: info.written?.text ?? (datelineText && isDateline(datelineText) ? datelineText : undefined) ?? st.text,
      }
    : undefined;
  const sentTo = place(st?.sentTo ?? info.sent?.to ?? lt.place);

  // Notes.
  const noteList: Note[] = notes.defs.map((d) => {
    const ds = unitsToDrafts(units, range(d.start, d.end), ctx, (i) => (i === d.start ? labelElements(units[i]!, d) : undefined));
    const nb = ds.map((x) => x.block);
    stripLeadingLabel(nb, d.label);
    return { id: d.id, label: d.label, ...(d.kind ? { kind: d.kind } : {}), blocks: nb };
  });

  const rights = info.rights ?? { statement: 'No rights statement on the page (Marxists Internet Archive).', licence: UNKNOWN_LICENCE };
  if (!info.rights)
    diagnostics.push({ severity: 'warning', message: `no rights statement on the page; licence recorded as ${UNKNOWN_LICENCE}` });
  if (!authors.length)
    diagnostics.push({ severity: 'warning', message: 'no author named by the page (no <meta name="author">, byline or series line)' });

  const idDateIso = idDate(st?.date) ?? (inp.archivePath ? dateFromArchivePath(inp.archivePath) : undefined);
  const id =
    folder && inp.archivePath
      ? idFromArchivePath(inp.archivePath)
      : workId({
          author: authors[0]?.id,
          isoDate: idDateIso,
          ...(recipients[0] && (kind === 'letter' || kind === 'telegram') ? { recipient: recipients[0].name.split(' ').at(-1)! } : {}),
          title,
        });

  const people = [...authors, ...recipients]
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i)
    .map((a) => ({ id: a.id, name: a.name, ...(a.asWritten ? { aliases: [a.asWritten] } : {}), ...(a.refs ? { refs: a.refs } : {}) }));
  const places = [writtenPlace, sentTo]
    .filter((p): p is PlaceRef => !!p)
    .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
    .map((p) => ({ id: p.id, name: p.name }));

  const candidate = {
    id,
    kind,
    title: title || 'Untitled',
    ...(subtitle ? { subtitle } : {}),
    language: pageLanguage(page),
    authors,
    recipients,
    ...(written ? { written } : {}),
    ...(sentTo ? { sentTo } : {}),
    published: info.published,
    ...(info.source ? { source: info.source } : {}),
    contributors: [...info.contributors, ...credits.filter((c) => !info.contributors.some((x) => x.role === c.role && x.name === c.name))],
    rights,
    ...(info.otherFormats.length ? { otherFormats: info.otherFormats } : {}),
    ...(info.headerNotes.length ? { headerNotes: info.headerNotes } : {}),
    body: blocks,
    notes: noteList,
    collections: workCollections({
      page,
      units,
      nav,
      archivePath: inp.archivePath,
      folder,
      book,
      authors,
      source: info.source,
      sourceLinks: info.sourceLinks,
      isLetter: kind === 'letter',
    }),
    entities: { ...emptyEntities(), people, places },
    provenance: inp.provenance,
  };
  const parsed = Work.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      diagnostics: [
        ...diagnostics,
        { severity: 'error', message: `the imported record is not a valid Work: ${issue?.path.join('.')}: ${issue?.message}` },
      ],
    };
  }
  return { work: parsed.data, diagnostics };
}

/** p.sig outside letters: "Karl Marx<br>London, January 1859" is a signature and a dateline. */
function splitSignatures(drafts: Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (!d.sig || !('content' in d.block)) continue;
    const lines = splitLines(d.block.content);
    const dated = lines.map((l) => isDateline(inlineText(l)));
    if (lines.length > 1 && dated.some(Boolean) && !dated.every(Boolean)) {
      const join = (ls: Inline[][]) => ls.flatMap((l, k) => (k ? [{ type: 'lineBreak' } as Inline, ...l] : l));
      d.block = { type: 'signature', content: join(lines.filter((_, k) => !dated[k])) };
      drafts.splice(i + 1, 0, { block: { type: 'dateline', content: join(lines.filter((_, k) => dated[k])) }, unit: d.unit });
      i++;
    } else d.block = { type: 'signature', content: d.block.content };
  }
}

/** Letters in the blocks' text, counted up to `enough` (a page of megabytes is not turned into an array of its letters). */
function countLetters(blocks: Block[], enough: number): number {
  let n = 0;
  const texts = (b: Block): string[] =>
    'content' in b
      ? [inlineText(b.content)]
      : b.type === 'list'
        ? b.items.map(inlineText)
        : b.type === 'table'
          ? b.rows.flat().map(inlineText)
          : [];
  for (const b of blocks) for (const t of texts(b)) for (const _ of t.matchAll(/\p{L}/gu)) if (++n >= enough) return n;
  return n;
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);

/** Drop rules at the edges and doubled rules. */
/** MIA's unlabelled credits at the foot of a page ("Transcribed by Bert Schultz (1993)") are contributors, not text. */
function takeCredits(blocks: Block[]): Contributor[] {
  const out: Contributor[] = [];
  for (let k = 0; k < 2 && blocks.length > 1; k++) {
    const b = blocks.at(-1)!;
    if (!('content' in b)) break;
    const found = creditLines(splitLines(b.content).map(inlineText));
    if (!found) break;
    blocks.pop();
    out.unshift(...found);
  }
  return out;
}

function tidy(drafts: Draft[]): Block[] {
  const out: Block[] = [];
  for (const d of drafts) {
    if (d.block.type === 'rule' && (!out.length || out.at(-1)!.type === 'rule')) continue;
    out.push(d.block);
  }
  while (out.at(-1)?.type === 'rule') out.pop();
  return out;
}

/** "10. Philippe Joseph Buchez..." → "Philippe Joseph Buchez..." when the label is still in the text. */
function stripLeadingLabel(blocks: Block[], label: string): void {
  const first = blocks[0];
  if (!first || !('content' in first)) return;
  const t = first.content.find((i): i is Extract<Inline, { type: 'text' }> => i.type === 'text');
  if (!t || first.content.indexOf(t) !== first.content.findIndex((i) => i.type === 'text' || i.type === 'noteRef')) return;
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  t.text = t.text.replace(new RegExp(`^\\s*[[(]?\\s*${esc}\\s*[\\])]?\\.?\\s+`), '');
}
