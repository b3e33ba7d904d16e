// A whole book or volume in one file, in contents order: plain text, Markdown, JSON or a TEI corpus.
// Each member is rendered by its own format's renderer; the book adds its title page and contents.
// A new format is one entry in `bookFormats` (EPUB and PDF join here in the publishing work).
import type { Contents } from '../../model/contents.js';
import type { ResolvedWork } from '../../model/inherit.js';
import type { Collection } from '../../model/work.js';
import type { Rendered } from '../formats.js';
import { renderBookEpub } from '../epub/index.js';
import { renderJson } from '../json/index.js';
import { renderBlockMarkdown } from '../markdown/index.js';
import { printBook, printPdf } from '../print/index.js';
import { renderTei } from '../tei/index.js';
import { renderText } from '../text/index.js';
import { block, el, textEl, XML_DECLARATION } from '../xml.js';
import { stringify } from 'yaml';

export interface Book {
  path: string[];
  title: string;
  record?: Collection;
  contents: Contents;
  /** The members in reading order (contents first, then the others), each as read. */
  works: ResolvedWork[];
}

export interface BookFormat {
  name: string;
  ext: string;
  type: string;
  /** Text, or bytes for binary formats (EPUB, PDF), possibly later. */
  render(book: Book): Rendered | Promise<Rendered>;
  /** Made by printing in a browser (PDF): needs Chromium, set up by src/archive/pdf.ts. */
  browser?: boolean;
}

const RULE = '* * *';

/** The title page's lines, as the text export writes a work's header. */
function titlePageLines(book: Book): string[] {
  const h = book.record?.header;
  if (!h) return [];
  const out: string[] = [];
  if (h.authors?.length) out.push(`By: ${h.authors.map((a) => a.name).join(', ')}`);
  if (h.written?.text || h.written?.date) out.push(`Written: ${h.written.text ?? h.written.date!.text}`);
  for (const p of h.published ?? []) out.push(`Published: ${p.text ?? [p.venue, p.date?.text].filter(Boolean).join(', ')}`);
  if (h.source) out.push(`Source: ${h.source.text ?? h.source.title}`);
  for (const c of h.contributors ?? []) out.push(`${c.label ?? c.role}: ${c.name}${c.date ? ` (${c.date})` : ''}`);
  if (h.rights) out.push(h.rights.statement);
  return out;
}

function renderBookText(book: Book): string {
  const head = [book.title, '='.repeat(Math.min(book.title.length, 72)), ...titlePageLines(book)];
  const toc = ['Contents', ...book.works.map((w, i) => `${String(i + 1).padStart(3)}. ${w.title}`)];
  const parts = book.works.map((w) => renderText(w).trimEnd());
  return `${[head.join('\n'), toc.join('\n'), ...parts].join(`\n\n${RULE}\n\n`)}\n`;
}

/** Footnote labels made unique across the book ("3" in chapter 2 is "2-3"). */
function markdownPart(w: ResolvedWork, n: number): string {
  const label = (l: string, id: string) => `${n}-${l.replace(/[^\w-]/g, '') || id.replace(/[^\w-]/g, '')}`;
  const labels = new Map(w.notes.map((x) => [x.id, label(x.label, x.id)]));
  const body = w.body
    .map((b) =>
      'content' in b
        ? { ...b, content: b.content.map((i) => (i.type === 'noteRef' ? { ...i, label: labels.get(i.note) ?? i.label } : i)) }
        : b,
    )
    .map(renderBlockMarkdown);
  const notes = w.notes.map((x) => `[^${labels.get(x.id)}]: ${x.blocks.map(renderBlockMarkdown).join('\n\n    ')}`);
  return [`## ${w.title}`, ...body, ...(notes.length ? [notes.join('\n\n')] : [])].join('\n\n');
}

function renderBookMarkdown(book: Book): string {
  const front = {
    title: book.title,
    collection: book.path.join('/'),
    ...(book.record?.header ? { titlePage: book.record.header } : {}),
    contents: book.works.map((w) => ({ id: w.id, title: w.title })),
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n# ${book.title}\n\n${book.works.map(markdownPart).join('\n\n')}\n`;
}

function renderBookJson(book: Book): string {
  return `${JSON.stringify(
    {
      path: book.path,
      title: book.title,
      ...(book.record ? { collection: book.record } : {}),
      contents: book.contents,
      works: book.works.map((w) => JSON.parse(renderJson(w))),
    },
    null,
    2,
  )}\n`;
}

/**
 * One member's xml:ids, and the "#id" pointers to them, prefixed: ids must be unique in the whole
 * corpus, and every member has its own "marx", "n1"…
 */
function uniqueIds(xml: string, prefix: string): string {
  const ids = new Set([...xml.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!));
  if (!ids.size) return xml;
  return xml
    .replace(/xml:id="([^"]+)"/g, (_m, id: string) => `xml:id="${prefix}${id}"`)
    .replace(/(\s[\w:-]+)="([^"]*#[^"]*)"/g, (m, name: string, value: string) =>
      name.trim() === 'xml:id'
        ? m
        : `${name}="${value.replace(/(^|\s)#([^\s]+)/g, (t, sp: string, id: string) => (ids.has(id) ? `${sp}#${prefix}${id}` : t))}"`,
    );
}

/** A teiCorpus: the book's own header, then each member's TEI document. */
function renderBookTei(book: Book): string {
  const authors = (book.record?.header?.authors ?? []).map((a) => textEl('author', {}, a.name));
  const header = block('teiHeader', {}, [
    block('fileDesc', {}, [
      block('titleStmt', {}, [textEl('title', {}, book.title), ...authors]),
      block('publicationStmt', {}, [el('p', {}, 'Exported from Octavo: the members of this collection in contents order.')]),
      block('sourceDesc', {}, [el('p', {}, book.record?.header?.source?.text ?? book.record?.provenance.url ?? book.path.join('/'))]),
    ]),
  ]);
  const members = book.works.map((w, i) => uniqueIds(renderTei(w).replace(XML_DECLARATION, '').trim(), `w${i + 1}-`));
  return `${XML_DECLARATION}\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">\n${header}\n${members.join('\n')}\n</teiCorpus>\n`;
}

export const bookFormats: BookFormat[] = [
  { name: 'txt', ext: '.txt', type: 'text/plain; charset=utf-8', render: renderBookText },
  { name: 'md', ext: '.md', type: 'text/markdown; charset=utf-8', render: renderBookMarkdown },
  { name: 'json', ext: '.json', type: 'application/json; charset=utf-8', render: renderBookJson },
  { name: 'tei', ext: '.tei.xml', type: 'application/tei+xml; charset=utf-8', render: renderBookTei },
  { name: 'epub', ext: '.epub', type: 'application/epub+zip', render: renderBookEpub },
  { name: 'pdf', ext: '.pdf', type: 'application/pdf', browser: true, render: (b) => printPdf(printBook(b)) },
];

export const bookFormatByName = (name: string): BookFormat | undefined => bookFormats.find((f) => f.name === name);
