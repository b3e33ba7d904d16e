// EPUB 3 of a work or of a whole book: a cover generated from the title (SVG), a title page for a
// book, one content document per work in contents order, a navigation document (nav.xhtml, with an
// NCX beside it for older readers), the rights and credits page, and the package document with
// language, creators and contributors (MARC relator roles). Pure: the files are written here and
// zipped with fflate (mimetype first, stored).
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ResolvedWork } from '../../model/inherit.js';
import type { Contributor, Work } from '../../model/work.js';
import type { Book } from '../book/index.js';
import { bookToc, bylineText, creditLines, titlePageRows, type TocNode } from '../print/header.js';
import { escapeAttr, escapeText, XML_DECLARATION } from '../xml.js';
import type { OutlineHeading } from '../html/outline.js';
import { chapterDocument, type Chapter } from './chapter.js';
import { STYLESHEET, xhtmlDocument } from './xhtml.js';

/** MARC relator codes for the package's dc:creator and dc:contributor roles. */
const RELATOR: Record<Contributor['role'], string> = {
  translator: 'trl',
  transcriber: 'trc',
  markup: 'mrk',
  htmlMarkup: 'mrk',
  encoder: 'mrk',
  proofreader: 'pfr',
  editor: 'edt',
  other: 'oth',
};

interface Publication {
  id: string;
  title: string;
  language: string;
  authors: string[];
  /** Under the title on the cover. */
  byline: string;
  contributors: { name: string; roles: string[] }[];
  date?: string;
  source?: string;
  rights: string;
  modified: string;
  /** Front matter after the cover (a book's title page). */
  front: { file: string; title: string; xhtml: string }[];
  chapters: Chapter[];
  /** The contents as a tree of chapter indexes (a book's parts), else the chapters in order. */
  toc: TocNode[];
  credits: string[];
}

const W3CDTF = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** dcterms:modified must be CCYY-MM-DDThh:mm:ssZ: the newest import of the works, for stable bytes. */
function modifiedOf(works: Work[]): string {
  const times = works
    .map((w) => Date.parse(w.provenance.importedAt ?? ''))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => b - a);
  return new Date(times[0] ?? Date.UTC(2000, 0, 1)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Each contributor once, with every role they had (a transcriber who also did the markup). */
function contributorsOf(works: Work[]): { name: string; roles: string[] }[] {
  const out: { name: string; roles: string[] }[] = [];
  const add = (name: string, role: string) => {
    if (!name.trim()) return;
    const c = out.find((x) => x.name === name);
    if (!c) out.push({ name, roles: [role] });
    else if (!c.roles.includes(role)) c.roles.push(role);
  };
  for (const w of works) {
    for (const c of w.contributors) add(c.name, RELATOR[c.role]);
    for (const r of w.recipients) add(r.name, 'rcp');
  }
  return out;
}

const unique = (xs: string[]) => [...new Set(xs.filter((x) => x.trim()))];

/** The cover: the title in lines that fit, the authors below, as an SVG the package holds. */
function coverSvg(title: string, byline: string): string {
  const lines = (text: string, width: number, max: number) => {
    const out: string[] = [];
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const last = out[out.length - 1];
      if (last !== undefined && `${last} ${word}`.length <= width) out[out.length - 1] = `${last} ${word}`;
      else out.push(word);
    }
    return out.length > max
      ? [
          ...out.slice(0, max - 1),
          `${out
            .slice(max - 1)
            .join(' ')
            .slice(0, width - 1)}…`,
        ]
      : out;
  };
  const t = lines(title, 18, 6);
  const b = lines(byline, 30, 3);
  const tspan = (ls: string[], y: number, step: number) =>
    ls.map((l, i) => `<tspan x="300" y="${y + i * step}">${escapeText(l)}</tspan>`).join('');
  return `${XML_DECLARATION}
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="600" height="900" viewBox="0 0 600 900">
<title>${escapeText(title)}</title>
<rect width="600" height="900" fill="#f4efe4"/>
<rect x="30" y="30" width="540" height="840" fill="none" stroke="#7a2e1d" stroke-width="3"/>
<rect x="42" y="42" width="516" height="816" fill="none" stroke="#7a2e1d" stroke-width="1"/>
<text font-family="serif" font-size="46" fill="#1f1a14" text-anchor="middle">${tspan(t, 250, 58)}</text>
<line x1="220" y1="${270 + t.length * 58}" x2="380" y2="${270 + t.length * 58}" stroke="#7a2e1d" stroke-width="2"/>
<text font-family="serif" font-size="28" font-style="italic" fill="#3a3128" text-anchor="middle">${tspan(b, 330 + t.length * 58, 38)}</text>
<text font-family="sans-serif" font-size="16" letter-spacing="4" fill="#7a2e1d" text-anchor="middle" x="300" y="820">OCTAVO</text>
</svg>
`;
}

