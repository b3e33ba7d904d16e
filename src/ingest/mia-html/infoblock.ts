// The header block of an MIA page: <p class="information"> with <span class="info">Label:</span>
// value lines separated by <br>. Works on a whole page's element or on a bare fragment.
import * as cheerio from 'cheerio/slim';
import { parseWrittenStatement, type WrittenStatement } from '../../model/dates.js';
import type { Contributor, Publication, Rights, Source } from '../../model/work.js';
import { attr, clean, descendants, hasClass, isElement, lineOf, tag, textOf, type DomElement, type DomNode } from './dom.js';
import {
  datePhrase,
  labelKind,
  parseContributors,
  parsePublication,
  parseRights,
  parseSent,
  parseSource,
  splitSentences,
  type FieldKind,
} from '../mia-common/fields.js';

export interface InfoField {
  label: string;
  kind: FieldKind;
  /** The value as the page prints it (whitespace collapsed). */
  text: string;
  line?: number;
}

export interface InfoBlock {
  fields: InfoField[];
  written?: { statement: WrittenStatement; label: string; text: string };
  published: Publication[];
  source?: Source;
  /** Links inside the Source field ("../../cw/volume43.htm#1914-may-00pp"). */
  sourceLinks: { text: string; href: string }[];
  contributors: Contributor[];
  rights?: Rights;
  otherFormats: { label: string; href?: string }[];
  /** "Sent from Cracow to St. Petersburg." */
  sent?: { from?: string; to?: string };
  headerNotes: string[];
}

interface Line {
  nodes: DomNode[];
}
interface RawField {
  label?: string;
  labelEl?: DomElement;
  lines: Line[];
}

const isInfoSpan = (n: DomNode): boolean => isElement(n) && tag(n) === 'span' && hasClass(n, 'info');
const hasInfoSpan = (el: DomElement): boolean => {
  for (const d of descendants(el)) if (isInfoSpan(d)) return true;
  return false;
};

/** Cut the block into label + lines, at <span class="info"> and <br>. */
function rawFields(p: DomElement): RawField[] {
  const fields: RawField[] = [{ lines: [{ nodes: [] }] }];
  const cur = () => fields.at(-1)!;
  const walk = (nodes: DomNode[]) => {
    for (const n of nodes) {
      if (isInfoSpan(n)) fields.push({ label: textOf(n), labelEl: n as DomElement, lines: [{ nodes: [] }] });
      else if (isElement(n) && tag(n) === 'br') cur().lines.push({ nodes: [] });
      else if (isElement(n) && hasInfoSpan(n)) walk(n.children);
      else cur().lines.at(-1)!.nodes.push(n);
    }
  };
  walk(p.children);
  return fields;
}

const lineText = (l: Line) => clean(l.nodes.map((n) => textOfNode(n)).join(''));
function textOfNode(n: DomNode): string {
  if (n.type === 'text') return n.data;
  if (!isElement(n) || n.type !== 'tag') return '';
  if (tag(n) === 'br') return ' ';
  return n.children.map(textOfNode).join('');
}
function italics(nodes: DomNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (/^(em|i|cite)$/.test(tag(n))) out.push(textOf(n));
    else for (const d of descendants(n)) if (/^(em|i|cite)$/.test(tag(d))) out.push(textOf(d));
  }
  return out.filter(Boolean);
}
function links(nodes: DomNode[]): { text: string; href: string }[] {
  const out: { text: string; href: string }[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    for (const a of [n, ...descendants(n)]) if (tag(a) === 'a' && attr(a, 'href')) out.push({ text: textOf(a), href: attr(a, 'href')! });
  }
  return out;
}

const trimValue = (s: string) =>
  s
    .replace(/^\s*[:.]\s*/, '')
    .replace(/(?<![\s;])[\s;]+$/, '')
    .trim();
const PUB_START = /^(?:first\s+)?(?:published|appeared|printed)\b|^in\s|^reprinted\b/i;
const PUB_NOTE = /^(?:published|printed|reprinted)\s+(?:according\s+to|from)\b/i;

