// The stylesheet and script, read once, with content hashes for cache-busting URLs.
import { readFileSync } from 'node:fs';
import { sha256 } from '../../model/checksum.js';
import type { AssetUrls } from './layout.js';

export interface Asset {
  /** Name under /assets/, e.g. "octavo.css". */
  name: string;
  type: string;
  body: string;
  /** First 10 hex digits of the SHA-256 of the body. */
  hash: string;
  /** URL with the hash as version: "/assets/octavo.css?v=…". */
  url: string;
}

function load(name: string, type: string, base = '/assets/'): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
  const hash = sha256(body).slice(0, 10);
  return { name, type, body, hash, url: `${base}${name}?v=${hash}` };
}

/** The site's stylesheet, script and icon, and the search page's own (served under /search/assets/). */
export interface SiteAssets {
  css: Asset;
  js: Asset;
  icon: Asset;
  searchCss: Asset;
  searchJs: Asset;
}
let cached: SiteAssets | undefined;

/** Every asset; read from disk on first use only. */
export function siteAssets(): SiteAssets {
  return (cached ??= {
    css: load('octavo.css', 'text/css; charset=utf-8'),
    js: load('octavo.js', 'text/javascript; charset=utf-8'),
    icon: load('favicon.svg', 'image/svg+xml'),
    searchCss: load('search.css', 'text/css; charset=utf-8', '/search/assets/'),
    searchJs: load('search.js', 'text/javascript; charset=utf-8', '/search/assets/'),
  });
}

export const assetUrls = (): AssetUrls => {
  const a = siteAssets();
  return { css: a.css.url, js: a.js.url, icon: a.icon.url };
};
