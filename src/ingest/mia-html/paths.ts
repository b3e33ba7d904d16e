// Where a page sits on marxists.org, derived from its file path, and the collection paths and ids
// that follow from it. "marx/works/1871/letters/71_04_17.htm" is archive path
// ["marx","works","1871","letters","71_04_17.htm"] → https://www.marxists.org/archive/marx/...
import { normaliseIdPath, slugify } from '../../model/ids.js';

export const MIA_BASE = 'https://www.marxists.org/archive/';

const SECTION = /^(works|letters|bio|photo|iwma|txtindex\.htm|index\.htm)$/i;
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/i;

/**
 * The archive path of a file ("lenin/works/1913/mar/22.htm"), when the file path looks like a
 * marxists.org path: anything after ".../archive/", or from the first "<author>/works|letters|..."
 * pair. Returns undefined for other paths.
 */
export function miaArchivePath(filePath: string): string[] | undefined {
  const segs = filePath
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s && s !== '.');
  const a = segs.lastIndexOf('archive');
  if (a >= 0 && a < segs.length - 1) return segs.slice(a + 1);
  for (let i = 0; i < segs.length - 1; i++) {
    if (/^[a-z][a-z0-9-]*$/.test(segs[i]!) && SECTION.test(segs[i + 1]!)) return segs.slice(i);
  }
  return undefined;
}

export const miaUrl = (archivePath: string[]): string => MIA_BASE + archivePath.join('/');

/** Resolve a relative href against an archive path; undefined when it leaves the archive or is not a page link. */
export function resolveArchiveHref(archivePath: string[], href: string): string[] | undefined {
  if (!href || /^(mailto:|javascript:|#)/i.test(href)) return undefined;
  let h = href.trim();
  const abs = h.match(/^https?:\/\/(?:www\.)?marxists\.org\/archive\/(.*)$/i);
  if (abs) h = abs[1]!;
  else if (/^[a-z]+:/i.test(h) || h.startsWith('/')) return undefined;
  h = h.replace(/[#?].*$/, '');
  const out = abs ? [] : archivePath.slice(0, -1);
  for (const s of h.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(s);
  }
  return out.length ? out : undefined;
}

const stripExt = (s: string) => s.replace(/\.html?$/i, '');

/**
 * Collection path of an index-like page: "lenin/works/cw/volume19.htm" → lenin/collected-works/volume-19,
 * ".../works/1871/letters/index.htm" → marx/letters/1871, ".../1848/communist-manifesto/index.htm"
 * → marx/1848/communist-manifesto. The same mapping is used for the collections a work names, so
 * both sides meet.
 */
export function collectionPath(archivePath: string[]): string[] {
  const segs = archivePath.map((s, i) => (i === archivePath.length - 1 ? stripExt(s) : s));
  if (/^index$/i.test(segs.at(-1) ?? '') && segs.length > 1) segs.pop();
  const author = segs[0]!;
  const cw = segs
    .slice(1)
    .join('/')
    .match(/^works\/cw\/(?:v|volume)0*(\d+)$/i);
  if (cw) return [author, 'collected-works', `volume-${cw[1]}`];
  if (segs[1] === 'works' && /^\d{4}$/.test(segs[2] ?? '') && segs[3] === 'letters' && segs.length === 4) {
    return [author, 'letters', segs[2]!];
  }
  if (segs[1] === 'works' && segs.length > 2) segs.splice(1, 1);
  if (segs[1] === 'cw') segs[1] = 'collected-works';
  else if (segs[1] === 'sw') segs[1] = 'selected-works';
  return segs.map((s) => slugify(s, 80));
}

/** Human titles for collection path segments we can name without reading the page. */
export function defaultSegmentTitles(path: string[]): string[] {
  const names: Record<string, string> = {
    marx: 'Marx & Engels Internet Archive',
    lenin: 'Lenin Internet Archive',
    engels: 'Engels',
    works: 'Works',
    letters: 'Letters',
    'collected-works': 'Collected Works',
    cw: 'Collected Works',
  };
  return path.map((s) => names[s] ?? (/^volume-(\d+)$/.test(s) ? `Volume ${s.slice(7)}` : /^\d{4}$/.test(s) ? s : s.replace(/-/g, ' ')));
}

/** Is the page a part of a multi-page book ("marx/works/1848/communist-manifesto/ch02.htm")? */
export function bookFolder(archivePath: string[]): string[] | undefined {
  if (archivePath[1] !== 'works' || archivePath.length < 4) return undefined;
  const dirs = archivePath.slice(2, -1);
  const last = dirs.at(-1)!;
  if (/^\d{1,4}$/.test(last) || MONTHS.test(last) || /^(letters|misc|date|subject|cw|sw|download)$/i.test(last)) return undefined;
  if (dirs.some((d) => /^(subject|date|sw|cw|download)$/i.test(d))) return undefined;
  return archivePath.slice(0, -1);
}

/** Id from the archive path for book parts: marx/works/1848/communist-manifesto/ch02.htm → marx/1848/communist-manifesto/ch02. */
export function idFromArchivePath(archivePath: string[]): string {
  const segs = archivePath.map((s, i) => (i === archivePath.length - 1 ? stripExt(s) : s)).filter((s, i) => !(i === 1 && s === 'works'));
  if (segs.length > 2 && /^index$/i.test(segs.at(-1)!)) segs.pop();
  return normaliseIdPath(segs.join('/'));
}

/** Date the archive path encodes: works/1871/09/21.htm → 1871-09-21, works/1913/mar/22.htm → 1913-03-22. */
export function dateFromArchivePath(archivePath: string[]): string | undefined {
  const i = archivePath.indexOf('works');
  if (i < 0) return undefined;
  const [y, m, d] = archivePath.slice(i + 1).map(stripExt);
  if (!y || !/^\d{4}$/.test(y)) return undefined;
  // Letters: works/1868/letters/68_01_30.htm
  const lf = m === 'letters' && d?.match(/^(\d{2})_(\d{2})_(\d{2})[a-z]?$/);
  if (lf && lf[1] === y.slice(2) && +lf[2]! >= 1 && +lf[2]! <= 12 && +lf[3]! >= 1 && +lf[3]! <= 31) return `${y}-${lf[2]}-${lf[3]}`;
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const mi = m ? (/^\d{2}$/.test(m) && +m >= 1 && +m <= 12 ? +m : months.indexOf(m.toLowerCase()) + 1) : 0;
  if (!mi) return y;
  const mm = String(mi).padStart(2, '0');
  return d && /^\d{2}$/.test(d) && +d >= 1 && +d <= 31 ? `${y}-${mm}-${d}` : `${y}-${mm}`;
}

/** Letter files named yy_mm_dd.htm inside a letters folder. */
export const isLettersPath = (archivePath: string[]): boolean =>
  archivePath.slice(0, -1).includes('letters') && !/^index\.html?$/i.test(archivePath.at(-1) ?? '');
