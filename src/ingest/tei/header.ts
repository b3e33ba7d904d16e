// teiHeader → the Work's descriptive fields: title, contributors, rights, source, notes, language.
import type { Element } from '@xmldom/xmldom';
import type { CollectionRef, Contributor, Publication, Rights, Source, Work } from '../../model/work.js';
import { WorkKind } from '../../model/work.js';
import { attr, child, childElements, normText, path } from './dom.js';
import { roleOf } from '../../formats/tei/mapping.js';
import { spdxFromText, spdxFromUrl, UNKNOWN_LICENCE } from '../../model/licences.js';
import { readSourceDesc, readText } from './bibl.js';

export interface HeaderFields {
  title?: string;
  subtitle?: string;
  language?: string;
  kind?: Work['kind'];
  contributors: Contributor[];
  /** titleStmt/author elements, used when there is no correspDesc. */
  titleAuthors: Element[];
  rights: Rights;
  source?: Source;
  published: Publication[];
  headerNotes?: string[];
  otherFormats?: Work['otherFormats'];
  translationOf?: string;
  translations?: string[];
  collections: CollectionRef[];
  /** publicationStmt/idno[@type=octavo]: the id this record had when Octavo wrote it. */
  octavoId?: string;
  edition?: string;
  /** notesStmt/note[@type=written]: the "Written: …" statement as worded. */
  writtenText?: string;
}

const NOT_MAIN_LEVELS = new Set(['s', 'j', 'm', 'u']);
const SKIP_NOTES: ReadonlySet<string> = new Set(['note']);

function pickTitle(titles: Element[]): Element | undefined {
  return (
    titles.find((t) => attr(t, 'type') === 'main') ??
    titles.find((t) => attr(t, 'level') === 'a') ??
    titles.find((t) => !attr(t, 'type') && !NOT_MAIN_LEVELS.has(attr(t, 'level') ?? '')) ??
    titles.find((t) => !['sub', 'iso-date', 'short', 'alt'].includes(attr(t, 'type') ?? '')) ??
    titles[0]
  );
}

function contributorsOf(titleStmt: Element | undefined, editionStmt: Element | undefined): Contributor[] {
  const out: Contributor[] = [];
  for (const ed of titleStmt ? childElements(titleStmt, 'editor') : []) {
    const names = [...childElements(ed, 'name'), ...childElements(ed, 'persName')].map(readText).filter(Boolean);
    const list = names.length ? names : [normText(ed, new Set(['email', 'affiliation']))].filter(Boolean);
    for (const name of list) out.push({ role: 'editor', name });
  }
  for (const rs of [
    ...(titleStmt ? childElements(titleStmt, 'respStmt') : []),
    ...(editionStmt ? childElements(editionStmt, 'respStmt') : []),
  ]) {
    const resps = childElements(rs, 'resp');
    const respText = resps.map(readText).filter(Boolean).join('; ');
    const key = resps.map((r) => attr(r, 'key')).find(Boolean);
    const role = roleOf(respText, key);
    const names = childElements(rs).filter((e) => ['name', 'persName', 'orgName'].includes(e.localName ?? ''));
    for (const n of names) {
      const name = readText(n);
      if (name) out.push({ ...role, name });
    }
  }
  return out;
}

function paragraphs(e: Element): string {
  const ps = childElements(e, 'p');
  return ps.length ? ps.map(readText).join('\n\n') : readText(e);
}

export function readRights(availability: Element | undefined): Rights {
  if (!availability) return { statement: '', licence: UNKNOWN_LICENCE };
  const licences = childElements(availability, 'licence');
  const loose = childElements(availability, 'p').map(readText).filter(Boolean);
  const statement = [...licences.map(paragraphs), ...loose].join('\n\n');
  const first = licences[0];
  const target = attr(first, 'target');
  const n = attr(first, 'n');
  const rights: Rights = {
    statement,
    licence: n ?? spdxFromUrl(target) ?? spdxFromText(statement) ?? UNKNOWN_LICENCE,
  };
  if (target) rights.url = target;
  const ab = (type: string): string | undefined => {
    const e = childElements(availability, 'ab').find((x) => attr(x, 'type') === type);
    return e ? readText(e) : undefined;
  };
  const credit = ab('credit');
  if (credit !== undefined) rights.credit = credit;
  const holder = ab('holder');
  if (holder !== undefined) rights.holder = holder;
  return rights;
}

