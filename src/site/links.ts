// The static site's file names for the server's addresses, and the rewriting of a rendered page's
// links into relative ones, so the site reads the same from file://, from a USB stick or from any
// sub-path of a web server.
//
//   /                        index.html
//   /works/<id>              works/<id>.html        (its exports beside it: works/<id>.txt, …)
//   /collections             collections/index.html
//   /collections/<path>      collections/<path>/index.html   (book exports: collections/<path>.txt, …)
//   /authors, /authors/<id>  authors/index.html, authors/<id>.html
//   /search?q=…              search.html?q=…        (the client-side search)
//   /assets/<name>?v=…       assets/<name>

/** What the build writes, by kind, so links can tell a page from an address the static site lacks. */
export interface SiteFiles {
  /** Work ids with a page. */
  works: ReadonlySet<string>;
  /** Collection paths ("a/b") with a page. */
  collections: ReadonlySet<string>;
  /** Author ids with a page. */
  authors: ReadonlySet<string>;
  /** The suffixes of the exports written beside each work page (".txt", ".tei.xml"). */
  workExts: readonly string[];
  /** The suffixes of the exports written beside each book's page (collections/<path>.txt). */
  bookExts: readonly string[];
  /** Books (collection paths) whose exports are written. */
  books: ReadonlySet<string>;
  /** Other files, by site path without the leading slash: "feed.atom", "assets/octavo.css". */
  files: ReadonlySet<string>;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * The file (relative to the site root, decoded: the name on disk) for a site path, and the query to
 * keep; undefined when the static site does not have it.
 */
export function fileFor(path: string, site: SiteFiles): { file: string; keepQuery: boolean } | undefined {
  const p = decode(path.replace(/^\/+/, ''));
  if (p === '') return { file: 'index.html', keepQuery: false };
  if (p === 'search') return { file: 'search.html', keepQuery: true };
  if (p === 'collections' || p === 'authors') return { file: `${p}/index.html`, keepQuery: false };
  if (p.startsWith('works/') && site.works.has(p.slice(6))) return { file: `${p}.html`, keepQuery: false };
  if (p.startsWith('collections/') && site.collections.has(p.slice(12))) return { file: `${p}/index.html`, keepQuery: false };
  if (p.startsWith('authors/') && site.authors.has(p.slice(8))) return { file: `${p}.html`, keepQuery: false };
  if (site.files.has(p)) return { file: p, keepQuery: false };
  const work = p.startsWith('works/') && site.workExts.find((e) => p.endsWith(e) && site.works.has(p.slice(6, -e.length)));
  if (work) return { file: p, keepQuery: false };
  const book = p.startsWith('collections/') && site.bookExts.find((e) => p.endsWith(e) && site.books.has(p.slice(12, -e.length)));
  if (book) return { file: p, keepQuery: false };
  return undefined;
}

const encodeFile = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/** The relative href from the page written at `from` to `file` (both relative to the site root). */
export function relativeHref(from: string, file: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${encodeFile(file)}`;
}

const unescapeAttr = (s: string) =>
  s.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[e] ?? "'");
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page's HTML with every site-absolute href, src and action made relative to `from`. An address
 * the static site lacks (a record's history, the write API) leads to the live site when `liveBase`
 * is given, and is otherwise no longer a link.
 */
export function relativeLinks(html: string, from: string, site: SiteFiles, liveBase?: string): string {
  return html.replace(/ (href|src|action)="(\/(?!\/)[^"]*)"/g, (_all, attr: string, raw: string) => {
    const url = unescapeAttr(raw);
    const hash = url.indexOf('#');
    const fragment = hash >= 0 ? url.slice(hash) : '';
    const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
    const q = beforeHash.indexOf('?');
    const path = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
    const query = q >= 0 ? beforeHash.slice(q) : '';
    const target = fileFor(path, site);
    if (!target) return liveBase ? ` ${attr}="${escapeAttr(`${liveBase}${url}`)}"` : attr === 'href' ? ' data-live-only=""' : '';
    return ` ${attr}="${escapeAttr(relativeHref(from, target.file) + (target.keepQuery ? query : '') + fragment)}"`;
  });
}
