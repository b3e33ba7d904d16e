// Index pages (a Collected Works volume's contents, a year's letters, a book's table of contents,
// an author's index) → a Collection: its path, title, and ordered members with titles and hrefs.
import { slugify } from '../../model/ids.js';
import type { Collection, Provenance, TitlePage } from '../../model/work.js';
import { attr, classes, clean, hasClass, isElement, tag, textOf, type DomElement, type DomNode, type Page } from './dom.js';
import { isHeaderBlock, parseInfoBlock } from './infoblock.js';
import { isByline } from './heading.js';
import type { PeopleRegister } from '../../model/register.js';
import type { AgentRef } from '../../model/work.js';
import { collectionPath } from './paths.js';
import { unitLinks, type Unit } from './units.js';

type Member = Collection['members'][number];

const NOT_MEMBER =
  /^(?:\d+\s*k|pdf|e-?pub|mobi|html?|txt|text|readme|audio|mp3|kindle|word|rtf|odt|zip|\W*|[<>«»]|next|previous|back|top|home|index)$/i;
const MEDIA = /\.(?:jpe?g|gif|png|mp3|ogg|wav|pdf|zip|epub|mobi|prc|azw3?|docx?|rtf|odt|css|js)(?:[#?].*)?$/i;

/** Split a unit's nodes at <br> into lines (index rows are often "<a>..</a>, 1847<br>"). */
function lines(nodes: DomNode[]): DomNode[][] {
  const out: DomNode[][] = [[]];
  const walk = (ns: DomNode[]) => {
    for (const n of ns) {
      if (isElement(n) && tag(n) === 'br') out.push([]);
      else if (
        isElement(n) &&
        n.type === 'tag' &&
        /^(span|font|div|small|big|b|strong|em|i)$/.test(tag(n)) &&
        n.children.some((c) => isElement(c) && tag(c) === 'br')
      )
        walk(n.children);
      else out.at(-1)!.push(n);
    }
  };
  walk(nodes);
  return out;
}

function lineText(ns: DomNode[]): string {
  return clean(ns.map((n) => (n.type === 'text' ? n.data : isElement(n) ? textOf(n) : '')).join(' '));
}

function lineLinks(ns: DomNode[]): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  const visit = (n: DomNode) => {
    if (!isElement(n)) return;
    if (tag(n) === 'a' && attr(n, 'href')) out.push({ href: attr(n, 'href')!, text: textOf(n) });
    else n.children.forEach(visit);
  };
  ns.forEach(visit);
  return out;
}

/** Members, in page order. Rows without a link (letters not online) are members without href. */
export function collectMembers(units: Unit[], nav: Set<number>, page: Page): Member[] {
  const members: Member[] = [];
  const seen = new Set<string>();
  const add = (m: Member) => {
    const key = `${m.href ?? ''}|${m.title}`;
    if (seen.has(key) || !m.title) return;
    seen.add(key);
    members.push(m);
  };
  units.forEach((u, i) => {
    if (nav.has(i) || u.kind === 'hr') return;
    if (u.kind === 'h' && !unitLinks(u).length) return;
    const cellClass = u.kind === 'loose' && /^t[dh]$/.test(tag(u.el)) ? classes(u.el) : [];
    for (const ln of u.kind === 'table' || u.kind === 'list' ? [u.nodes] : lines(u.nodes)) {
      const text = lineText(ln);
      const ls = lineLinks(ln).filter(
        (l) => !l.href.startsWith('#') && !/^(mailto|javascript):/i.test(l.href) && !MEDIA.test(l.href) && !NOT_MEMBER.test(l.text),
      );
      if (ls.length) {
        const first = ls[0]!;
        const rest = clean(text.replace(first.text, ' ')).replace(/^[\s,.;:|–—-]+|(?<![\s,;:|–—-])[\s,;:|–—-]+$/g, '');
        const note = ls.length === 1 && /\p{L}{2}/u.test(rest) && rest.length < 200 ? rest : undefined;
        add({ title: first.text, href: first.href, ...(note ? { note } : {}) });
        for (const l of ls.slice(1)) add({ title: l.text, href: l.href });
      } else if (text && text.length < 150 && cellClass.some((c) => /^(letters|letters-alt|index|text)$/.test(c))) {
        // "Marx to Natalie Liebknecht. 13 January": the date goes to the note.
        const m = text.match(
          /^(.+?)[.,]\s+((?:c\.\s*|early\s+|mid-?\s*|late\s+|end of\s+)?(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)\.?$/i,
        );
        add(m ? { title: m[1]!, note: m[2]! } : { title: text });
      }
    }
  });
  // Image maps (the Lenin archive's home page is one picture with clickable areas).
  page.$('area[href]').each((_, el) => {
    const a = el as unknown as DomElement;
    const title = clean(attr(a, 'alt') ?? attr(a, 'title') ?? '');
    if (title) add({ title, href: attr(a, 'href')! });
  });
  return members;
}

export interface CollectionInput {
  page: Page;
  units: Unit[];
  nav: Set<number>;
  archivePath?: string[];
  filePath: string;
  provenance: Provenance;
  authors: AgentRef[];
  register: PeopleRegister;
}

export function buildCollection(inp: CollectionInput): Collection {
  const { page, units, nav } = inp;
  const headings = units.filter(
    (u, i) =>
      u.kind === 'h' &&
      (u.level ?? 6) <= 3 &&
      !nav.has(i) &&
      u.text &&
      !isByline(u.text, inp.authors, inp.register) &&
      !/^\W*$/.test(u.text),
  );
  const title = withoutMarkers(
    (headings[0] ? headingTitle(headings[0].el) : '').replace(/^[\s*]+|(?<![\s*])[\s*]+$/g, '') ||
      clean(page.$('title').first().text()) ||
      clean(page.$('p.title').first().text()) ||
      inp.filePath,
  );
  const inTable = (e: DomElement) => {
    for (let p: DomElement | null = e; p; p = p.parent) if (p.type === 'tag' && /^t[dh]$/.test(tag(p))) return true;
    return false;
  };
  const prose = units.filter(
    (u, i) =>
      !nav.has(i) &&
      u.kind === 'p' &&
      !inTable(u.el) &&
      u.text.length >= 80 &&
      unitLinks(u).reduce((n, l) => n + l.text.length, 0) < u.text.length * 0.3,
  );
  const description = prose
    .slice(0, 3)
    .map((u) => u.text)
    .join('\n\n');
  // Off the archive's own layout, a page's folders say nothing about the archive ("samples/mia-html"):
  // the collection is named by its title, at the top level.
  const path = inp.archivePath ? collectionPath(inp.archivePath) : [slugify(title, 80) || 'index'];
  const header = titlePage(units, nav, inp.authors);
  return {
    path: path.length ? path : ['index'],
    title,
    ...(description ? { description: description.slice(0, 2000) } : {}),
    ...(header ? { header } : {}),
    members: collectMembers(units, nav, page),
    provenance: inp.provenance,
  };
}

/** A heading's lines (split at <br>) as one title: "Capital<br>A Critique of …" → "Capital: A Critique of …". */
function headingTitle(el: DomElement): string {
  const lineText = (n: DomNode): string =>
    !isElement(n)
      ? n.type === 'text'
        ? (n as { data: string }).data
        : ''
      : tag(n) === 'br'
        ? '\u2028'
        : n.children.map(lineText).join('');
  return lineText(el)
    .split('\u2028')
    .map(clean)
    .filter(Boolean)
    .reduce((a, b) => (!a || /[.:;,!?—–-]$/.test(a) ? `${a} ${b}`.trim() : `${a}: ${b}`), '');
}

/** A footnote marker left on a title ("The Holy Family … Company[1]", "Brumaire[64]") is not part of it. */
const withoutMarkers = (t: string) => t.replace(/\s*\[\d{1,3}\]\s*$/, '').replace(/\s*\[\d{1,3}\](?=\s)/g, '');

/**
 * The index page's own header block (p.information with Written, Published, Source, Translated,
 * credits, rights): the title page its members inherit what they lack from.
 */
function titlePage(units: Unit[], nav: Set<number>, authors: AgentRef[]): TitlePage | undefined {
  const blocks = units
    .filter((u, i) => !nav.has(i) && u.kind === 'p' && hasClass(u.el, 'information') && isHeaderBlock(u.el))
    .map((u) => parseInfoBlock(u.el));
  if (!blocks.length) return authors.length ? { authors } : undefined;
  const st = blocks.find((b) => b.written)?.written;
  const published = blocks.flatMap((b) => b.published);
  const contributors = blocks.flatMap((b) => b.contributors);
  const source = blocks.find((b) => b.source)?.source;
  const rights = blocks.find((b) => b.rights)?.rights;
  const place = st?.statement.place?.replace(/(?<![.,;])[.,;]+$/, '').trim();
  const page: TitlePage = {
    ...(authors.length ? { authors } : {}),
    ...(st
      ? {
          written: {
            ...(st.statement.date ? { date: st.statement.date } : {}),
            ...(place ? { place: { id: slugify(place, 50), name: place } } : {}),
            text: st.text,
          },
        }
      : {}),
    ...(published.length ? { published } : {}),
    ...(source ? { source } : {}),
    ...(contributors.length ? { contributors } : {}),
    ...(rights ? { rights } : {}),
  };
  return Object.keys(page).length ? page : undefined;
}