/** A text's headings as nested list items: each takes the deeper headings after it as its children. */
function headingItems(hs: OutlineHeading[], file: string): string[] {
  const items: string[] = [];
  for (let i = 0; i < hs.length; ) {
    const h = hs[i]!;
    let j = i + 1;
    while (j < hs.length && hs[j]!.level > h.level) j++;
    const kids = headingItems(hs.slice(i + 1, j), file);
    items.push(`<li><a href="${file}#${escapeAttr(h.id)}">${escapeText(h.text)}</a>${kids.length ? `<ol>${kids.join('')}</ol>` : ''}</li>`);
    i = j;
  }
  return items;
}

function navDocument(p: Publication): string {
  const item = (n: TocNode): string => {
    const c = p.chapters[n.chapter]!;
    const own = c.headings.length && !n.children.length ? c.headings : [];
    const kids = [...n.children.map(item), ...headingItems(own, c.file)];
    return `<li><a href="${c.file}">${escapeText(n.title)}</a>${kids.length ? `<ol>${kids.join('')}</ol>` : ''}</li>`;
  };
  const body = `<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-heading">
<h1 id="toc-heading">Contents</h1>
<ol>
${p.toc.map(item).join('\n')}
<li><a href="credits.xhtml">Rights and credits</a></li>
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
<li><a epub:type="toc" href="nav.xhtml">Contents</a></li>
<li><a epub:type="bodymatter" href="${p.chapters[0]!.file}">${escapeText(p.chapters[0]!.title)}</a></li>
</ol>
</nav>`;
  return xhtmlDocument({ title: `${p.title}: contents`, lang: p.language, body });
}

function ncx(p: Publication): string {
  const points = p.chapters
    .map(
      (c, i) =>
        `<navPoint id="np${i + 1}" playOrder="${i + 1}"><navLabel><text>${escapeText(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`,
    )
    .join('\n');
  return `${XML_DECLARATION}
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${escapeAttr(p.language)}">
<head><meta name="dtb:uid" content="${escapeAttr(p.id)}"/></head>
<docTitle><text>${escapeText(p.title)}</text></docTitle>
<navMap>
${points}
</navMap>
</ncx>
`;
}

