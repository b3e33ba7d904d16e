// Works → one CMIF v1 file (valid against cmi-customization.rng, meeting cmif.sch): one correspDesc
// per work, with sent and received actions, dated where known, and a bibl per source edition: a
// printed edition as type="print" (title, volume, imprint, year, pages), an online one and the
// archive's own address as type="online".
import { createHash } from 'node:crypto';
import type { AgentRef, PlaceRef, Source, Work, Publication } from '../../model/work.js';
import { block, el, escapeText, textEl, XML_DECLARATION } from '../xml.js';
import { licenceUrl } from '../../model/licences.js';
import { attrsForDate } from '../../formats/tei/dates.js';
import { sourceKind } from '../../formats/tei/sources.js';

export interface CmifOptions {
  /** Title of the CMIF file, e.g. "Octavo: letters of V. I. Lenin". */
  title: string;
  editor: string;
  editorEmail?: string;
  publisher: string;
  /** Where this CMIF file is published (publicationStmt/idno[@type=url]). */
  url: string;
  /** Publication date of the file (YYYY-MM-DD or a full dateTime). */
  date: string;
  /** SPDX licence of the metadata; CC-BY-4.0 unless given. */
  licence?: string;
  /** Address of each letter's page; correspDesc/@ref. Defaults to the work's provenance URL. */
  workUrl?: (w: Work) => string | undefined;
}

/** A deterministic, name-based UUID (v5 layout over SHA-1) for a bibl's xml:id. */
export function stableUuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function citeSource(s: Source): string {
  if (s.text) return s.text;
  const vol = s.volume ? `vol. ${s.volume}` : '';
  const pages = s.pages ? `p. ${s.pages}` : '';
  return [s.author, s.title, [s.place, s.publisher].filter(Boolean).join(': '), s.year, vol, pages].filter(Boolean).join(', ');
}

function citePublication(p: Publication): string {
  return p.text ?? [p.venue, p.issue, p.place, p.date?.text].filter(Boolean).join(', ');
}

interface Bibl {
  id: string;
  type: 'print' | 'online';
  /** The citation as plain text (with `url`, what names the bibl's UUID). */
  text: string;
  url?: string;
  /** The citation marked up, when it is more than its text. */
  xml?: string;
}

/**
 * A printed edition named from its fields: "Lenin, Collected Works, vol. 35, Moscow: Progress
 * Publishers, 1976, p. 332", with the title as a monograph's and the publisher marked.
 */
function printedEdition(s: Source): Pick<Bibl, 'text' | 'xml'> {
  const pages = s.pages ? `${/[-–,]/.test(s.pages) ? 'pp.' : 'p.'} ${s.pages}` : undefined;
  const imprint: [string, string][] = [];
  if (s.place) imprint.push([s.place, escapeText(s.place)]);
  if (s.publisher) imprint.push([s.publisher, textEl('publisher', {}, s.publisher)]);
  const parts: [string, string][] = [];
  if (s.author) parts.push([s.author, escapeText(s.author)]);
  parts.push([s.title, textEl('title', { level: 'm' }, s.title)]);
  if (s.volume) parts.push([`vol. ${s.volume}`, escapeText(`vol. ${s.volume}`)]);
  if (imprint.length) parts.push([imprint.map((x) => x[0]).join(': '), imprint.map((x) => x[1]).join(': ')]);
  if (s.year) parts.push([s.year, escapeText(s.year)]);
  if (pages) parts.push([pages, escapeText(pages)]);
  return { text: parts.map((x) => x[0]).join(', '), xml: parts.map((x) => x[1]).join(', ') };
}

function biblFor(w: Work, opts: CmifOptions): Bibl {
  const s = w.source;
  if (s?.note && isUri(s.note)) return { id: '', type: 'online', text: citeSource({ ...s, note: undefined }), url: s.note };
  const kind = s ? sourceKind(s) : undefined;
  if (s && kind === 'print')
    return { id: '', type: 'print', ...(s.publisher || s.year || s.volume || s.pages ? printedEdition(s) : { text: citeSource(s) }) };
  // a citation given as one wording (what a CMIF bibl is read as)
  if (s && kind === 'unknown') return { id: '', type: 'print', text: citeSource(s) };
  // a manuscript's shelfmark names no edition: the letter's printing, else the archive's own address
  if (w.published[0]) return { id: '', type: 'print', text: citePublication(w.published[0]) };
  return { id: '', type: 'online', text: opts.title, url: opts.url };
}

