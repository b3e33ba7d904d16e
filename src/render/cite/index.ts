// Citations of one work: the BibTeX, RIS and CSL-JSON exports (/works/<id>.bib, .ris, .csl.json;
// `octavo export --format bibtex|ris|csl`) and the entries of the page's "Cite this" section, all
// from the one CSL item of csl.ts.
import type { Work } from '../../model/work.js';
import { type CiteContext, type CslItem, cslItem } from './csl.js';
import { bibtexOf, citationsOf, type RenderedCitation, risOf } from './engine.js';

export type { CiteContext, CslItem } from './csl.js';
export type { RenderedCitation } from './engine.js';

/** Without a context the address is site-relative (/works/<id>): callers pass the site's base URL. */
const NO_SITE: CiteContext = { baseUrl: '' };

export const renderBibtex = (work: Work, ctx: CiteContext = NO_SITE): Promise<string> => bibtexOf(cslItem(work, ctx));
export const renderRis = (work: Work, ctx: CiteContext = NO_SITE): Promise<string> => risOf(cslItem(work, ctx));
/** CSL-JSON: an array of one item, as citation processors and Zotero read it. */
export const renderCslJson = (work: Work, ctx: CiteContext = NO_SITE): string => `${JSON.stringify([cslItem(work, ctx)], null, 2)}\n`;

/** What the work page needs for "Cite this" and its reference-manager metadata. */
export interface CiteInput {
  item: CslItem;
  citations: RenderedCitation[];
}

// Rendering three styles takes citeproc a few milliseconds: a page read again is answered from here.
const cache = new Map<string, RenderedCitation[]>();
const CACHE_SIZE = 1000;

export async function citeThis(work: Work, ctx: CiteContext): Promise<CiteInput> {
  const item = cslItem(work, ctx);
  const key = JSON.stringify(item);
  let citations = cache.get(key);
  if (citations) cache.delete(key);
  else citations = await citationsOf(item);
  cache.set(key, citations);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { item, citations };
}
