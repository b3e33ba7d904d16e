// What a page is: a document (one Work), an index of documents (a Collection), or not a document
// at all (the archive's error pages).
import { clean, find, lineOf, tag, textOf, type DomElement } from './dom.js';
import type { Page } from './dom.js';
import { hasCls, unitLinks, type Unit } from './units.js';

export type PageKind = { kind: 'work' } | { kind: 'collection' } | { kind: 'error'; message: string; el?: DomElement; line?: number };

export interface PageStats {
  /** Characters of readable text outside navigation. */
  chars: number;
  /** Share of that text inside links. */
  linkShare: number;
  /** Paragraphs of prose (≥ 200 characters, mostly not links). */
  prose: number;
  /** Links to other pages. */
  pageLinks: number;
}

export function pageStats(units: Unit[], nav: Set<number>): PageStats {
  let chars = 0;
  let linked = 0;
  let prose = 0;
  let pageLinks = 0;
  units.forEach((u, i) => {
    if (nav.has(i)) return;
    const links = unitLinks(u);
    const lt = links.reduce((n, l) => n + l.text.length, 0);
    chars += u.text.length;
    linked += lt;
    pageLinks += links.filter((l) => !l.href.startsWith('#') && !/\.(jpe?g|gif|png|mp3|pdf)$/i.test(l.href)).length;
    if ((u.kind === 'p' || u.kind === 'loose') && u.text.length >= 200 && lt < u.text.length * 0.3 && !hasCls(u, 'information')) prose++;
  });
  return { chars, linkShare: chars ? linked / chars : 0, prose, pageLinks };
}

const INDEX_NAME = /^(index|txtindex|volume\d+|contents|toc)\.html?$/i;

export function classifyPage(page: Page, fileName: string, units: Unit[], nav: Set<number>): PageKind {
  const { $ } = page;
  const title = clean($('title').first().text());
  // marxists.org replaced MECW texts with a notice page (HTTP 410 at the source).
  const gone = find(page.body, (e) => /^h[1-4]$/.test(tag(e)) && /file no longer available/i.test(textOf(e)));
  if (/requested resource is no longer available/i.test(title) || gone) {
    return {
      kind: 'error',
      message:
        'The requested resource is no longer available: the page is the archive’s “File No Longer Available” notice for a removed MECW text, not a document',
      ...(gone ? { el: gone, line: lineOf(gone) } : {}),
    };
  }
  const h1 = find(page.body, (e) => /^h[1-3]$/.test(tag(e)) && /^404$/.test(textOf(e)));
  if (/^---\s*\n[\s\S]*?permalink:\s*\/?404/i.test(page.html) || (h1 && /page not found|could not be found/i.test(textOf(page.body)))) {
    return {
      kind: 'error',
      message: 'The requested resource is no longer available: the page is the archive’s 404 error page (“Page not found”), not a document',
      ...(h1 ? { el: h1, line: lineOf(h1) } : {}),
    };
  }
  const s = pageStats(units, nav);
  const areas = page.$('area[href]').length;
  if (s.chars === 0) return s.pageLinks || areas ? { kind: 'collection' } : { kind: 'work' };
  if (INDEX_NAME.test(fileName)) return s.prose >= 20 && s.pageLinks < 15 ? { kind: 'work' } : { kind: 'collection' };
  if (s.linkShare >= 0.4 && s.prose <= 2) return { kind: 'collection' };
  return { kind: 'work' };
}
