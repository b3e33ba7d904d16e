// The static site's search page (search.html, in the same page shell as every page) and its two
// scripts: the query folding bundled for the browser from Octavo's own normaliser (src/site/client/
// fold.ts; esbuild, with only the English and Russian Snowball stemmers kept and any-ascii replaced
// by diacritic folding), and the client (src/site/assets/static-search.js).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { raw } from 'hono/html';
import { assetUrls } from '../render/html/assets.js';
import { renderPage } from '../render/html/layout.js';

export interface ClientAsset {
  name: string;
  body: string;
}

const FOLD = 'octavo-fold.js';
const CLIENT = 'static-search.js';
const CSS = 'static-search.css';

/** snowball-stemmers with only the two stemmers the normaliser uses (the file holds 24). */
function trimmedStemmers(source: string): string {
  const cut = (from: string, to: string) => {
    const a = source.indexOf(from);
    const b = source.indexOf(to, a);
    if (a < 0 || b < 0) throw new Error(`snowball-stemmers: "${from.trim()}" not found; the static search needs its layout`);
    return source.slice(a, b);
  };
  const head = source.slice(0, source.indexOf('    var arabicStemmer'));
  return `${head}${cut('    var englishStemmer', '    var finnishStemmer')}${cut('    var russianStemmer', '    var sloveneStemmer')}
    function newStemmer(lng) {
        var stemmer = new ({ english: englishStemmer, russian: russianStemmer })[lng]();
        return { stem: function (word) { stemmer.setCurrent(word); stemmer.stem(); return stemmer.getCurrent(); } };
    }
    function algorithms() { return ['english', 'russian']; }
});
`;
}

let bundled: Promise<ClientAsset[]> | undefined;

/** The scripts and stylesheet of the static search (bundled once per process). */
export function staticSearchAssets(): Promise<ClientAsset[]> {
  return (bundled ??= (async () => {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch {
      throw new Error('octavo build needs esbuild (npm install esbuild) to bundle the search for the browser');
    }
    const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
    const entry = existsSync(here('./client/fold.ts')) ? here('./client/fold.ts') : here('./client/fold.js');
    const require = createRequire(import.meta.url);
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      plugins: [
        {
          name: 'octavo-browser',
          setup(b) {
            b.onResolve({ filter: /^snowball-stemmers$/ }, () => ({ path: 'snowball', namespace: 'octavo' }));
            b.onResolve({ filter: /^any-ascii$/ }, () => ({ path: 'any-ascii', namespace: 'octavo' }));
            b.onLoad({ filter: /^snowball$/, namespace: 'octavo' }, () => ({
              contents: trimmedStemmers(readFileSync(require.resolve('snowball-stemmers'), 'utf8')),
              loader: 'js',
            }));
            // Scripts other than Latin and Cyrillic: diacritics folded (any-ascii's tables are 500 KB).
            b.onLoad({ filter: /^any-ascii$/, namespace: 'octavo' }, () => ({
              contents: 'export default (s) => s.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "");',
              loader: 'js',
            }));
          },
        },
      ],
    });
    const fold = result.outputFiles[0]!.text;
    return [
      { name: FOLD, body: fold },
      { name: CLIENT, body: readFileSync(here('./assets/static-search.js'), 'utf8') },
      { name: CSS, body: readFileSync(here('./assets/static-search.css'), 'utf8') },
    ];
  })());
}

/** search.html: the page shell with a search form that needs no server, and the client's scripts. */
export function searchPage(): string {
  const main = `<section class="search-page static-search">
<link rel="stylesheet" href="/assets/${CSS}"/>
<h1>Search</h1>
<form class="search-form" role="search" action="/search" method="get">
<label for="q" class="visually-hidden">Search the archive</label>
<input type="search" id="q" name="q" autocomplete="off" placeholder="Words, &quot;a phrase&quot;, author:lenin, year:1918, kind:letter"/>
<button type="submit">Search</button>
</form>
<p class="search-status" role="status" aria-live="polite"></p>
<div class="search-layout"><div class="search-results"></div><aside class="search-facets" aria-label="Narrow the results"></aside></div>
<noscript><p>The search of this static copy runs in the browser: it needs JavaScript.</p></noscript>
<script src="/assets/${FOLD}" defer></script>
<script src="/assets/${CLIENT}" defer></script>
</section>`;
  return renderPage({ title: 'Search', assets: assetUrls(), main: raw(main), bodyClass: 'page-search' });
}
