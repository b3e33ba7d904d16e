// What the e-book and the printed copy of a work share with its reading page: the header (kind,
// title, byline, information block), the text and its notes, with the site's own links taken out
// (an e-book or a sheet of paper has no /authors/… to go to) and links kept only where they are
// absolute. Both the EPUB (src/render/epub) and the print HTML (./index.tsx) are built from these.
import type { Child } from 'hono/jsx';
import type { ResolvedWork } from '../../model/inherit.js';
import type { Contents } from '../../model/contents.js';
import type { TitlePage, Work } from '../../model/work.js';
import type { Book } from '../book/index.js';
import { kindLabel } from '../html/format.js';
import { withHandlers, type Handlers } from '../html/handlers.js';
import { InformationBlock, TitlePageBlock } from '../html/header.js';
import { safeHref } from '../html/href.js';
import { cleanXmlChars } from '../xml.js';

/** Text of a JSX tree, with the characters XML forbids removed (EPUB documents are XML). */
export const markup = (node: Child): string => cleanXmlChars(String(node ?? ''));

/** Links into the site (`/authors/…`, `/collections/…`) become their text; absolute ones stay. */
export function withoutSiteLinks(html: string): string {
  return html.replace(/<a href="\/[^"]*"[^>]*>([\s\S]*?)<\/a>/g, '$1');
}

/** Links in a text: kept when they lead somewhere outside (http, https, mailto), else plain text. */
export const publishHandlers: Handlers = withHandlers({
  mark: {
    link: (m, c, ctx) => {
      const href = safeHref(m.href, ctx.base);
      return href && /^(https?:|mailto:)/i.test(href) ? <a href={href}>{c}</a> : <span class="link-dropped">{c}</span>;
    },
  },
});

const names = (refs: Work['authors']) => refs.map((r) => r.name).join(refs.length === 2 ? ' and ' : ', ');

/** "Lenin to Shahumyan": who wrote it, and to whom. */
export function bylineText(work: Pick<Work, 'authors' | 'recipients'>): string {
  const by = work.authors.length ? names(work.authors) : '';
  return work.recipients.length ? `${by || 'Unknown author'} to ${names(work.recipients)}` : by;
}

/** The work's header: kind, title, subtitle, byline, then the information block (without Other Formats). */
export function workHeader(work: ResolvedWork, o: { headingId?: string } = {}): string {
  // The Other Formats row names renderings online; a copy leaves it out.
  // A long rights statement folded away online is printed whole (e-readers and paper do not unfold).
  const info = markup(<InformationBlock work={work} formats={[]} />)
    .replace(/<div class="info-row info-formats">[\s\S]*?<\/div>/, '')
    .replace(/<details class="statement-long">/g, '<details class="statement-long" open="">');
  const by = bylineText(work);
  return markup(
    <header class="work-header">
      <p class="work-kind">{kindLabel(work.kind)}</p>
      <h1 class="work-title" id={o.headingId}>
        {work.title}
      </h1>
      {work.subtitle ? <p class="work-subtitle">{work.subtitle}</p> : ''}
      {by ? <p class="byline">{by}</p> : ''}
    </header>,
  ).replace(/<\/header>$/, `${withoutSiteLinks(info)}</header>`);
}

/** A book's title page rows (its index page's header), as on the collection page. */
export function titlePageRows(page: TitlePage | undefined): string {
  return page ? withoutSiteLinks(markup(<TitlePageBlock page={page} />)) : '';
}

/** The credit line of a copy: rights, credit, where the text came from, and that Octavo made the copy. */
export function creditLines(work: Work): string[] {
  const r = work.rights;
  const out = [r.statement];
  if (r.holder && !r.statement.includes(r.holder)) out.push(`Rights holder: ${r.holder}.`);
  if (r.url) out.push(`Licence: ${r.url}`);
  if (r.credit) out.push(`Credit: ${r.credit}`);
  const from = work.provenance.url ? `from ${work.provenance.url}` : `from ${work.provenance.file}`;
  out.push(`This copy was made by Octavo from the archive record "${work.id}" (imported ${from}).`);
  return out;
}

/** An entry of a book's table of contents: a chapter (by its place in the book), or a part holding some. */
export interface TocNode {
  title: string;
  /** The chapter, or a part's first chapter. */
  chapter: number;
  children: TocNode[];
}

/** The book's contents as a tree over its chapters: parts keep their members, in contents order. */
function tocOf(contents: Contents, index: Map<string, number>, placed: Set<number>): TocNode[] {
  const out: TocNode[] = [];
  const add = (id: string, title: string) => {
    const i = index.get(id);
    if (i === undefined || placed.has(i)) return;
    placed.add(i);
    out.push({ title, chapter: i, children: [] });
  };
  for (const e of contents.entries) {
    if (e.work) add(e.work.id, e.work.title);
    else if (e.part) {
      const children = tocOf(e.part, index, placed);
      if (children.length) out.push({ title: e.part.title || e.title, chapter: children[0]!.chapter, children });
    }
  }
  for (const w of contents.others) add(w.id, w.title);
  return out;
}

/** The book's contents as a tree over `book.works`: parts keep their members; works no entry names come last. */
export function bookToc(book: Book): TocNode[] {
  const index = new Map(book.works.map((w, i) => [w.id, i]));
  const placed = new Set<number>();
  const toc = tocOf(book.contents, index, placed);
  book.works.forEach((w, i) => {
    if (!placed.has(i)) toc.push({ title: w.title, chapter: i, children: [] });
  });
  return toc;
}
