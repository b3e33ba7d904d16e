// A work or a whole book as one HTML document for printing (Chromium's print makes the PDF:
// src/archive/pdf.ts): the metadata header, the text, the notes as endnotes after each chapter, the
// credit line, and for a book a title page and a contents page; running heads and page numbers as
// Chromium's header and footer templates. Pure: the printing is handed in (`usePrinter`).
import type { ResolvedWork } from '../../model/inherit.js';
import type { Book } from '../book/index.js';
import { renderWorkText } from '../html/content.js';
import { escapeAttr, escapeText } from '../xml.js';
import {
  bookToc,
  bylineText,
  creditLines,
  markup,
  publishHandlers,
  titlePageRows,
  type TocNode,
  withoutSiteLinks,
  workHeader,
} from './header.js';

/** What the printer gets: the page, and the running head and foot Chromium repeats on every page. */
export interface PrintDocument {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  /** Names the document in messages ("the work lenin/…", "the collection marx/1867-c1"). */
  what: string;
  /**
   * A contents page that shows page numbers: the printer prints once, reads the page each of `ids`
   * landed on (the PDF's named destinations), and prints `html(pages)` instead.
   */
  paged?: { ids: string[]; html(pages: Map<string, number>): string };
}

export type Printer = (doc: PrintDocument) => Promise<Uint8Array<ArrayBuffer>>;

let printer: Printer | undefined;

/** Sets how print documents become PDF (the composition layer hands in Chromium: src/archive/pdf.ts). */
export function usePrinter(p: Printer): void {
  printer = p;
}

/** The PDF of a print document, by the printer handed in. */
export async function printPdf(doc: PrintDocument): Promise<Uint8Array<ArrayBuffer>> {
  if (!printer)
    throw new Error(`cannot make the PDF of ${doc.what}: no PDF printer is set up in this process (src/archive/pdf.ts sets up Chromium's)`);
  return printer(doc);
}

const PRINT_CSS = `
@page { size: A4; margin: 22mm 20mm 22mm 20mm; }
html { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
body { margin: 0; }
a { color: inherit; text-decoration: none; }
h1, h2, h3, h4, h5, h6 { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 19pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3, h4, h5, h6 { font-size: 11pt; margin: 12pt 0 4pt; }
p { margin: 0 0 6pt; text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
.chapter + .chapter, .contents + .chapter { break-before: page; }
.work-kind { font-family: "DejaVu Sans", sans-serif; font-size: 8pt; letter-spacing: 0.1em; text-transform: uppercase; color: #555; margin: 0 0 2pt; }
.work-subtitle { font-style: italic; margin: 0 0 4pt; }
.byline { font-size: 12pt; margin: 2pt 0 10pt; }
.information { font-size: 8.5pt; line-height: 1.35; margin: 0 0 14pt; padding: 6pt 0; border-top: 0.6pt solid #777; border-bottom: 0.6pt solid #777; break-inside: avoid; }
.information .info-row { margin: 1.5pt 0; }
.information dt { display: inline; font-weight: bold; }
.information dt::after { content: ": "; }
.information dd { display: inline; margin: 0; }
.information .line + .line, .information .credit { display: block; }
.information details > summary { display: none; }
.inherited { color: #555; }
.align-center { text-align: center; }
.align-right, .dateline, .signature { text-align: right; }
.signature { font-style: italic; }
.salutation, .closer { text-align: left; }
blockquote { margin: 6pt 18pt; font-size: 10pt; }
.verse p { text-align: left; margin-left: 18pt; }
pre { white-space: pre-wrap; font-size: 9pt; }
table { border-collapse: collapse; margin: 6pt 0; font-size: 9.5pt; }
td { border: 0.5pt solid #888; padding: 2pt 4pt; vertical-align: top; }
.table-wrap { break-inside: avoid; }
.noteref { font-size: 7pt; line-height: 0; }
.pagebreak { font-size: 7pt; color: #777; }
.pagebreak::before { content: "["; }
.pagebreak::after { content: "]"; }
.notes { margin-top: 16pt; font-size: 9pt; line-height: 1.35; border-top: 0.6pt solid #777; }
.notes h2 { font-size: 10.5pt; }
.note-list { list-style: none; padding: 0; margin: 0; }
.note { display: flex; gap: 6pt; margin: 0 0 5pt; break-inside: avoid; }
.note-label { font-weight: bold; min-width: 14pt; }
.note-body p { text-align: left; }
.backrefs { display: none; }
.book-title { text-align: center; padding-top: 55mm; break-after: page; }
.book-title h1 { font-size: 26pt; margin-bottom: 10pt; }
.book-title .byline { font-size: 14pt; font-style: italic; text-align: center; }
.book-title .information { text-align: left; margin-top: 40mm; }
.contents h1 { font-size: 16pt; margin-bottom: 12pt; }
.contents ol { list-style: none; padding-left: 0; margin: 0; }
.contents ol ol { padding-left: 14pt; }
.contents li { margin: 3pt 0; }
.toc-line { display: flex; align-items: baseline; gap: 4pt; }
.toc-line::after { content: ""; order: 1; flex: 1; border-bottom: 0.6pt dotted #777; }
.toc-line a { order: 0; }
.toc-page { order: 2; font-variant-numeric: tabular-nums; }
.credits { margin-top: 22pt; font-size: 8.5pt; color: #333; border-top: 0.6pt solid #777; padding-top: 6pt; break-inside: avoid; }
.credits p { text-align: left; margin: 0 0 3pt; }
`;

