// TEI P5 importer: one Work per <TEI> (a teiCorpus gives several). Letters are read from
// correspDesc; the text from front/body, notes from the running text and from back/standOff.
import { sha256 } from '../../model/checksum.js';
import type { Element } from '@xmldom/xmldom';
import type { Importer, ImportContext, ImportOutcome, SourceFile } from '../types.js';
import { failed } from '../types.js';
import { maxDepthOf, plainFailure, tooDeepMessage, unexpectedFailure } from '../limits.js';
import { Work, type AgentRef, type Note } from '../../model/work.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { attr, child, childElements, elementPath, lineOf, nestedPast, parseXml, path, TEI_NS } from './dom.js';
import { readHeader } from './header.js';
import { readAgent, readCorrespDesc, readDate, readPlace } from './correspdesc.js';
import { EntityCollector, EntityIndex } from './entities.js';
import { NoteIndex, type WalkContext } from './context.js';
import { noteBlocks, textBlocks } from './body.js';
import { idFromEdition, idFromLetterUri, idFromParties, isWorkId, uniqueId } from './ids.js';
import { describeLists, registerLists } from './lists.js';

const VERSION = '0.1.0';

/** Decode per the XML declaration (UTF-8 unless it says otherwise); BOM dropped. */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const enc = head.match(/^<\?xml[^>]*encoding=["']([\w.-]+)["']/)?.[1]?.toLowerCase();
  const label = enc && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(enc) ? 'windows-1252' : 'utf-8';
  return new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');
}

function titleFor(w: Pick<Work, 'authors' | 'recipients' | 'written'>): string | undefined {
  const from = w.authors.map((a) => a.name).join(', ');
  const to = w.recipients.map((a) => a.name).join(', ');
  if (!from && !to) return undefined;
  const date = w.written?.date?.text;
  return `${from || 'Unknown'} to ${to || 'Unknown'}${date ? `, ${date}` : ''}`;
}

function buildWork(teiEl: Element, file: SourceFile, sum: string, ctx: ImportContext, diagnostics: Diagnostic[], used: Set<string>): Work {
  const h = readHeader(teiEl);
  const index = new EntityIndex(teiEl);
  const profile = path(teiEl, 'teiHeader', 'profileDesc');
  const cdEl = profile ? childElements(profile, 'correspDesc')[0] : undefined;
  const cd = cdEl ? readCorrespDesc(cdEl, ctx.register, index) : undefined;
  const text = child(teiEl, 'text');
  const parts = [child(text, 'front'), child(text, 'body') ?? child(text, 'group')].filter((e): e is Element => !!e);
  const noteRoots = [...parts, child(text, 'back'), child(teiEl, 'standOff')].filter((e): e is Element => !!e);
  const wctx: WalkContext = {
    file: file.path,
    diagnostics,
    warned: new Set(),
    entities: new EntityCollector(index),
    notes: new NoteIndex(noteRoots),
    inlineNotes: [],
  };
  if (!path(teiEl, 'teiHeader', 'fileDesc', 'publicationStmt', 'availability')) {
    diagnostics.push({
      severity: 'warning',
      file: file.path,
      line: lineOf(teiEl),
      element: `${elementPath(teiEl)}/teiHeader/fileDesc/publicationStmt`,
      message: `no availability/licence: rights recorded as ${h.rights.licence}`,
    });
  }
  const body = textBlocks(parts, wctx);
  const notes: Note[] = wctx.inlineNotes.splice(0);
  for (const el of wctx.notes.detached) {
    const info = wctx.notes.byElement.get(el)!;
    const note: Note = { id: info.id, label: info.label, ...(info.kind ? { kind: info.kind } : {}), blocks: [] };
    note.blocks = noteBlocks(el, wctx);
    notes.push(note, ...wctx.inlineNotes.splice(0));
  }

  const authors = cd?.authors.length
    ? cd.authors
    : h.titleAuthors
        .map((a) => readAgent(child(a, 'persName') ?? child(a, 'name') ?? a, ctx.register, index))
        .filter((a): a is AgentRef => !!a);
  let written = cd?.written;
  const creation = child(profile, 'creation');
  if (!written && creation) {
    const date = readDate(child(creation, 'date'));
    const place = readPlace(child(creation, 'placeName'), index);
    if (date || place) written = { ...(date ? { date } : {}), ...(place ? { place } : {}) };
  }
  if (h.writtenText !== undefined) written = { ...written, text: h.writtenText };

  const base = {
    authors,
    recipients: cd?.recipients ?? [],
    ...(written ? { written } : {}),
  };
  const title = h.title || titleFor(base) || 'Untitled';
  const localId = attr(teiEl, 'xml:id') ?? attr(teiEl, 'n');
  const id =
    (isWorkId(h.octavoId) ? h.octavoId : undefined) ??
    idFromEdition(h.edition, localId) ??
    idFromLetterUri(cd?.ref) ??
    idFromParties({ ...base, title });

  const work: Work = {
    id: uniqueId(id, used),
    kind: h.kind ?? (cdEl ? 'letter' : 'document'),
    title,
    ...(h.subtitle ? { subtitle: h.subtitle } : {}),
    language: h.language && h.language.length >= 2 ? h.language : 'und',
    ...(h.translationOf ? { translationOf: h.translationOf } : {}),
    ...(h.translations ? { translations: h.translations } : {}),
    ...base,
    ...(cd?.sentTo ? { sentTo: cd.sentTo } : {}),
    published: h.published,
    ...(h.source ? { source: h.source } : {}),
    contributors: h.contributors,
    rights: h.rights,
    ...(h.otherFormats ? { otherFormats: h.otherFormats } : {}),
    ...(h.headerNotes ? { headerNotes: h.headerNotes } : {}),
    body,
    notes,
    collections: h.collections,
    entities: wctx.entities.result(),
    provenance: {
      file: file.path,
      format: 'tei',
      importer: `tei@${VERSION}`,
      checksum: sum,
      ...(ctx.now ? { importedAt: ctx.now() } : {}),
      ...(cd?.ref && /^https?:/.test(cd.ref) ? { url: cd.ref } : {}),
    },
  };
  return work;
}

function teiElements(root: Element): Element[] {
  if (root.namespaceURI !== TEI_NS) return [];
  if (root.localName === 'TEI') return [root];
  if (root.localName === 'teiCorpus') return childElements(root).flatMap(teiElements);
  return [];
}

/** Notes nest inside notes no deeper than this (each level is a walk of its own, several calls deep). */
const NOTE_NESTING = 100;

function parseTei(file: SourceFile, ctx: ImportContext): ImportOutcome {
  const text = decodeXml(file.bytes);
  const maxDepth = maxDepthOf(ctx);
  const parsed = parseXml(text, file.path, maxDepth);
  if (!parsed.doc) return { works: [], collections: [], diagnostics: parsed.diagnostics };
  const root = parsed.doc.documentElement;
  if (!root) return failed({ file: file.path, message: 'no root element' });
  const teis = teiElements(root);
  if (!teis.length) {
    return failed({
      file: file.path,
      line: lineOf(root),
      element: elementPath(root),
      message: `not a TEI P5 document (root <${root.nodeName}> in ${root.namespaceURI ?? 'no namespace'})`,
    });
  }
  const diagnostics: Diagnostic[] = [];
  const works: Work[] = [];
  const used = new Set<string>();
  const sum = sha256(file.bytes);
  for (const t of teis) {
    const lists = registerLists(t);
    if (lists) {
      diagnostics.push({
        severity: 'error',
        file: file.path,
        line: lineOf(lists[0]!),
        element: elementPath(lists[0]!),
        message: describeLists(lists),
        code: 'not-a-document',
      });
      continue;
    }
    // A note is read as a little text of its own, by the same walkers: notes inside notes recurse deepest.
    const noteLimit = Math.min(maxDepth, NOTE_NESTING);
    const deepNote = nestedPast(t, 'note', noteLimit);
    if (deepNote) {
      const line = lineOf(deepNote) ?? 1;
      diagnostics.push({
        severity: 'error',
        file: file.path,
        line,
        element: 'note',
        message: tooDeepMessage({ offset: 0, line, what: 'notes within notes' }, noteLimit),
      });
      continue;
    }
    try {
      const w = buildWork(t, file, sum, ctx, diagnostics, used);
      const check = Work.safeParse(w);
      if (check.success) works.push(w);
      else {
        const issues = check.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
        diagnostics.push({
          severity: 'error',
          file: file.path,
          line: lineOf(t),
          element: elementPath(t),
          message: `record does not fit the Work schema: ${issues}`,
        });
      }
    } catch (e) {
      diagnostics.push({
        severity: 'error',
        file: file.path,
        line: lineOf(t),
        element: elementPath(t),
        message: plainFailure(file.path, e),
      });
    }
  }
  // A teiCorpus of letters with a register beside them: the letters are imported, the register is a remark.
  if (works.length) for (const d of diagnostics) if (d.code === 'not-a-document') d.severity = 'warning';
  return { works, collections: [], diagnostics };
}

export const tei: Importer = {
  name: 'tei',
  version: VERSION,
  sniff(_file: SourceFile, head: string): number {
    if (!head.includes('http://www.tei-c.org/ns/1.0') || !/<(TEI|teiCorpus)[\s>]/.test(head)) return 0;
    return /<correspDesc[\s>]/.test(head) ? 0.85 : 0.8;
  },
  parse(file: SourceFile, ctx: ImportContext): ImportOutcome {
    try {
      return parseTei(file, ctx);
    } catch (e) {
      // importers never throw past their boundary
      return unexpectedFailure(file.path, e);
    }
  },
};