function opf(p: Publication): string {
  const meta: string[] = [
    `<dc:identifier id="uid">${escapeText(p.id)}</dc:identifier>`,
    `<dc:title id="title">${escapeText(p.title)}</dc:title>`,
    `<dc:language>${escapeText(p.language)}</dc:language>`,
  ];
  p.authors.forEach((a, i) => {
    meta.push(`<dc:creator id="creator${i + 1}">${escapeText(a)}</dc:creator>`);
    meta.push(`<meta refines="#creator${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
  });
  p.contributors.forEach((c, i) => {
    meta.push(`<dc:contributor id="contributor${i + 1}">${escapeText(c.name)}</dc:contributor>`);
    for (const role of c.roles) meta.push(`<meta refines="#contributor${i + 1}" property="role" scheme="marc:relators">${role}</meta>`);
  });
  if (p.date && W3CDTF.test(p.date)) meta.push(`<dc:date>${p.date}</dc:date>`);
  if (p.source) meta.push(`<dc:source>${escapeText(p.source)}</dc:source>`);
  meta.push(`<dc:rights>${escapeText(p.rights)}</dc:rights>`);
  meta.push(`<dc:publisher>Octavo</dc:publisher>`);
  meta.push(`<meta property="dcterms:modified">${p.modified}</meta>`);
  // Accessibility (EPUB Accessibility 1.1): text only, navigable by contents and headings, no hazards.
  meta.push(
    '<meta property="schema:accessMode">textual</meta>',
    '<meta property="schema:accessModeSufficient">textual</meta>',
    '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
    '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
    '<meta property="schema:accessibilityFeature">readingOrder</meta>',
    '<meta property="schema:accessibilityHazard">none</meta>',
    '<meta property="schema:accessibilitySummary">Text with headings, a table of contents and linked notes; the cover image repeats the title.</meta>',
  );
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    '<item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>',
    '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
    ...p.front.map((f, i) => `<item id="front${i + 1}" href="${f.file}" media-type="application/xhtml+xml"/>`),
    ...p.chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`),
    '<item id="credits" href="credits.xhtml" media-type="application/xhtml+xml"/>',
  ];
  const spine = [
    '<itemref idref="cover"/>',
    ...p.front.map((_f, i) => `<itemref idref="front${i + 1}"/>`),
    '<itemref idref="nav"/>',
    ...p.chapters.map((_c, i) => `<itemref idref="c${i + 1}"/>`),
    '<itemref idref="credits"/>',
  ];
  return `${XML_DECLARATION}
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeAttr(p.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine toc="ncx">
${spine.join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `${XML_DECLARATION}
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

const para = (s: string) => `<p>${escapeText(s)}</p>`;

function pack(p: Publication): Uint8Array<ArrayBuffer> {
  const mtime = new Date(p.modified);
  const byline = p.byline;
  const cover = xhtmlDocument({
    title: p.title,
    lang: p.language,
    bodyType: 'cover',
    bodyClass: 'cover',
    body: `<section class="cover" epub:type="cover"><img src="cover.svg" alt="${escapeAttr(`${p.title}${byline ? ` — ${byline}` : ''}`)}" role="doc-cover"/></section>`,
  });
  const credits = xhtmlDocument({
    title: 'Rights and credits',
    lang: p.language,
    bodyType: 'backmatter',
    body: `<section class="credits" epub:type="colophon" aria-labelledby="credits-heading">\n<h1 id="credits-heading">Rights and credits</h1>\n${p.credits.map(para).join('\n')}\n</section>`,
  });
  const text = (s: string) => strToU8(s);
  const files: Zippable = {
    // First, stored: readers identify the file by these bytes at offset 38.
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': text(CONTAINER),
    'OEBPS/content.opf': text(opf(p)),
    'OEBPS/nav.xhtml': text(navDocument(p)),
    'OEBPS/toc.ncx': text(ncx(p)),
    'OEBPS/style.css': text(STYLESHEET),
    'OEBPS/cover.svg': text(coverSvg(p.title, byline)),
    'OEBPS/cover.xhtml': text(cover),
    ...Object.fromEntries(p.front.map((f) => [`OEBPS/${f.file}`, text(f.xhtml)])),
    ...Object.fromEntries(p.chapters.map((c) => [`OEBPS/${c.file}`, text(c.xhtml)])),
    'OEBPS/credits.xhtml': text(credits),
  };
  return zipSync(files, { level: 9, mtime }) as Uint8Array<ArrayBuffer>;
}

const sourceText = (w: Work) => {
  const s = w.source;
  return s ? (s.text ?? [s.author, s.title, s.publisher, s.place, s.year].filter(Boolean).join(', ')) : undefined;
};

/** The EPUB of one work: cover, the work, contents, credits. */
export function renderWorkEpub(work: ResolvedWork): Uint8Array<ArrayBuffer> {
  const chapter = chapterDocument(work, 'work.xhtml');
  const source = sourceText(work);
  const date = work.written?.date?.iso;
  return pack({
    id: `urn:octavo:work:${work.id}`,
    title: work.title,
    language: work.language,
    authors: work.authors.map((a) => a.name),
    byline: bylineText(work),
    contributors: contributorsOf([work]),
    ...(date ? { date } : {}),
    ...(source ? { source } : {}),
    rights: work.rights.statement,
    modified: modifiedOf([work]),
    front: [],
    chapters: [chapter],
    toc: [{ title: work.title, chapter: 0, children: [] }],
    credits: creditLines(work),
  });
}

const mostCommon = (xs: string[]): string | undefined => {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** The EPUB of a book or volume: cover, title page, contents, one document per member, credits. */
export function renderBookEpub(book: Book): Uint8Array<ArrayBuffer> {
  if (!book.works.length) throw new Error(`the collection "${book.path.join('/')}" holds no works to put in an e-book`);
  const width = Math.max(3, String(book.works.length).length);
  const chapters = book.works.map((w, i) => chapterDocument(w, `c${String(i + 1).padStart(width, '0')}.xhtml`));
  const toc = bookToc(book);
  const h = book.record?.header;
  const authors = unique((h?.authors ?? []).map((a) => a.name));
  const language = mostCommon(book.works.map((w) => w.language)) ?? 'und';
  const first = book.works[0]!;
  const titleBlock = `<section class="book-title" epub:type="titlepage" aria-labelledby="book-title">
<h1 id="book-title">${escapeText(book.title)}</h1>
${authors.length ? `<p class="byline">${escapeText(authors.join(', '))}</p>` : ''}
${titlePageRows(h)}
</section>`;
  const rights = h?.rights ?? first.rights;
  const credits = unique([
    ...(h?.rights ? [h.rights.statement, ...(h.rights.credit ? [`Credit: ${h.rights.credit}`] : [])] : []),
    ...book.works.flatMap((w) => creditLines(w).slice(0, -1)),
    `This copy was made by Octavo from the archive's collection "${book.path.join('/')}": ${book.works.length} ${book.works.length === 1 ? 'work' : 'works'} in contents order.`,
  ]);
  const date = h?.written?.date?.iso ?? first.written?.date?.iso;
  const source = h?.source ? (h.source.text ?? h.source.title) : sourceText(first);
  const creators = authors.length ? authors : unique(book.works.flatMap((w) => w.authors.map((a) => a.name)));
  return pack({
    id: `urn:octavo:collection:${book.path.join('/')}`,
    title: book.title,
    language,
    authors: creators,
    byline: creators.join(', '),
    contributors: contributorsOf([...(h?.contributors ? [{ ...first, contributors: h.contributors, recipients: [] }] : []), ...book.works]),
    ...(date ? { date } : {}),
    ...(source ? { source } : {}),
    rights: rights.statement,
    modified: modifiedOf(book.works),
    front: [
      {
        file: 'title.xhtml',
        title: book.title,
        xhtml: xhtmlDocument({ title: book.title, lang: language, body: titleBlock, bodyType: 'frontmatter' }),
      },
    ],
    chapters,
    toc,
    credits,
  });
}
