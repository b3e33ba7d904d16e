// sourceDesc → Work.source and Work.published: bibl, biblStruct, msDesc.
import type { Element } from '@xmldom/xmldom';
import type { Publication, Source } from '../../model/work.js';
import { attr, child, childElements, descendants, normText, textOf } from './dom.js';
import { dateFromAttrs, readDateAttrs } from '../../formats/tei/dates.js';

/** Text of an element; xml:space="preserve" keeps it exactly as written. */
export function readText(e: Element | undefined): string {
  if (!e) return '';
  return attr(e, 'xml:space') === 'preserve' ? textOf(e) : normText(e);
}

const firstOf = (b: Element, names: string[]): Element | undefined => {
  for (const n of names) {
    const hit = descendants(b, n)[0];
    if (hit) return hit;
  }
  return undefined;
};

function scope(b: Element, units: RegExp): string | undefined {
  const s = descendants(b, 'biblScope').find((x) => units.test(attr(x, 'unit') ?? ''));
  return s ? readText(s) : undefined;
}

function untypedNote(b: Element): string | undefined {
  const n = childElements(b, 'note').find((x) => !attr(x, 'type'));
  return n ? readText(n) : undefined;
}
function statementNote(b: Element): string | undefined {
  const n = childElements(b, 'note').find((x) => attr(x, 'type') === 'statement');
  return n ? readText(n) : undefined;
}

/** Leaf texts of a biblStruct joined with "; " (it has no running wording of its own). */
function structText(b: Element): string {
  const parts: string[] = [];
  const visit = (e: Element): void => {
    const kids = childElements(e);
    if (!kids.length) {
      const t = normText(e);
      if (t) parts.push(t);
    } else kids.forEach(visit);
  };
  visit(b);
  return parts.join('; ');
}

function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined && v !== '') o[k] = v;
}

/** The printed (or manuscript) origin of the text. */
export function sourceFrom(b: Element): Source {
  const name = b.localName;
  if (name === 'msDesc') {
    const id = path2(b, 'msIdentifier');
    const parts = ['repository', 'idno'].map((n) => normText(child(id, n))).filter(Boolean);
    const src: Source = { title: parts.join(', ') || normText(b) || 'Manuscript' };
    set(src, 'place', normText(child(id, 'settlement')) || undefined);
    return src;
  }
  const title = name === 'biblStruct' ? firstOf(b, ['title']) : child(b, 'title');
  if (!title) {
    // a bibl written as running text: the wording is the title, shelfmarks go to the note
    const skip = new Set(['idno', 'note', 'ref', 'ptr']);
    const src: Source = { title: normText(b, skip) || normText(b) };
    const idnos = childElements(b, 'idno')
      .map((i) => normText(i))
      .filter(Boolean);
    set(src, 'note', idnos.join('; ') || untypedNote(b));
    return src;
  }
  const src: Source = { title: readText(title) };
  const authors = descendants(b, 'author').map(readText).filter(Boolean);
  set(src, 'author', authors.length ? authors.join('; ') : undefined);
  set(src, 'publisher', readText(firstOf(b, ['publisher'])) || undefined);
  const date = firstOf(b, ['date']);
  set(src, 'year', date ? readText(date) || attr(date, 'when') : undefined);
  set(src, 'place', readText(firstOf(b, ['pubPlace'])) || undefined);
  set(src, 'volume', scope(b, /^vol/i));
  set(src, 'pages', scope(b, /^(page|pages|pp?)$/i));
  set(src, 'note', untypedNote(b));
  set(src, 'text', statementNote(b) ?? (name === 'biblStruct' ? structText(b) : undefined));
  return src;
}

function path2(e: Element, name: string): Element | undefined {
  return descendants(e, name)[0];
}

/** A printing of the text (listBibl in sourceDesc). */
export function publicationFrom(b: Element): Publication {
  const title = b.localName === 'biblStruct' ? firstOf(b, ['title']) : child(b, 'title');
  const pub: Publication = { venue: title ? readText(title) : normText(b) };
  set(pub, 'issue', scope(b, /^(issue|number|no|nr)$/i));
  const date = firstOf(b, ['date']);
  if (date)
    set(
      pub,
      'date',
      dateFromAttrs(
        readDateAttrs((n) => attr(date, n)),
        readText(date),
      ),
    );
  set(pub, 'place', readText(firstOf(b, ['pubPlace'])) || undefined);
  set(pub, 'note', untypedNote(b));
  set(pub, 'text', statementNote(b) ?? (b.localName === 'biblStruct' ? structText(b) : undefined));
  return pub;
}

/** Work.source and Work.published from a sourceDesc. */
export function readSourceDesc(sd: Element | undefined): { source?: Source; published: Publication[] } {
  if (!sd) return { published: [] };
  const published: Publication[] = [];
  for (const lb of childElements(sd, 'listBibl')) {
    for (const b of childElements(lb)) if (b.localName === 'bibl' || b.localName === 'biblStruct') published.push(publicationFrom(b));
  }
  const direct = childElements(sd).find((e) => ['bibl', 'biblStruct', 'biblFull'].includes(e.localName ?? ''));
  if (direct) return { source: sourceFrom(direct), published };
  const ms = descendants(sd, 'msDesc')[0];
  if (ms) return { source: sourceFrom(ms), published };
  const p = childElements(sd, 'p')
    .map((x) => normText(x))
    .filter(Boolean)
    .join(' ');
  return p ? { source: { title: p }, published } : { published };
}
