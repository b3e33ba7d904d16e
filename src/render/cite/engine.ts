// citation-js, loaded on first use (it takes about half a second to load, which no other command or
// page should pay): BibTeX, RIS and the Chicago, MLA and APA entries of one CSL item, rendered with
// the CSL styles in ./styles (copied from the CSL project; see ./styles/README.md).
import { readFileSync } from 'node:fs';
import type { CslItem } from './csl.js';

/** The styles the "Cite this" section shows, in its order: label and CSL style file name. */
export const CITATION_STYLES = [
  { key: 'chicago', label: 'Chicago', title: 'Chicago Manual of Style, 17th edition (bibliography)', file: 'chicago-note-bibliography' },
  { key: 'mla', label: 'MLA', title: 'MLA Handbook, 9th edition', file: 'modern-language-association' },
  { key: 'apa', label: 'APA', title: 'APA Publication Manual, 7th edition', file: 'apa' },
] as const;

type CiteModule = typeof import('@citation-js/core');
let loading: Promise<CiteModule> | undefined;

function load(): Promise<CiteModule> {
  return (loading ??= (async () => {
    const core = await import('@citation-js/core');
    await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-csl'), import('@citation-js/plugin-ris')]);
    const csl = core.plugins.config.get('@csl');
    for (const s of CITATION_STYLES)
      if (!csl.styles.has(s.file)) csl.styles.add(s.file, readFileSync(new URL(`./styles/${s.file}.csl`, import.meta.url), 'utf8'));
    // Keep non-ASCII letters as they are (the default turns Cyrillic into TeX escapes or drops it),
    // and use the item's id (the work id) as the entry key.
    const bibtex = core.plugins.config.get('@bibtex').format;
    bibtex.asciiOnly = false;
    bibtex.useIdAsLabel = true;
    return core;
  })());
}

/** The item as a BibTeX entry. */
export async function bibtexOf(item: CslItem): Promise<string> {
  const { Cite } = await load();
  return new Cite(item).format('bibtex');
}

/** The item as an RIS record. */
export async function risOf(item: CslItem): Promise<string> {
  const { Cite } = await load();
  return `${new Cite(item).format('ris').trim()}\n`;
}

export interface RenderedCitation {
  key: (typeof CITATION_STYLES)[number]['key'];
  label: string;
  title: string;
  /** The entry as citeproc's HTML (text escaped, titles in <i>), without its wrapper elements. */
  html: string;
}

const entryHtml = (html: string) =>
  html
    .replace(/^\s*<div class="csl-bib-body">\s*<div[^>]*class="csl-entry"[^>]*>/, '')
    .replace(/<\/div>\s*<\/div>\s*$/, '')
    .trim();

/** The item's bibliography entry in each style of CITATION_STYLES, in en-US. */
export async function citationsOf(item: CslItem): Promise<RenderedCitation[]> {
  const { Cite } = await load();
  const cite = new Cite(item);
  return CITATION_STYLES.map((s) => ({
    key: s.key,
    label: s.label,
    title: s.title,
    html: entryHtml(cite.format('bibliography', { format: 'html', template: s.file, lang: 'en-US' })),
  }));
}