function notesStmt(fileDesc: Element | undefined, out: HeaderFields): void {
  const ns = child(fileDesc, 'notesStmt');
  if (!ns) return;
  for (const n of childElements(ns)) {
    if (n.localName === 'note' && attr(n, 'type') === 'otherFormat') {
      const ref = child(n, 'ref');
      const label = readText(ref ?? n);
      const href = attr(ref, 'target');
      (out.otherFormats ??= []).push(href ? { label, href } : { label });
    } else if (n.localName === 'note' && attr(n, 'type') === 'written') {
      out.writtenText = readText(n);
    } else if (n.localName === 'note') {
      (out.headerNotes ??= []).push(readText(n));
    } else if (n.localName === 'relatedItem') {
      const target = attr(n, 'target');
      if (!target) continue;
      if (attr(n, 'type') === 'translationOf') out.translationOf = target;
      else if (attr(n, 'type') === 'translation') (out.translations ??= []).push(target);
    }
  }
}

function collectionsOf(fileDesc: Element | undefined): CollectionRef[] {
  const out: CollectionRef[] = [];
  for (const ss of fileDesc ? childElements(fileDesc, 'seriesStmt') : []) {
    const idno = childElements(ss, 'idno').find((i) => attr(i, 'type') === 'octavo-collection');
    if (!idno) continue;
    const c: CollectionRef = { path: normText(idno).split('/').filter(Boolean) };
    if (!c.path.length) continue;
    const titles = childElements(ss, 'title').filter((t) => attr(t, 'type') !== 'path');
    if (titles.length) c.titles = titles.map(readText);
    const pos = childElements(ss, 'biblScope').find((b) => attr(b, 'unit') === 'position');
    if (pos && /^\d+$/.test(normText(pos))) c.position = Number(normText(pos));
    out.push(c);
  }
  return out;
}

export function readHeader(tei: Element): HeaderFields {
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const pubStmt = child(fileDesc, 'publicationStmt');
  const titles = titleStmt ? childElements(titleStmt, 'title') : [];
  const out: HeaderFields = {
    contributors: contributorsOf(titleStmt, child(fileDesc, 'editionStmt')),
    titleAuthors: titleStmt ? childElements(titleStmt, 'author') : [],
    rights: readRights(child(pubStmt, 'availability')),
    collections: collectionsOf(fileDesc),
    published: [],
  };
  const main = pickTitle(titles);
  if (main) out.title = attr(main, 'xml:space') === 'preserve' ? readText(main) : normText(main, SKIP_NOTES);
  const sub = titles.find((t) => attr(t, 'type') === 'sub');
  if (sub) out.subtitle = readText(sub);
  const { source, published } = readSourceDesc(child(fileDesc, 'sourceDesc'));
  if (source) out.source = source;
  out.published = published;
  notesStmt(fileDesc, out);
  const idno = pubStmt ? childElements(pubStmt, 'idno').find((i) => attr(i, 'type') === 'octavo') : undefined;
  if (idno) out.octavoId = normText(idno);
  const edition = normText(path(fileDesc, 'editionStmt', 'edition'));
  if (edition) out.edition = edition;
  const langEl = path(header, 'profileDesc', 'langUsage', 'language');
  const ident = attr(langEl, 'ident');
  // Octavo writes languages that are no BCP 47 tag as <language ident="und">wording</language>
  const lang = ident === 'und' && normText(langEl) ? normText(langEl) : ident;
  const text = child(tei, 'text');
  out.language = lang ?? attr(text, 'xml:lang') ?? attr(tei, 'xml:lang');
  const kind = attr(text, 'type');
  if (kind && (WorkKind.options as readonly string[]).includes(kind)) out.kind = kind as Work['kind'];
  return out;
}
