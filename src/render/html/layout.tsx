// The page shell shared by every HTML page: one stylesheet, one deferred script, no inline code
// (the Content-Security-Policy forbids it), and a site header and footer.
import type { Child } from 'hono/jsx';

export interface AssetUrls {
  /** URL of the stylesheet, e.g. "/assets/octavo.css?v=1a2b3c4d". */
  css: string;
  /** URL of the optional enhancement script. */
  js: string;
  /** URL of the site icon. */
  icon?: string;
}

export interface PageOptions {
  title: string;
  assets: AssetUrls;
  main: Child;
  description?: string;
  /** Extra class on <body>, e.g. "page-work". */
  bodyClass?: string;
  /** <link rel="alternate"> entries (other formats of the page's work). */
  alternates?: { href: string; type: string; title: string }[];
  /** More <head> elements (a work's citation metadata). */
  head?: Child;
}

export const SITE_NAME = 'Octavo';

function Shell(o: PageOptions) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{o.title === SITE_NAME ? SITE_NAME : `${o.title} · ${SITE_NAME}`}</title>
        {o.description ? <meta name="description" content={o.description} /> : ''}
        <link rel="stylesheet" href={o.assets.css} />
        {o.assets.icon ? <link rel="icon" href={o.assets.icon} type="image/svg+xml" /> : ''}
        {(o.alternates ?? []).map((a) => (
          <link rel="alternate" href={a.href} type={a.type} title={a.title} />
        ))}
        {o.head ?? ''}
        <script src={o.assets.js} defer></script>
      </head>
      <body class={o.bodyClass}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            {SITE_NAME}
          </a>
          <nav class="site-nav" aria-label="Site">
            <a href="/collections">Collections</a>
            <a href="/authors">Authors</a>
            <a href="/search">Search</a>
          </nav>
          {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the older browsers readers use; role="search" says the same. */}
          <form class="site-search" action="/search" method="get" role="search" aria-label="Site search">
            <input type="search" name="q" placeholder="Search letters, people, places…" aria-label="Search the archive" />
          </form>
        </header>
        <main id="main">{o.main}</main>
        <footer class="site-footer">
          <p>{SITE_NAME} — an archive of historical writings. Each text carries its own rights statement and source.</p>
        </footer>
      </body>
    </html>
  );
}

/** A complete HTML document as a string. */
export function renderPage(o: PageOptions): string {
  return `<!DOCTYPE html>\n${String(Shell(o))}`;
}

/** Breadcrumb trail; the last crumb is the current page and is not a link. */
export function Breadcrumbs({ trail }: { trail: { label: string; href?: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {trail.map((c, i) =>
          i === trail.length - 1 || c.href === undefined ? (
            <li aria-current={i === trail.length - 1 ? 'page' : undefined}>{c.label}</li>
          ) : (
            <li>
              <a href={c.href}>{c.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
