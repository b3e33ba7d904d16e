// Importer for plain-text dumps of MIA pages (the seed's format): header fields, body, notes.
import { parseWrittenStatement } from '../../model/dates.js';
import { slugify, workId } from '../../model/ids.js';
import { emptyEntities, Work, type AgentRef, type Contributor, type PlaceRef, type Publication } from '../../model/work.js';
import { sha256 } from '../../model/checksum.js';
import { labelKind, parseContributors, parsePublication, parseRights, parseSource } from '../mia-common/fields.js';
import { decodeTextBytes } from '../text-decode.js';
import { failed, type ImportContext, type ImportOutcome, type Importer, type SourceFile } from '../types.js';
import { unexpectedFailure } from '../limits.js';
import { shapeBody } from './body.js';
import { LABEL_LINE, splitLayout, type HeaderField } from './header.js';
import { UNKNOWN_LICENCE } from '../../model/licences.js';

export const VERSION = '1.0.0';

export const miaText: Importer = {
  name: 'mia-text',
  version: VERSION,
  sniff(_file, head) {
    if (/<(html|body|p|div|TEI)\b/i.test(head)) return 0;
    const labels = head
      .split(/\r?\n/)
      .slice(0, 40)
      .filter((l) => LABEL_LINE.test(l.trim())).length;
    return labels >= 2 ? 0.9 : labels === 1 ? 0.4 : 0;
  },
  parse(file, ctx) {
    try {
      return parseMiaText(file, ctx);
    } catch (e) {
      return unexpectedFailure(file.path, e);
    }
  },
};

export function parseMiaText(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const decoded = decodeTextBytes(file);
  if ('error' in decoded) return failed({ file: file.path, ...decoded.error });
  const layout = splitLayout(decoded.text);
  if (!layout.fields.length)
    return failed({ file: file.path, line: 1, message: 'no MIA header found (expected lines such as "Written:", "Source:")' });
  if (!layout.body.length)
    return failed({ file: file.path, line: layout.fields.at(-1)!.line, message: 'the header is not followed by any text' });

  const field = (re: RegExp) => layout.fields.find((f) => re.test(f.label));
  const joined = (f: HeaderField | undefined) => (f ? f.value.join(' ').replace(/\s+/g, ' ').trim() : '');

  // Written, with place and destination when the statement gives them.
  const writtenField = field(/^written$/i);
  const written = writtenField ? parseWrittenStatement(joined(writtenField)) : undefined;
  const diagnostics: ImportOutcome['diagnostics'] = [];
  if (writtenField && !written?.date)
    diagnostics.push({
      severity: 'warning',
      file: file.path,
      line: writtenField.line,
      message: `could not read a date in "${joined(writtenField)}"`,
    });

  // Published: the printing(s), plus "Sent to Baku." and other remarks that MIA keeps in this field.
  const published: Publication[] = [];
  const headerNotes: string[] = [];
  let sentTo: PlaceRef | undefined;
  let sentFrom: string | undefined;
  for (const f of layout.fields.filter((f) => /published/i.test(f.label))) {
    for (const line of f.value) {
      const sent = line.match(/^sent\s+(?:from\s+(.+?)\s+)?to\s+(.+?)\.?$/i);
      if (sent) {
        if (sent[1]) sentFrom = sent[1];
        sentTo = place(sent[2]!);
      } else if (/^(first\s+)?published\b/i.test(line) || (!published.length && f.label.toLowerCase() !== 'published')) {
        published.push(parsePublication(line));
      } else if (!published.length) {
        published.push(parsePublication(line));
      } else headerNotes.push(line);
    }
  }
  if (written?.sentTo && !sentTo) sentTo = place(written.sentTo);

  const sourceField = field(/^source$/i);
  const source = sourceField ? parseSource(sourceField.value.join(' ')) : undefined;
  const contributors: Contributor[] = layout.fields
    .filter((f) => labelKind(f.label) === 'contributor')
    .flatMap((f) => parseContributors(f.label, joined(f)));
  const rightsField = layout.fields.find((f) => labelKind(f.label) === 'rights');
  const rights = rightsField
    ? parseRights(rightsField.label, joined(rightsField))
    : { statement: 'Rights not stated in the source.', licence: UNKNOWN_LICENCE };
  const formatsField = field(/^other formats$/i);
  const otherFormats = formatsField?.value.map((v) => ({ label: v.replace(/^[•·*\-–]\s*/, '').trim() })).filter((f) => f.label);

  // Body and notes.
  const noteLabels = new Set(layout.notes.map((n) => n.label));
  const isLetter = Boolean(sentTo) || /\bletter\b/i.test(layout.titleLines.map((l) => l.text).join(' '));
  const shaped = shapeBody(
    layout.body.map((l) => l.text),
    noteLabels,
    isLetter,
  );
  const letter = isLetter || Boolean(shaped.salutation && shaped.signature);

  const authorName = source?.author ?? shaped.signature ?? layout.titleLines[0]?.text;
  const authors: AgentRef[] = authorName ? [ctx.register.resolve(authorName)] : [];
  const recipientName = shaped.salutation ? nameFromSalutation(shaped.salutation) : undefined;
  const recipients: AgentRef[] = letter && recipientName ? [ctx.register.resolve(recipientName)] : [];
  const title =
    layout.titleLines.at(-1)?.text ??
    (letter && recipients[0] ? `To ${recipients[0].name}` : firstWords(layout.body[0]?.text ?? file.path));

  const id = workId({
    author: authors[0]?.id,
    isoDate: written?.date?.start && written.date.precision === 'day' ? written.date.start : written?.date?.start.slice(0, 4),
    recipient: recipients[0] ? (recipients[0].asWritten ?? recipients[0].name).split(' ').at(-1) : undefined,
    title,
  });

  const work = {
    id,
    kind: letter ? 'letter' : 'article',
    title,
    language: 'en',
    authors,
    recipients,
    ...(written
      ? {
          written: {
            ...(written.date ? { date: written.date } : {}),
            ...(written.place || sentFrom ? { place: place((written.place ?? sentFrom)!) } : {}),
            text: joined(writtenField),
          },
        }
      : {}),
    ...(sentTo ? { sentTo } : {}),
    published,
    ...(source ? { source } : {}),
    contributors,
    rights,
    ...(otherFormats?.length ? { otherFormats } : {}),
    ...(headerNotes.length ? { headerNotes } : {}),
    body: shaped.blocks,
    notes: layout.notes.map((n) => ({
      id: `n${n.label}`,
      label: n.label,
      kind: 'editorial' as const,
      blocks: n.lines.map((l) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: l.text }] })),
    })),
    collections: collectionsFor(authors[0], source, letter, written?.date?.start),
    entities: {
      ...emptyEntities(),
      people: [...authors, ...recipients].map((a) => ({
        id: a.id,
        name: a.name,
        ...(a.asWritten ? { aliases: [a.asWritten] } : {}),
        ...(a.refs ? { refs: a.refs } : {}),
      })),
      places: sentTo ? [{ id: sentTo.id, name: sentTo.name }] : [],
    },
    provenance: {
      file: file.path,
      format: 'mia-text',
      importer: `mia-text@${VERSION}`,
      checksum: sha256(file.bytes),
      ...(ctx.now ? { importedAt: ctx.now() } : {}),
    },
  };
  const parsed = Work.safeParse(work);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failed({
      file: file.path,
      element: issue.path.join('.'),
      message: `the record read from this file is invalid: ${issue.message}`,
    });
  }
  return { works: [parsed.data], collections: [], diagnostics };
}