const isUri = (r: string): boolean => /^https?:\/\/\S+$/i.test(r);
const refAttr = (refs: string[] | undefined): string | undefined => {
  const uris = (refs ?? []).filter(isUri);
  return uris.length ? uris.join(' ') : undefined;
};

function person(a: AgentRef): string {
  return textEl('persName', { ref: refAttr(a.refs) }, a.name);
}
function place(p: PlaceRef): string {
  return textEl('placeName', { ref: refAttr(p.refs) }, p.name);
}

function correspDesc(w: Work, source: string, opts: CmifOptions): string {
  const url = opts.workUrl?.(w) ?? (w.provenance.url && isUri(w.provenance.url) ? w.provenance.url : undefined);
  const unknown = textEl('persName', {}, 'Unknown');
  const date = w.written?.date;
  const sent = [
    ...(w.authors.length ? w.authors.map(person) : [unknown]),
    w.written?.place ? place(w.written.place) : '',
    date ? textEl('date', { ...attrsForDate(date, false) }, date.text) : '',
  ];
  const received = [...(w.recipients.length ? w.recipients.map(person) : [unknown]), w.sentTo ? place(w.sentTo) : ''];
  return block('correspDesc', { key: w.id, ref: url, source: `#${source}` }, [
    el('correspAction', { type: 'sent' }, sent.join('')),
    el('correspAction', { type: 'received' }, received.join('')),
  ]);
}

export function renderCmif(works: readonly Work[], opts: CmifOptions): string {
  const bibls = new Map<string, Bibl>();
  const sourceOf = new Map<Work, string>();
  for (const w of works) {
    const b = biblFor(w, opts);
    const key = `${b.type}|${b.text}|${b.url ?? ''}`;
    if (!bibls.has(key)) bibls.set(key, { ...b, id: `bibl-${stableUuid(key)}` });
    sourceOf.set(w, bibls.get(key)!.id);
  }
  if (!bibls.size)
    bibls.set('online', { id: `bibl-${stableUuid(`online|${opts.title}|${opts.url}`)}`, type: 'online', text: opts.title, url: opts.url });
  const licence = opts.licence ?? 'CC-BY-4.0';
  const licenceTarget = licenceUrl(licence) ?? opts.url;
  const header = block('teiHeader', {}, [
    block('fileDesc', {}, [
      el(
        'titleStmt',
        {},
        textEl('title', {}, opts.title) +
          el('editor', {}, escapeText(opts.editor) + (opts.editorEmail ? textEl('email', {}, opts.editorEmail) : '')),
      ),
      block('publicationStmt', {}, [
        el('publisher', {}, textEl('ref', { target: opts.url }, opts.publisher)),
        textEl('idno', { type: 'url' }, opts.url),
        el('date', { when: opts.date }),
        el('availability', {}, textEl('licence', { target: licenceTarget }, `This file is licensed under the terms of ${licence}.`)),
      ]),
      block(
        'sourceDesc',
        {},
        [...bibls.values()].map((b) =>
          el(
            'bibl',
            { type: b.type, 'xml:id': b.id },
            (b.xml ?? escapeText(b.text)) + (b.url ? ` ${textEl('ref', { target: b.url }, b.url)}` : ''),
          ),
        ),
      ),
    ]),
    block(
      'profileDesc',
      {},
      works.map((w) => correspDesc(w, sourceOf.get(w)!, opts)),
    ),
  ]);
  return [XML_DECLARATION, '<TEI xmlns="http://www.tei-c.org/ns/1.0">', header, '<text><body><p/></body></text>', '</TEI>', ''].join('\n');
}