export function parseInfoBlock(p: DomElement): InfoBlock {
  const out: InfoBlock = { fields: [], published: [], sourceLinks: [], contributors: [], otherFormats: [], headerNotes: [] };
  let publisher: Source | undefined;
  for (const f of rawFields(p)) {
    const lines = f.lines.map((l) => ({ l, text: lineText(l) }));
    if (f.label === undefined) {
      for (const { text } of lines) if (text && !/^[•·|\s]*$/.test(text)) out.headerNotes.push(text);
      continue;
    }
    const label = clean(f.label).replace(/\s*:$/, '');
    const kind = labelKind(label);
    const first = lines[0]!;
    const text = trimValue(first.text);
    out.fields.push({ label, kind, text, ...(lineOf(f.labelEl) ? { line: lineOf(f.labelEl)! } : {}) });
    for (const extra of lines.slice(1)) if (extra.text && !/^[•·|\s]*$/.test(extra.text)) out.headerNotes.push(extra.text);
    const nodes = first.l.nodes;
    switch (kind) {
      case 'written':
        if (!out.written && text) out.written = { statement: parseWrittenStatement(text), label, text };
        else if (text) out.headerNotes.push(`${label}: ${text}`);
        break;
      case 'published':
        addPublished(out, text, italics(nodes));
        break;
      case 'source':
        if (!out.source && text) {
          out.source = parseSource(text, italics(nodes)[0]);
          out.sourceLinks.push(...links(nodes));
        } else if (text) out.headerNotes.push(`${label}: ${text}`);
        break;
      case 'publisher':
        if (text) publisher = parseSource(text);
        break;
      case 'contributor':
        out.contributors.push(...parseContributors(label, text));
        break;
      case 'rights': {
        const ls = links(nodes);
        const readme = ls.filter((x) => /readme/i.test(x.text));
        if (!out.rights) out.rights = parseRights(label, text.replace(/\s*•?\s*README\s*$/i, ''));
        else out.headerNotes.push(`${label}: ${text}`);
        for (const r of readme) out.otherFormats.push({ label: r.text, href: r.href });
        break;
      }
      case 'otherFormats': {
        const ls = links(nodes);
        if (ls.length) out.otherFormats.push(...ls.filter((x) => x.text).map((x) => ({ label: x.text, href: x.href })));
        else if (text)
          out.otherFormats.push(
            ...text
              .split(/\s*[•|,]\s*/)
              .filter(Boolean)
              .map((label) => ({ label })),
          );
        break;
      }
      default:
        if (text || label) out.headerNotes.push(text ? `${label}: ${text}` : label);
    }
  }
  if (publisher) {
    if (!out.source) out.source = { ...publisher, title: publisher.publisher ?? publisher.title };
    else {
      out.source.publisher ??= publisher.publisher ?? publisher.title;
      if (publisher.place) out.source.place ??= publisher.place;
      if (publisher.year) out.source.year ??= publisher.year;
      out.source.text = `${out.source.text}; ${publisher.text}`;
    }
  }
  return out;
}

function addPublished(out: InfoBlock, text: string, ems: string[]): void {
  // Full stops inside italic titles ("... R.S.D.L.P. (Bolsheviks). April 1917. Minutes") do not end sentences.
  const DOT = '\u2024';
  let guarded = text;
  for (const e of ems) if (e.includes('.')) guarded = guarded.split(e).join(e.replace(/\./g, DOT));
  const sentences = splitSentences(guarded).map((s) => s.split(DOT).join('.'));
  const pendingNotes: string[] = [];
  for (const s of sentences) {
    const sent = /^sent\b/i.test(s) ? parseSent(s) : undefined;
    if (sent) out.sent = { ...out.sent, ...sent };
    else if (PUB_NOTE.test(s)) {
      const last = out.published.at(-1);
      if (last) last.note = last.note ? `${last.note} ${s}` : s;
      else pendingNotes.push(s);
    } else if (PUB_START.test(s) || (!out.published.length && (datePhrase(s) || /\bNo\.\s*\d/.test(s) || ems.some((e) => s.includes(e))))) {
      out.published.push(
        parsePublication(
          s,
          ems.find((e) => s.includes(e)),
        ),
      );
    } else out.headerNotes.push(s);
  }
  const first = out.published[0];
  if (pendingNotes.length) {
    if (first) first.note = [...pendingNotes, ...(first.note ? [first.note] : [])].join(' ');
    else out.headerNotes.push(...pendingNotes);
  }
}

/** Is this p.information a page header (labelled fields), rather than a note or intro text? */
export function isHeaderBlock(p: DomElement): boolean {
  const block = parseInfoBlock(p);
  return block.fields.some((f) => f.kind !== 'unknown' && f.kind !== 'note');
}

/** Parse every <p class="information"> in an HTML fragment (no <html> wrapper needed). */
export function parseInfoBlocksHtml(html: string): InfoBlock[] {
  const $ = cheerio.load(html);
  return $('p.information')
    .toArray()
    .map((el) => parseInfoBlock(el as unknown as DomElement));
}

/** Number of fields the importer understood (anything but 'unknown'). */
export const knownFieldCount = (b: InfoBlock): number => b.fields.filter((f) => f.kind !== 'unknown').length;