function place(name: string): PlaceRef {
  const clean = name.replace(/\.$/, '').trim();
  return { id: slugify(clean), name: clean };
}

/** "Dear Comrade Shahumyan," → "Shahumyan". */
function nameFromSalutation(s: string): string | undefined {
  const n = s
    .replace(/(?<![,:!])[,:!]+$/, '')
    .replace(/^(my\s+)?(dear(est)?|respected|liebe[rs]?|werte[rs]?|cher|chère)\s+/i, '')
    .replace(/^(comrades?|citizens?|mr\.?|mrs\.?|dr\.?|herr|frau|monsieur|madame|friend)\s+/i, '')
    .trim();
  return n && !/^(comrades?|friends?|sirs?|madam|gentlemen)$/i.test(n) ? n : undefined;
}

function firstWords(text: string): string {
  const w = text.split(/\s+/).slice(0, 8).join(' ');
  return w.length < text.length ? `${w}…` : w;
}

function collectionsFor(
  author: AgentRef | undefined,
  source: ReturnType<typeof parseSource> | undefined,
  letter: boolean,
  start?: string,
): Work['collections'] {
  const out: Work['collections'] = [];
  if (!author) return out;
  if (source?.title && source.volume) {
    const page = Number.parseInt(source.pages ?? '', 10);
    out.push({
      path: [author.id, slugify(source.title), `volume-${slugify(source.volume)}`],
      titles: [author.name, source.title, `Volume ${source.volume}`],
      ...(Number.isFinite(page) ? { position: page } : {}),
    });
  }
  if (letter && start) out.push({ path: [author.id, 'letters', start.slice(0, 4)], titles: [author.name, 'Letters', start.slice(0, 4)] });
  return out;
}
