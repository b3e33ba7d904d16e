// CMIF (Correspondence Metadata Interchange Format) importer: every correspDesc of the file becomes
// a letter Work with metadata only (no body). Rights come from the file's publicationStmt.
import type { Element } from '@xmldom/xmldom';
import type { Importer, ImportContext, ImportOutcome, SourceFile } from '../types.js';
import { failed } from '../types.js';
import { maxDepthOf, plainFailure, unexpectedFailure } from '../limits.js';
import { emptyEntities, Work, type Source } from '../../model/work.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { slugify } from '../../model/ids.js';
import { attr, child, childElements, elementPath, lineOf, normText, parseXml, path, TEI_NS } from '../tei/dom.js';
import { readRights } from '../tei/header.js';
import { readCorrespDesc, type CorrespFields } from '../tei/correspdesc.js';
import { idFromLetterUri, idFromParties, isWorkId, uniqueId } from '../tei/ids.js';
import { sha256 } from '../../model/checksum.js';
import { decodeXml } from '../tei/index.js';

const VERSION = '0.1.0';

/** The bibl a correspDesc/@source points at, as a Source. */
function sourceOf(b: Element): Source {
  const title = normText(b, new Set(['ref', 'idno'])).replace(/(?<![\s.,;:])[\s.,;:]+$/, '') || normText(b);
  const url = attr(child(b, 'ref'), 'target');
  return url ? { title, note: url } : { title };
}

export function letterTitle(c: Pick<CorrespFields, 'authors' | 'recipients' | 'written'>): string {
  const names = (xs: { name: string }[]): string => xs.map((x) => x.name).join(', ') || 'Unknown';
  const date = c.written?.date?.text;
  return `${names(c.authors)} to ${names(c.recipients)}${date ? `, ${date}` : ''}`;
}

function idFor(c: CorrespFields, bibl: Element | undefined, title: string): string {
  if (isWorkId(c.key) && c.key.includes('/')) return c.key;
  const fromRef = idFromLetterUri(c.ref);
  if (fromRef) return fromRef;
  if (c.key) {
    const words = bibl
      ? normText(bibl, new Set(['ref']))
          .split(/\s+/)
          .slice(0, 4)
          .join(' ')
      : 'cmif';
    const edition = slugify(words, 50);
    return `${edition}/${slugify(c.key, 60)}`;
  }
  return idFromParties({ authors: c.authors, recipients: c.recipients, written: c.written, title });
}

function parseCmif(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const parsed = parseXml(decodeXml(file.bytes), file.path, maxDepthOf(ctx));
  if (!parsed.doc) return { works: [], collections: [], diagnostics: parsed.diagnostics };
  const root = parsed.doc.documentElement;
  if (!root || root.namespaceURI !== TEI_NS || root.localName !== 'TEI') {
    return failed({
      file: file.path,
      ...(root ? { line: lineOf(root), element: elementPath(root) } : {}),
      message: 'not a CMIF file: the root must be a TEI element',
    });
  }
  const fileDesc = path(root, 'teiHeader', 'fileDesc');
  const rights = readRights(path(fileDesc, 'publicationStmt', 'availability'));
  const bibls = new Map<string, Element>();
  for (const sd of fileDesc ? childElements(fileDesc, 'sourceDesc') : []) {
    for (const b of childElements(sd, 'bibl')) {
      const id = attr(b, 'xml:id');
      if (id) bibls.set(id, b);
    }
  }
  const diagnostics: Diagnostic[] = [];
  const works: Work[] = [];
  const used = new Set<string>();
  const sum = sha256(file.bytes);
  const now = ctx.now?.();
  const profile = path(root, 'teiHeader', 'profileDesc');
  const descs = profile ? childElements(profile, 'correspDesc') : [];
  if (!descs.length)
    diagnostics.push({
      severity: 'warning',
      file: file.path,
      element: '/TEI/teiHeader/profileDesc',
      message: 'no correspDesc records in this CMIF file',
    });
  for (const el of descs) {
    try {
      const c = readCorrespDesc(el, ctx.register);
      const bibl = c.source ? bibls.get(c.source.replace(/^#/, '')) : bibls.values().next().value;
      if (c.source && !bibl) {
        diagnostics.push({
          severity: 'warning',
          file: file.path,
          line: lineOf(el),
          element: elementPath(el),
          message: `correspDesc/@source ${c.source} names no bibl in sourceDesc`,
        });
      }
      const title = letterTitle(c);
      const work: Work = {
        id: uniqueId(idFor(c, bibl, title), used),
        kind: 'letter',
        title,
        language: 'und',
        authors: c.authors,
        recipients: c.recipients,
        ...(c.written ? { written: c.written } : {}),
        ...(c.sentTo ? { sentTo: c.sentTo } : {}),
        published: [],
        ...(bibl ? { source: sourceOf(bibl) } : {}),
        contributors: [],
        rights: { ...rights },
        ...(c.teiFile ? { otherFormats: [{ label: 'TEI', href: c.teiFile }] } : {}),
        body: [],
        notes: [],
        collections: [],
        entities: emptyEntities(),
        provenance: {
          file: file.path,
          format: 'cmif',
          importer: `cmif@${VERSION}`,
          checksum: sum,
          ...(now ? { importedAt: now } : {}),
          ...(c.ref && /^https?:/.test(c.ref) ? { url: c.ref } : {}),
        },
      };
      const check = Work.safeParse(work);
      if (check.success) works.push(work);
      else {
        const issues = check.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
        diagnostics.push({
          severity: 'warning',
          file: file.path,
          line: lineOf(el),
          element: elementPath(el),
          message: `record skipped: ${issues}`,
        });
      }
    } catch (e) {
      diagnostics.push({
        severity: 'warning',
        file: file.path,
        line: lineOf(el),
        element: elementPath(el),
        message: `record skipped: ${plainFailure(file.path, e)}`,
      });
    }
  }
  return { works, collections: [], diagnostics };
}

export const cmif: Importer = {
  name: 'cmif',
  version: VERSION,
  sniff(_file: SourceFile, head: string): number {
    if (!head.includes('http://www.tei-c.org/ns/1.0')) return 0;
    const descs = head.match(/<correspDesc[\s>]/g)?.length ?? 0;
    // A CMIF file cites its editions (correspDesc/@source) or names itself; several correspDesc alone
    // also occur in TEI letters with text (anthologies, redirected letters), which the TEI importer reads.
    if (
      /<correspDesc[^>]*\ssource="#/.test(head) ||
      /Correspondence Metadata Interchange|<title[^>]*>[^<]*\bCMIF\b|xml:id="cmif|<idno[^>]*>[^<]*\bcmif[^<]*<\/idno>/i.test(head)
    )
      return 0.95;
    return descs >= 2 ? 0.7 : 0;
  },
  parse(file: SourceFile, ctx: ImportContext): ImportOutcome {
    try {
      return parseCmif(file, ctx);
    } catch (e) {
      // importers never throw past their boundary
      return unexpectedFailure(file.path, e);
    }
  },
};
