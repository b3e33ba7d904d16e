// Where a record came from, as keys both sides of a link can compute: a work's or an index page's
// archive URL and file paths, and the address a contents entry points at. An index page's entry
// "ch02.htm" and the chapter imported from .../1867-c1/ch02.htm meet on the same key, whichever was
// imported first and in whichever batch.
import type { Collection, Provenance } from './work.js';

/** A folder and its index page are one address ("…/1867-c1/" and "…/1867-c1/index.htm"). */
const withoutIndex = (path: string) => path.replace(/\/index\.html?$/i, '').replace(/\/+$/, '');

/** https, lower-case host, no fragment or query, no trailing slash: the same page however it was linked. */
export function urlKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  return `url:${u.host.toLowerCase().replace(/^www\./, '')}${withoutIndex(path)}`;
}

/** An absolute file path with "." and ".." resolved and forward slashes. */
export function fileKey(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  if (!p.startsWith('/') && !/^[a-z]:\//i.test(p)) return undefined;
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `file:${withoutIndex(`/${out.join('/')}`)}`;
}

/** The keys a record is known by: its archive URL and every absolute path it was imported from. */
export function sourceKeys(p: Pick<Provenance, 'url' | 'paths'>): string[] {
  const keys = [p.url ? urlKey(p.url) : undefined, ...(p.paths ?? []).map(fileKey)];
  return [...new Set(keys.filter((k): k is string => !!k))];
}

const dirOf = (path: string) => path.replace(/\\/g, '/').replace(/\/[^/]*$/, '');

/**
 * The keys a contents entry's href may name, resolved against the index page's own URL and paths.
 * Fragments are dropped ("ch01.htm#007" is ch01.htm); mail, script and in-page links name nothing.
 */
export function hrefKeys(href: string, page: Pick<Provenance, 'url' | 'paths'>): string[] {
  const h = href.trim();
  if (!h || /^(mailto:|javascript:|data:|#)/i.test(h)) return [];
  const bare = h.replace(/[#?].*$/, '');
  const keys: (string | undefined)[] = [];
  if (/^https?:\/\//i.test(h)) keys.push(urlKey(bare));
  else {
    if (page.url) {
      try {
        keys.push(urlKey(new URL(bare, page.url).href));
      } catch {
        /* an href no URL can hold names nothing */
      }
    }
    if (!/^[a-z][a-z0-9+.-]*:/i.test(h))
      for (const p of page.paths ?? []) keys.push(fileKey(`${dirOf(p)}/${decodeURIComponentSafe(bare)}`));
  }
  return [...new Set(keys.filter((k): k is string => !!k))];
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The keys an index page's entries point at, with the entry's place: its href resolved, and the work it names. */
export function memberKeys(c: Pick<Collection, 'members' | 'provenance'>): { key: string; position: number }[] {
  const out: { key: string; position: number }[] = [];
  c.members.forEach((m, position) => {
    const keys = new Set([...(m.href ? hrefKeys(m.href, c.provenance) : []), ...(m.workId ? [workKey(m.workId)] : [])]);
    for (const key of keys) out.push({ key, position });
  });
  return out;
}

/** A work as an entry names it by id. */
export const workKey = (id: string): string => `id:${id}`;