/** Chromium's running head: the byline or author at the left, the title at the right. */
function templates(left: string, title: string): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: DejaVu Serif, serif; font-size: 7.5pt; color: #555; width: 100%; margin: 0 20mm;';
  return {
    headerTemplate: `<div style="${style} display: flex; justify-content: space-between; gap: 12pt;"><span>${escapeText(left)}</span><span style="font-style: italic; text-align: right;">${escapeText(title)}</span></div>`,
    footerTemplate: `<div style="${style} text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
  };
}

const page = (title: string, lang: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="${escapeAttr(lang)}">\n<head>\n<meta charset="utf-8">\n<title>${escapeText(title)}</title>\n<style>${PRINT_CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Every id and in-page link of a chapter prefixed, so the chapters of one document keep theirs apart. */
const prefixIds = (html: string, prefix: string) =>
  prefix ? html.replace(/ id="([^"]+)"/g, ` id="${prefix}$1"`).replace(/ href="#([^"]+)"/g, ` href="#${prefix}$1"`) : html;

function chapter(work: ResolvedWork, n: number | undefined): string {
  const text = renderWorkText(work, { handlers: publishHandlers });
  const head = workHeader(work, { headingId: 'title' });
  const html = [head, withoutSiteLinks(markup(text.body)), text.notes ? withoutSiteLinks(markup(text.notes)) : ''].join('\n');
  return `<article class="chapter" lang="${escapeAttr(work.language)}"${n === undefined ? '' : ` id="c${n}"`}>\n${prefixIds(html, n === undefined ? '' : `c${n}-`)}\n</article>`;
}

const credits = (lines: string[]) =>
  `<section class="credits" aria-label="Rights and credits">\n${lines.map((l) => `<p>${escapeText(l)}</p>`).join('\n')}\n</section>`;

/** One work, ready to print. */
export function printWork(work: ResolvedWork): PrintDocument {
  const left = bylineText(work) || work.authors.map((a) => a.name).join(', ');
  return {
    html: page(work.title, work.language, `${chapter(work, undefined)}\n${credits(creditLines(work))}`),
    ...templates(left, work.title),
    what: `the work "${work.id}"`,
  };
}

/** The contents page; page numbers once they are known (before, a stand-in of the same width keeps the layout). */
function contentsList(nodes: TocNode[], pages?: Map<string, number>, digits = 3): string {
  const number = (id: string) => {
    const n = pages?.get(id);
    return `<span class="toc-page"${n === undefined ? ' aria-hidden="true" style="visibility: hidden"' : ''}>${n ?? '0'.repeat(digits)}</span>`;
  };
  const item = (n: TocNode): string =>
    `<li><span class="toc-line"><a href="#c${n.chapter + 1}">${escapeText(n.title)}</a>${number(`c${n.chapter + 1}`)}</span>${n.children.length ? `<ol>${n.children.map(item).join('')}</ol>` : ''}</li>`;
  return `<nav class="contents" aria-labelledby="contents-heading">\n<h1 id="contents-heading">Contents</h1>\n<ol>${nodes.map(item).join('\n')}</ol>\n</nav>`;
}

/** A book or volume, ready to print: title page, contents, each member as a chapter, credits. */
export function printBook(book: Book): PrintDocument {
  const h = book.record?.header;
  const authors = [...new Set((h?.authors ?? []).map((a) => a.name))];
  const byline = authors.length ? authors : [...new Set(book.works.flatMap((w) => w.authors.map((a) => a.name)))];
  const lang = book.works[0]?.language ?? 'und';
  const title = `<section class="book-title">\n<h1>${escapeText(book.title)}</h1>\n${byline.length ? `<p class="byline">${escapeText(byline.join(', '))}</p>` : ''}\n${titlePageRows(h)}\n</section>`;
  const lines = [
    ...new Set([
      ...(h?.rights ? [h.rights.statement, ...(h.rights.credit ? [`Credit: ${h.rights.credit}`] : [])] : []),
      ...book.works.flatMap((w) => creditLines(w).slice(0, -1)),
      `This copy was made by Octavo from the archive's collection "${book.path.join('/')}": ${book.works.length} ${book.works.length === 1 ? 'work' : 'works'} in contents order.`,
    ]),
  ];
  const toc = bookToc(book);
  const chapters = book.works.map((w, i) => chapter(w, i + 1));
  const digits = String(book.works.length * 50).length;
  const html = (pages?: Map<string, number>) =>
    page(book.title, lang, [title, contentsList(toc, pages, digits), ...chapters, credits(lines)].join('\n'));
  return {
    html: html(),
    paged: { ids: book.works.map((_w, i) => `c${i + 1}`), html },
    ...templates(byline.join(', '), book.title),
    what: `the collection "${book.path.join('/')}"`,
  };
}
