// Where a work sits: its book, its year of letters, its Collected Works volume, and the index
// pages its navigation links point at. Paths use the same mapping as index pages (paths.ts).
import { slugify } from '../../model/ids.js';
import type { AgentRef, CollectionRef, Source } from '../../model/work.js';
import type { Page } from './dom.js';
import { collectionPath, defaultSegmentTitles, resolveArchiveHref } from './paths.js';
import { isNavUnit, unitLinks, type Unit } from './units.js';

export interface CollectionsInput {
  page: Page;
  units: Unit[];
  nav: Set<number>;
  archivePath?: string[];
  folder?: string[];
  book?: string;
  authors: AgentRef[];
  source?: Source;
  sourceLinks: { text: string; href: string }[];
  isLetter: boolean;
}

const INDEXISH = /(?:^|\/)(?:index|volume\d+|txtindex)\.html?$/i;

export function workCollections(c: CollectionsInput): CollectionRef[] {
  const out: CollectionRef[] = [];
  const add = (ref: CollectionRef) => {
    if (!ref.path.length || ref.path.some((s) => !s)) return;
    const key = ref.path.join('/');
    if (!out.some((r) => r.path.join('/') === key)) out.push(ref);
  };
  const titled = (path: string[], last?: string) => {
    const t = defaultSegmentTitles(path);
    if (last) t[t.length - 1] = last;
    return t;
  };
  const ap = c.archivePath;

  if (ap && c.folder) {
    const path = collectionPath([...c.folder, 'index.htm']);
    const n = ap.at(-1)!.match(/^ch(?:ap)?0*(\d+)\.html?$/i);
    add({ path, titles: titled(path, c.book), ...(n ? { position: Number(n[1]) } : {}) });
  }
  if (ap && c.isLetter) {
    const i = ap.indexOf('letters');
    const year = ap[i - 1];
    if (i > 1 && year && /^\d{4}$/.test(year)) {
      const path = collectionPath([...ap.slice(0, i + 1), 'index.htm']);
      add({ path, titles: titled(path, `${year} Letters`) });
    }
  }
  // Collected Works volume, as the Source field names it ("Lenin Collected Works ... Volume 35, page 332").
  const author = c.authors[0];
  if (c.source?.volume && author && /collected works|selected works|werke/i.test(c.source.title)) {
    const page = Number.parseInt(c.source.pages ?? '', 10);
    add({
      path: [author.id, slugify(c.source.title), `volume-${slugify(c.source.volume)}`],
      titles: [author.name, c.source.title, `Volume ${c.source.volume}`],
      ...(Number.isFinite(page) ? { position: page } : {}),
    });
  }
  if (!ap) return out;
  // Index pages the navigation points at: the book's contents, the year's letters, a CW volume.
  const navLinks = [...c.sourceLinks, ...c.units.flatMap((u, i) => (c.nav.has(i) || isNavUnit(u, false) ? unitLinks(u) : []))];
  c.page.$('table.t2h-foot a[href], span.footer a[href]').each((_, el) => {
    const href = c.page.$(el).attr('href');
    if (href) navLinks.push({ text: c.page.$(el).text().replace(/\s+/g, ' ').trim(), href });
  });
  for (const l of navLinks) {
    if (!INDEXISH.test(l.href.replace(/[#?].*$/, ''))) continue;
    if (/^\W*(forward|backward|next|previous|prev|back)\b|^[<>«»]+$/i.test(l.text) || /[<>«»]\s*$/.test(l.text)) continue; // neighbours, not containers
    const target = resolveArchiveHref(ap, l.href);
    if (!target || target.length < 2) continue; // the archive's own front page is not a collection of this work
    const path = collectionPath(target);
    add({ path, titles: titled(path, l.text || undefined) });
  }
  return out;
}
